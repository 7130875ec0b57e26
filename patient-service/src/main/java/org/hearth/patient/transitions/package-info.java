/**
 * Transitions of care after a hospital discharge: the interactive contact due within 2 business days and the
 * face-to-face visit due within 7 (high complexity) or 14 (moderate) days, as Medicare's transitional care
 * management asks; overdue tasks are flagged by event.
 */
package org.hearth.patient.transitions;
