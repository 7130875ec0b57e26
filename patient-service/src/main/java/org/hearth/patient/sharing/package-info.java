/**
 * Sharing a patient's record with another agency under the patient's consent: a grant document names the agency, the
 * parts and the period; that agency's staff read exactly those parts through {@code /shared-records}, and nothing
 * else. Tenancy stays the rule: the grant is the recorded exception, checked in one place ({@link
 * org.hearth.patient.sharing.SharedRecordGate}).
 */
package org.hearth.patient.sharing;
