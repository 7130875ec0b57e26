/**
 * The care team of a patient: the clinicians and staff who serve them, each linked to their Keycloak identity
 * ({@code sub}), with exactly one lead physician (the PCP) who signs the plan of care.
 */
package org.hearth.patient.careteam;
