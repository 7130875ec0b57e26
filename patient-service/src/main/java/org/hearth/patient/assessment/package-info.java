/**
 * The initial assessment at the start of care: medical baseline, functional status (activities of daily
 * living), a structured home safety check with findings and actions, and the patient's own goals. A completed
 * assessment is required before the first plan of care.
 */
package org.hearth.patient.assessment;
