package org.hearth.gateway.routing;

import java.net.ConnectException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;

/**
 * With replicas behind {@code lb://<service>}, the balancer's static list still names an instance that has just
 * stopped: a request it picks is refused before a byte of it is sent, so it is tried once more, whatever its method,
 * on the next instance of the list. Only a refused connection is retried, never a request that reached a service
 * (no 5xx retries, no timeouts): a write is never applied twice by the gateway.
 */
public final class RefusedConnectionRetry {

    private RefusedConnectionRetry() {}

    public static GatewayFilter filter() {
        RetryGatewayFilterFactory.RetryConfig config = new RetryGatewayFilterFactory.RetryConfig()
                .setRetries(1)
                .setMethods(HttpMethod.values())
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class);
        return new RetryGatewayFilterFactory().apply(config);
    }
}
