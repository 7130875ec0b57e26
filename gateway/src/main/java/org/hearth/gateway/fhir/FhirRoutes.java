package org.hearth.gateway.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.gateway.routing.GatewayProperties;
import org.hearth.gateway.routing.RefusedConnectionRetry;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /fhir/R4/<Type>[/...]} goes, unchanged and with the caller's own token, to the service that owns the type.
 * These routes pass the same global filters as the REST routes (token check, rate limits, correlation ids, problems
 * as OperationOutcomes), except the OpenAPI inventory: a FHIR endpoint's contract is the service's
 * CapabilityStatement, and the service answers an undeclared interaction with a 404/405 OperationOutcome itself.
 * What the gateway answers itself ({@code metadata}, {@code $export}, unknown types) is in {@link FhirEndpoints},
 * whose handlers are asked before these routes.
 */
@Configuration(proxyBeanMethods = false)
class FhirRoutes {

    /** Route metadata telling the gateway's filters that a route serves FHIR. */
    public static final String FHIR = "hearth.fhir";

    @Bean
    RouteLocator fhirRouteLocator(RouteLocatorBuilder routes, GatewayProperties properties) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        for (FhirResourceTypes.Owner owner : FhirResourceTypes.Owner.values()) {
            List<String> paths = new ArrayList<>();
            for (String type : FhirResourceTypes.all()) {
                if (FhirResourceTypes.ownerOf(type).orElseThrow() == owner) {
                    paths.add(FhirEndpoints.BASE + "/" + type);
                    paths.add(FhirEndpoints.BASE + "/" + type + "/**");
                }
            }
            builder.route(
                    "fhir-" + owner.name().toLowerCase(Locale.ROOT),
                    r -> r.path(paths.toArray(String[]::new))
                            .filters(f -> f.filter(RefusedConnectionRetry.filter()))
                            .metadata(FHIR, true)
                            .uri(FhirResourceTypes.uriOf(owner, properties.services())));
        }
        return builder.build();
    }
}
