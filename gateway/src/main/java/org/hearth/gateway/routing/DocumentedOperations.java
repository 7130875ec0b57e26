package org.hearth.gateway.routing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's inventory, read from its own OpenAPI document and refreshed every
 * {@code hearth.gateway.inventory-refresh} so that a deployed service that adds an operation is exposed
 * without restarting the gateway. An inventory that cannot be read yet (the service is starting or down) is
 * retried on the next request; one read before stays in use until a newer one arrives.
 */
@Component
public class DocumentedOperations {

    private static final Logger log = LoggerFactory.getLogger(DocumentedOperations.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Cached(OperationInventory inventory, Instant readAt) {}

    private final WebClient http;
    private final WebClient balanced;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /**
     * The read of each service's document under way, shared by every request that finds the cache stale meanwhile:
     * without it each request read the document itself, and with a sick service behind 2,000 live streams
     * reconnecting every second the gateway sent it 3,293 document reads in 90 s (docs/performance.md, S8).
     */
    private final Map<String, Mono<OperationInventory>> reading = new ConcurrentHashMap<>();

    DocumentedOperations(
            GatewayProperties properties, ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
        this.http = WebClient.create();
        ReactorLoadBalancerExchangeFilterFunction instances = loadBalancer.getIfAvailable();
        this.balanced =
                instances == null ? http : WebClient.builder().filter(instances).build();
        this.refresh = properties.inventoryRefresh();
        this.clock = Clock.systemUTC();
    }

    /**
     * The inventory of the service behind {@code prefix} ({@code patients}, {@code scheduling}, …), empty
     * while its document cannot be read and none was read before.
     */
    public Mono<OperationInventory> of(String prefix, URI service) {
        Cached cached = cache.get(prefix);
        if (cached != null && cached.readAt().plus(refresh).isAfter(clock.instant())) {
            return Mono.just(cached.inventory());
        }
        // lb://<name>: any one instance's document (replicas of a service run the same version)
        boolean lb = "lb".equals(service.getScheme());
        URI document = lb
                ? URI.create("http://" + service.getHost() + "/api/" + prefix + "/v3/api-docs")
                : service.resolve("/api/" + prefix + "/v3/api-docs");
        Mono<OperationInventory> fresh = reading.computeIfAbsent(prefix, p -> read(p, lb, document));
        return cached == null ? fresh : fresh.defaultIfEmpty(cached.inventory());
    }

    private Mono<OperationInventory> read(String prefix, boolean lb, URI document) {
        return (lb ? balanced : http)
                .get()
                .uri(document)
                // a service's first document is generated on demand (slow on a loaded machine); behind lb:// the
                // retry asks the next instance
                .retrieve()
                .bodyToMono(String.class)
                .timeout(Duration.ofSeconds(10))
                .retry(1)
                .map(body -> OperationInventory.of(JSON.readTree(body)))
                .doOnNext(inventory -> {
                    cache.put(prefix, new Cached(inventory, clock.instant()));
                    log.info(
                            "gateway exposes {} documented operations of {}",
                            inventory.operations().size(),
                            prefix);
                })
                .onErrorResume(e -> {
                    log.warn("could not read the OpenAPI document of {}: {}", prefix, e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> reading.remove(prefix))
                .cache(); // one read for all who wait on it; a later stale cache starts the next
    }
}
