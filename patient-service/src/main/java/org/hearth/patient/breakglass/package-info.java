/**
 * Break-glass: a clinician outside the care team opens a patient's record in an emergency, with a stated reason, for a
 * set time; the privacy officer and the lead physician are told, and the privacy officer reviews or revokes the grant.
 */
package org.hearth.patient.breakglass;
