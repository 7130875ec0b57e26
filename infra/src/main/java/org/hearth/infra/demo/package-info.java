/**
 * The demo agencies (Sunrise Home Health, Riverbend Home Care) loaded through the public APIs only, as a client
 * would: tokens from Keycloak, every call through the gateway. Each step looks before it writes, so running the
 * loader again creates nothing twice.
 */
package org.hearth.infra.demo;
