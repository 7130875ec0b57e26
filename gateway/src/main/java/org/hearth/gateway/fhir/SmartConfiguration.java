package org.hearth.gateway.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.security.GatewaySecurityProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /.well-known/smart-configuration}: where a partner system gets its token (Keycloak's token endpoint), how it
 * authenticates (a JWT it signs with its own key; no shared secrets) and which scopes exist. Backend services only:
 * Hearth does not offer SMART app launch, so there is no authorization endpoint here.
 */
@Component
class SmartConfiguration {

    private final GatewaySecurityProperties security;
    private final FhirProperties fhir;

    SmartConfiguration(GatewaySecurityProperties security, FhirProperties fhir) {
        this.security = security;
        this.fhir = fhir;
    }

    String tokenEndpoint() {
        return fhir.tokenEndpoint() == null || fhir.tokenEndpoint().isBlank()
                ? security.issuerUri() + "/protocol/openid-connect/token"
                : fhir.tokenEndpoint();
    }

    Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", security.issuerUri());
        document.put("jwks_uri", security.effectiveJwkSetUri());
        document.put("token_endpoint", tokenEndpoint());
        document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("scopes_supported", FhirResourceTypes.scopes());
        document.put("capabilities", List.of("client-confidential-asymmetric", "permission-v1"));
        return document;
    }
}
