/**
 * The web console's backend-for-frontend: Keycloak sign-in (authorization code + PKCE) for {@code /console/**},
 * tokens kept in the server-side session, an HTTP-only session cookie, CSRF by cookie-to-header, logoff after
 * inactivity, and {@code /console/api/**} relayed to the services with the session's (refreshed) access token.
 */
package org.hearth.gateway.console;
