/**
 * Billing's FHIR R4 resources: a patient's insurance as {@code Coverage}, prior authorization requests as
 * {@code Claim} (use preauthorization) and the payers' answers as {@code ClaimResponse}; read and search only.
 */
package org.hearth.billing.fhir;
