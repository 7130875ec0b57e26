package org.hearth.patient.sharing;

/**
 * The parts of a record a patient may share with another agency. Visits live in scheduling-service and are not
 * shareable yet; the plan summary is the signed plan without its medications, which are a part of their own.
 */
public enum SharedPart { PLAN_SUMMARY, MEDICATIONS, VITALS }
