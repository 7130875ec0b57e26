/**
 * The patient record's endpoints: admitting, reading, listing, the clinical profile and discharge. Apart from the
 * record itself so that the access rules, which read the record, can guard them without a cycle.
 */
package org.hearth.patient.admission;
