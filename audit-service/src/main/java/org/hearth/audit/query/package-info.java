/**
 * What the privacy officer asks of the store (by patient, by user, by time, refusals, unusual access, verification,
 * NDJSON export) and what a patient's point of contact may see: who accessed the record.
 */
package org.hearth.audit.query;
