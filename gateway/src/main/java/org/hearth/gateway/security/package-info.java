/** The gateway checks every API token (signature, issuer, expiry, audience) before routing; docs and health stay open. */
package org.hearth.gateway.security;
