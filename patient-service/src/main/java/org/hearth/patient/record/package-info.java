/** The patient record: admitting a patient to an agency and reading who the agency cares for. */
package org.hearth.patient.record;
