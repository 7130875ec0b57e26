/**
 * Sharing a patient's record with another agency under the patient's consent: a grant document names the agency, the
 * parts and the period; that agency's staff read exactly those parts through {@code /shared-records}, and nothing
 * else. Tenancy stays the rule: the grant is the recorded exception, checked in one place ({@link
 * org.hearth.patient.sharing.SharedRecordGate}). Grants are published (SharingGranted, SharingRevoked) so that
 * scheduling-service serves the VISITS part under the same rules.
 */
package org.hearth.patient.sharing;
