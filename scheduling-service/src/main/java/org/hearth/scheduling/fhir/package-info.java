/**
 * Scheduling's FHIR R4 resources: visits as {@code Appointment} (status, EVV check-in and check-out times),
 * clinicians as {@code Practitioner} and {@code PractitionerRole}, and this service's part of the CapabilityStatement.
 */
package org.hearth.scheduling.fhir;
