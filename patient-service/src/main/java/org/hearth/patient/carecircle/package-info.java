/**
 * The care circle: family members and caregivers of a patient, each linked to their identity and holding only
 * the consent scopes the patient (or their representative) granted.
 */
package org.hearth.patient.carecircle;
