package org.hearth.gateway.security;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Instant;
import java.util.Map;
import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.platform.core.tokens.Revocation;
import org.hearth.platform.core.tokens.RevocationPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * OpenID Connect Back-Channel Logout 1.0 for every Hearth client (console, CLI): when a session ends at Keycloak
 * (sign-out anywhere, an admin ending the sessions, an account disabled), Keycloak posts a signed logout token here,
 * and the gateway publishes the revocation that every instance of every service applies to the validated-token
 * caches, so the session's access tokens are refused within about a second instead of at their {@code exp}
 * (issue 20). Answers 200 only once the revocation is on the broker; 400 for a token that is not a valid logout
 * token; 503 if the broker did not take it (Keycloak reports the failure; the token then dies at its exp).
 */
@Configuration(proxyBeanMethods = false)
class BackChannelLogout {

    static final String PATH = "/auth/back-channel-logout";
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

    @Bean
    RouterFunction<ServerResponse> backChannelLogoutRoute(
            GatewaySecurityProperties properties, RevocationPublisher publisher) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .build();
        decoder.setJwtValidator(logoutTokenValidator(properties));
        return route(POST(PATH), request -> logout(request, decoder, publisher));
    }

    /** OIDC Back-Channel Logout §2.6: issuer, a fresh iat/exp, the logout event, sid or sub, and never a nonce. */
    static OAuth2TokenValidator<Jwt> logoutTokenValidator(GatewaySecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtClaimValidator<Map<String, Object>>(
                        "events", events -> events != null && events.containsKey(EVENT)),
                new JwtClaimValidator<Object>("nonce", nonce -> nonce == null),
                token -> token.getSubject() != null || token.getClaimAsString("sid") != null
                        ? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success()
                        : org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
                                new org.springframework.security.oauth2.core.OAuth2Error("invalid_token")));
    }

    private static Mono<ServerResponse> logout(
            ServerRequest request, ReactiveJwtDecoder decoder, RevocationPublisher publisher) {
        return request.formData()
                .mapNotNull(form -> form.getFirst("logout_token"))
                .flatMap(token -> decoder.decode(token).onErrorResume(invalid -> Mono.error(new InvalidLogoutToken())))
                .switchIfEmpty(Mono.error(new InvalidLogoutToken()))
                .flatMap(token -> Mono.fromRunnable(() -> publisher.publish(
                                Revocation.loggedOut(token.getClaimAsString("sid"), token.getSubject(), Instant.now())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(ServerResponse.ok()
                                .header("Cache-Control", "no-store")
                                .build()))
                .onErrorResume(
                        InvalidLogoutToken.class,
                        invalid -> problem(
                                request,
                                HttpStatus.BAD_REQUEST,
                                "bad-request",
                                "Bad request",
                                "The logout token is missing or not valid."))
                .onErrorResume(IllegalStateException.class, unpublished -> {
                    log.error(
                            "LOGOUT NOT PROPAGATED: {}",
                            unpublished.getCause() == null
                                    ? unpublished.toString()
                                    : unpublished.getCause().toString());
                    return problem(
                            request,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "service-unavailable",
                            "Service unavailable",
                            "The logout could not be propagated. Please retry shortly.");
                });
    }

    private static Mono<ServerResponse> problem(
            ServerRequest request, HttpStatus status, String type, String title, String detail) {
        return GatewayProblems.write(request.exchange(), status, type, title, detail)
                .then(Mono.empty());
    }

    private static final class InvalidLogoutToken extends RuntimeException {
        InvalidLogoutToken() {
            super("invalid logout token", null, false, false);
        }
    }
}
