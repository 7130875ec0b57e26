/**
 * Eligibility inquiries and prior-authorization submissions through a {@link org.hearth.billing.eligibility.PayerGateway}
 * (X12 270/271 and 278 shaped JSON over HTTP), with bounded time-outs and retries that always end in a status.
 */
package org.hearth.billing.eligibility;
