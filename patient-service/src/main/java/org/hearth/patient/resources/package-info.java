/**
 * Caregiver support resources of an agency (respite care, support groups, education): what the agency offers the
 * families it serves. Not about one patient, so no consent scope applies; every signed-in person of the agency,
 * family included, reads them; coordinators and agency admins keep the list.
 */
package org.hearth.patient.resources;
