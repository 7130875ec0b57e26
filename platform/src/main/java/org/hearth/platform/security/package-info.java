/** Every service is an OAuth2 resource server: Keycloak-signed tokens, issuer and audience checked, realm roles as authorities. */
package org.hearth.platform.security;
