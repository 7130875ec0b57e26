package org.hearth.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.core.tokens.RevocationList;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.problem.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Resource-server defaults of every Hearth service: stateless, every request authenticated except health,
 * metrics and API docs; a token is accepted only if Keycloak signed it (keys fetched from the JWKS
 * endpoint), it comes from our realm, it is in date and it names this service in {@code aud}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HearthSecurityProperties.class)
@EnableMethodSecurity
public class HearthSecurityConfiguration {

    // the actuator lives on the management port (ManagementPortDefault) that only probes and Prometheus reach; on
    // the public port there is no actuator, so these paths answer 404 there, with or without a token
    static final String[] OPEN_PATHS = {
        "/actuator/**",
        "/api/*/v3/api-docs",
        "/api/*/v3/api-docs/**",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error",
        // the service's own FHIR CapabilityStatement: the gateway merges them into /fhir/R4/metadata
        "/fhir/R4/metadata"
    };

    @Bean
    SecurityFilterChain hearthSecurityFilterChain(
            HttpSecurity http, JwtDecoder decoder, Problems problems, ObjectProvider<RefusalAudit> refusals)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            refusals.ifAvailable(audit -> audit.refused(
                    request, 401, request.getHeader("Authorization") == null ? "no token" : "invalid token"));
            new BearerTokenAuthenticationEntryPoint().commence(request, response, failure);
            problems.write(
                    request,
                    response,
                    ProblemType.UNAUTHENTICATED,
                    "A valid access token for this service is required.");
        };
        AccessDeniedHandler denied = (request, response, failure) -> {
            refusals.ifAvailable(audit -> audit.refused(request, 403, "role or scope missing"));
            problems.write(request, response, ProblemType.FORBIDDEN, "You are not allowed to do this.");
        };
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        // realm roles say who the caller is; OAuth scopes (SCOPE_x) say what a partner client was granted
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        RealmRoles roles = new RealmRoles();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>(roles.convert(jwt));
            authorities.addAll(scopes.convert(jwt));
            return authorities;
        });
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(OPEN_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                                .authenticationEntryPoint(unauthenticated)
                                .accessDeniedHandler(denied))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * The firewall's refusals (encoded slashes, semicolons, undecodable or control characters in the path) answer
     * 400 problem+json; the default handler's sendError would end on an error page. The message is not logged: it
     * can echo request content.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler hearthRequestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                problems.write(
                        request,
                        response,
                        ProblemType.BAD_REQUEST,
                        "The request cannot be processed: its URI, headers or parameters are malformed.");
            }
        };
    }

    @Bean
    JwtDecoder hearthJwtDecoder(HearthSecurityProperties properties, RevocationList revocations) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator(properties, Clock.systemUTC()));
        // clients repeat one token for its 5 minutes: verify its signature once, not on every request; revocations
        // (logout, a disabled account or partner) are checked on every request
        return new CachingJwtDecoder(decoder, revocations);
    }

    /**
     * The checks every token passes: issuer, audience, and {@code exp}/{@code nbf} with the configured clock skew
     * (Spring's default would add 60 s). Public to tests so that they check what runs, on their own clock.
     */
    public static OAuth2TokenValidator<Jwt> validator(HearthSecurityProperties properties, Clock clock) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        // Spring's defaults (the certificate-bound token check) are kept; our timestamp validator replaces its own
        return JwtValidators.createDefaultWithValidators(
                List.of(timestamps, new JwtIssuerValidator(properties.issuerUri()), audience));
    }
}
