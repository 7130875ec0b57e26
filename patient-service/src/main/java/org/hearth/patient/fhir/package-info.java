/**
 * FHIR R4 at {@code /fhir/R4} for the data patient-service owns: one small mapper per resource (domain record to
 * HAPI resource and back), the FHIR access rules on top of the REST ones, and the controllers.
 */
package org.hearth.patient.fhir;
