/**
 * The billing trail: one billable line per completed visit, ready or on hold with its reasons; claim readiness per
 * payer and period; CSV export.
 */
package org.hearth.billing.trail;
