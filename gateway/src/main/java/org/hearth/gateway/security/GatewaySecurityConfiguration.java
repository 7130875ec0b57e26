package org.hearth.gateway.security;

import java.time.Duration;
import java.util.Collection;
import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.gateway.routing.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every {@code /api/**} request needs a token that Keycloak signed, from our realm, in date and naming
 * the gateway in {@code aud}. The token then travels on unchanged; each service checks it again for its
 * own audience (defence in depth: a service never trusts the network).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    // the actuator answers only on the management port, which only probes and Prometheus reach; on the public port
    // PublicActuator answers 404 to every actuator path before this chain runs
    static final String[] OPEN = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        BackChannelLogout.PATH, // Keycloak's call, authenticated by the logout token's signature
        "/api/*/v3/api-docs",
        "/api/*/v3/api-docs/**",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/webjars/**",
        // FHIR: the CapabilityStatement and the SMART configuration are how a partner learns to get a token
        "/fhir/R4/metadata",
        "/.well-known/smart-configuration",
        "/fhir/R4/.well-known/smart-configuration"
    };

    /** JSON answers need nothing; the API documentation page needs its own scripts and styles only. */
    static final String CONTENT_SECURITY_POLICY = org.hearth.gateway.problem.SecurityHeaders.CONTENT_SECURITY_POLICY;

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, GatewayProperties gateway, RefusalAudit audit) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            audit.refused(
                    exchange,
                    401,
                    exchange.getRequest().getHeaders().containsHeader("Authorization") ? "invalid token" : "no token");
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Authentication required",
                    "A valid access token for Hearth is required.");
        };
        ServerAccessDeniedHandler denied = (exchange, failure) -> {
            audit.refused(exchange, 403, "forbidden");
            return GatewayProblems.write(
                    exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.");
        };
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                // stateless: the bearer token is the only credential here. Spring's default loads the security
                // context from the WebSession, which created a session object per request (its id from SecureRandom,
                // on a boundedElastic thread, the rest of the request then running on the one parallel thread) and
                // let a console session cookie sent to /api/** stand in for a token
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(cors -> cors.configurationSource(CrossOrigin.consoleOnly(gateway.consoleOrigin())))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.includeSubdomains(true).maxAge(Duration.ofDays(365))))
                .authorizeExchange(exchange ->
                        exchange.pathMatchers(OPEN).permitAll().anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    /**
     * The firewall's refusals (encoded slashes or percent signs, semicolons, control characters or undecodable bytes
     * in the path) answer 400 problem+json with the security headers; the default handler sends an empty 400.
     */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler gatewayRejectedHandler() {
        return (exchange, rejected) -> {
            org.hearth.gateway.problem.SecurityHeaders.STATIC.forEach(
                    exchange.getResponse().getHeaders()::set);
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "bad-request",
                    "Bad request",
                    "The request cannot be processed: its URI, headers or parameters are malformed.");
        };
    }

    /** Spring's strict firewall, every rule kept; header characters checked without regular expressions. */
    @Bean
    org.springframework.security.web.server.firewall.ServerWebExchangeFirewall gatewayFirewall() {
        return HeaderCharacters.firewall();
    }

    /**
     * No observation around each filter of the security chains: per request it was a tenth of the gateway's CPU (two
     * observations and an event per filter, each reaching the tracer), for spans docs/observability.md never promised
     * on the gateway. Authentication and authorization stay observed; the request's own server span and the proxied
     * call's client span are Spring WebFlux's and Spring Cloud Gateway's, untouched.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings gatewaySecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthentications(true)
                .shouldObserveAuthorizations(true)
                .build();
    }

    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(
            GatewaySecurityProperties properties, org.hearth.platform.core.tokens.RevocationList revocations) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .build();
        decoder.setJwtValidator(validator(properties, java.time.Clock.systemUTC()));
        // one signature check per token, not per request; revocations checked on every request
        return new CachingReactiveJwtDecoder(
                decoder, CachingReactiveJwtDecoder.DEFAULT_MAXIMUM_SIZE, java.time.Clock.systemUTC(), revocations);
    }

    /** Issuer, audience and {@code exp}/{@code nbf} with the configured skew; tests build it the same way. */
    static org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>
            validator(GatewaySecurityProperties properties, java.time.Clock clock) {
        org.springframework.security.oauth2.jwt.JwtTimestampValidator timestamps =
                new org.springframework.security.oauth2.jwt.JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        return JwtValidators.createDefaultWithValidators(java.util.List.of(
                timestamps,
                new org.springframework.security.oauth2.jwt.JwtIssuerValidator(properties.issuerUri()),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()))));
    }
}
