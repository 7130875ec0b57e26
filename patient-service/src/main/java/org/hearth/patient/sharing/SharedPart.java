package org.hearth.patient.sharing;

/**
 * The parts of a record a patient may share with another agency. The plan summary is the signed plan without its
 * medications, which are a part of their own. Visits live in scheduling-service: it keeps the grants from
 * {@link SharingGranted} and {@link SharingRevoked} and serves them at
 * {@code /api/scheduling/v1/shared-records/{grantId}/visits} (new parts are added at the end).
 */
public enum SharedPart {
    PLAN_SUMMARY,
    MEDICATIONS,
    VITALS,
    VISITS
}
