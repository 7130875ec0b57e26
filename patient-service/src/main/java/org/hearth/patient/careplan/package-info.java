/**
 * The living plan of care: versioned content (problems and goals, interventions, medications, diet, equipment,
 * community services, visit frequency orders), drafted by the team, signed by the lead physician, revised as a
 * new draft version, with full history and diffs.
 */
package org.hearth.patient.careplan;
