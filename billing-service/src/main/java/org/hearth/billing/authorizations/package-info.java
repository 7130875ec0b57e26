/**
 * Prior authorizations: drafted when a signed plan orders a discipline the payer authorizes, submitted, decided,
 * appealed, expired; decision due dates watched; units consumed once per completed visit.
 */
package org.hearth.billing.authorizations;
