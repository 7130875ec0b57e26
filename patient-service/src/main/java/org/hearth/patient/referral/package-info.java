/**
 * Referral intake: a PCP, a hospital at discharge or a partner system refers a patient; the agency accepts or
 * declines; an accepted referral is admitted, which creates the patient (and, after a hospital discharge, the
 * transition-of-care tasks). Partners post with Idempotency-Key.
 */
package org.hearth.patient.referral;
