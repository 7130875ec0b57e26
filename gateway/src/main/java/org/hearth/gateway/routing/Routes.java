package org.hearth.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ARCHITECTURE §6: one path prefix per service, forwarded unchanged with the caller's own token
 * (the gateway never mints tokens). Each service serves its OpenAPI document under its prefix too. A service URI
 * {@code lb://<name>} is balanced over its instances (Spring Cloud LoadBalancer; locally a static list, see
 * {@code ./hearth up --replicas}); in Kubernetes it is the service's DNS name.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator hearthRoutes(RouteLocatorBuilder routes, GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        GatewayFilter retry = RefusedConnectionRetry.filter();
        return routes.routes()
                .route(
                        "patients",
                        r -> r.path("/api/patients/**")
                                .filters(f -> f.filter(retry))
                                .uri(services.patient()))
                .route(
                        "scheduling",
                        r -> r.path("/api/scheduling/**")
                                .filters(f -> f.filter(retry))
                                .uri(services.scheduling()))
                .route(
                        "messaging",
                        r -> r.path("/api/messaging/**")
                                .filters(f -> f.filter(retry))
                                .uri(services.messaging()))
                .route(
                        "billing",
                        r -> r.path("/api/billing/**")
                                .filters(f -> f.filter(retry))
                                .uri(services.billing()))
                .route(
                        "audit",
                        r -> r.path("/api/audit/**")
                                .filters(f -> f.filter(retry))
                                .uri(services.audit()))
                .build();
    }
}
