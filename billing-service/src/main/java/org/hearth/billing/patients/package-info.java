/**
 * A patient's billing file: coverage by priority, the facts of the Medicare home health checklist, and what
 * billing learned from patient-service events (start of care, the signed plan that certifies the care).
 */
package org.hearth.billing.patients;
