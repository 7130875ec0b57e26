package org.hearth.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.correlation.InRequestTrace;
import org.hearth.gateway.problem.GatewayProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spends one token of the caller's bucket, then one of the agency's, before a request is routed. Refused
 * requests answer 429 with {@code Retry-After} (whole seconds, rounded up) and never reach a service; every
 * answer carries {@code X-RateLimit-Remaining} of the caller's bucket so that a well-behaved client can slow
 * down before it is refused.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final TokenBuckets.Decision ALLOWED_BLIND = new TokenBuckets.Decision(true, -1, Duration.ZERO);
    private static final TokenBuckets.Decision REFUSED_BLIND =
            new TokenBuckets.Decision(false, 0, Duration.ofSeconds(1));

    private final TokenBuckets buckets;
    private final RateLimitProperties properties;
    private final MeterRegistry meters;

    RateLimitFilter(TokenBuckets buckets, RateLimitProperties properties, MeterRegistry meters) {
        this.buckets = buckets;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // decide first, then filter: chain.filter completes empty, so it must not sit before a switchIfEmpty
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .flatMap(jwt -> decide(jwt).map(decision -> Optional.of(new Verdict(jwt, decision))))
                .defaultIfEmpty(Optional.empty())
                .flatMap(
                        verdict -> verdict.map(v -> apply(v, exchange, chain)).orElseGet(() -> chain.filter(exchange)));
    }

    private record Verdict(Jwt jwt, TokenBuckets.Decision decision) {}

    private Mono<Void> apply(Verdict verdict, ServerWebExchange exchange, GatewayFilterChain chain) {
        TokenBuckets.Decision decision = verdict.decision();
        if (decision.remaining() >= 0) {
            exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        }
        return decision.allowed() ? chain.filter(exchange) : refuse(exchange, decision, verdict.jwt());
    }

    private Mono<TokenBuckets.Decision> decide(Jwt jwt) {
        String client = jwt.getClaimAsString("azp");
        Mono<TokenBuckets.Decision> caller =
                guarded(buckets.take("caller:" + client + ":" + jwt.getSubject(), properties.forClient(client)));
        String agency = agencyOf(jwt);
        if (agency == null) {
            return caller;
        }
        // the agency's budget is spent only by requests the caller's own budget allowed
        return caller.flatMap(mine -> mine.allowed()
                ? guarded(buckets.take("agency:" + agency, properties.perAgency()))
                        .map(ours -> ours.allowed() ? mine : ours)
                : Mono.just(mine));
    }

    private Mono<TokenBuckets.Decision> guarded(Mono<TokenBuckets.Decision> decision) {
        return decision.onErrorResume(e -> InRequestTrace.logged(() -> {
            meters.counter("hearth.gateway.rate_limit.store_failures").increment();
            log.warn(
                    "rate limit store failed, {} the request: {}",
                    properties.onStoreFailure() == RateLimitProperties.OnStoreFailure.ALLOW ? "allowing" : "refusing",
                    e.toString());
            return Mono.just(
                    properties.onStoreFailure() == RateLimitProperties.OnStoreFailure.ALLOW
                            ? ALLOWED_BLIND
                            : REFUSED_BLIND);
        }));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, TokenBuckets.Decision decision, Jwt jwt) {
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        // by client and agency (organization id, no PHI): which partner, which agency hits its limits
        String agency = agencyOf(jwt);
        meters.counter(
                        "hearth.gateway.rate_limit.refused",
                        "client",
                        String.valueOf(jwt.getClaimAsString("azp")),
                        "agency",
                        agency == null ? "none" : agency)
                .increment();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return GatewayProblems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "The request rate of this caller or agency is above its limit. Retry after " + seconds + " s.");
    }

    @SuppressWarnings("unchecked")
    static String agencyOf(Jwt jwt) {
        if (jwt.getClaims().get("organization") instanceof Map<?, ?> organizations) {
            return organizations.values().stream()
                    .filter(Map.class::isInstance)
                    .map(m -> ((Map<String, Object>) m).get("id"))
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
