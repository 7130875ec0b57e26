package org.hearth.gateway.routing;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where the gateway itself calls a service (not a route: the FHIR CapabilityStatement, a bulk export's pages), a
 * service URI {@code lb://<name>} is turned into one instance's base URI by the same balancer the routes use; any
 * other URI is already an address.
 */
@Component
public class ServiceInstances {

    private final ObjectProvider<LoadBalancerClientFactory> balancers;

    ServiceInstances(ObjectProvider<LoadBalancerClientFactory> balancers) {
        this.balancers = balancers;
    }

    /** The base URI ({@code http://host:port}) of one instance of {@code service}; an error when none is known. */
    public Mono<URI> base(URI service) {
        if (!"lb".equals(service.getScheme())) {
            return Mono.just(service);
        }
        LoadBalancerClientFactory factory = balancers.getIfAvailable();
        if (factory == null) {
            return Mono.error(new IllegalStateException("no load balancer for " + service));
        }
        return Mono.from(factory.getInstance(service.getHost()).choose())
                .filter(chosen -> chosen.hasServer())
                .map(chosen -> baseOf(chosen.getServer()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no instance of " + service.getHost())));
    }

    private static URI baseOf(ServiceInstance instance) {
        return URI.create(
                (instance.isSecure() ? "https" : "http") + "://" + instance.getHost() + ":" + instance.getPort());
    }
}
