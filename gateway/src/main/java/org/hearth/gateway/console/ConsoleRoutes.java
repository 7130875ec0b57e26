package org.hearth.gateway.console;

import java.net.URI;
import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.gateway.routing.GatewayProperties;
import org.hearth.gateway.routing.RefusedConnectionRetry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RewritePathGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.WebSession;

/**
 * {@code /console/api/<service>/**} reaches the same services as {@code /api/<service>/**}, with the session's access
 * token (refreshed when it expires) instead of the browser's cookies. When Keycloak refuses the refresh (its session
 * ended), the console session ends too and the web app is told to sign in again.
 * <p>
 * The path is rewritten to {@code /api/...} before the gateway's global filters run (order {@value #REWRITE_ORDER}),
 * so they see the same path as for a partner's call; each route names its service in the metadata
 * {@value #SERVICE} (its id is {@code console-<service>}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

    static final String SERVICE = "hearth.service";
    static final int REWRITE_ORDER = -1000;

    @Bean
    RouteLocator consoleRouteLocator(RouteLocatorBuilder routes, GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        RouteLocatorBuilder.Builder builder = routes.routes();
        route(builder, "patients", services.patient());
        route(builder, "scheduling", services.scheduling());
        route(builder, "messaging", services.messaging());
        route(builder, "billing", services.billing());
        route(builder, "audit", services.audit());
        return builder.build();
    }

    private static void route(RouteLocatorBuilder.Builder builder, String service, URI uri) {
        GatewayFilter rewrite = new RewritePathGatewayFilterFactory()
                .apply(config -> config.setRegexp("^" + ConsoleSecurityConfiguration.BASE + "/api/(?<rest>.*)$")
                        .setReplacement("/api/${rest}"));
        builder.route(
                "console-" + service,
                r -> r.path(ConsoleSecurityConfiguration.BASE + "/api/" + service + "/**")
                        .filters(f -> f.filter(
                                        new OrderedGatewayFilter(signInAgainWhenRefreshIsRefused(), REWRITE_ORDER - 1))
                                .filter(new OrderedGatewayFilter(rewrite, REWRITE_ORDER))
                                .filter(RefusedConnectionRetry.filter())
                                .removeRequestHeader("Cookie")
                                .removeRequestHeader("X-XSRF-TOKEN")
                                .tokenRelay(ConsoleProperties.REGISTRATION))
                        .metadata(SERVICE, service)
                        .uri(uri));
    }

    private static GatewayFilter signInAgainWhenRefreshIsRefused() {
        return (exchange, chain) -> chain.filter(exchange)
                .onErrorResume(
                        OAuth2AuthorizationException.class,
                        refused -> exchange.getSession()
                                .flatMap(WebSession::invalidate)
                                .then(GatewayProblems.write(
                                        exchange,
                                        HttpStatus.UNAUTHORIZED,
                                        "unauthenticated",
                                        "Signed out",
                                        "Your session has ended. Sign in again to continue.")));
    }
}
