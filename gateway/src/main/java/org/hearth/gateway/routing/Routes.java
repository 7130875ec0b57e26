package org.hearth.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ARCHITECTURE §6: one path prefix per service, forwarded unchanged with the caller's own token
 * (the gateway never mints tokens). Each service serves its OpenAPI document under its prefix too.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator hearthRoutes(RouteLocatorBuilder routes, GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        return routes.routes()
                .route("patients", r -> r.path("/api/patients/**").uri(services.patient()))
                .route("scheduling", r -> r.path("/api/scheduling/**").uri(services.scheduling()))
                .route("messaging", r -> r.path("/api/messaging/**").uri(services.messaging()))
                .route("billing", r -> r.path("/api/billing/**").uri(services.billing()))
                .route("audit", r -> r.path("/api/audit/**").uri(services.audit()))
                .build();
    }
}
