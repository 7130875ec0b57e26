/** Payers the agency bills and their rules: prior authorization per discipline, unit definition, timely filing. */
package org.hearth.billing.payers;
