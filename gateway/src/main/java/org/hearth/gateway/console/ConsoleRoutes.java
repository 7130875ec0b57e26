package org.hearth.gateway.console;

import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.gateway.routing.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.WebSession;

import java.net.URI;

/**
 * {@code /console/api/<service>/**} reaches the same services as {@code /api/<service>/**}, with the session's access
 * token (refreshed when it expires) instead of the browser's cookies. When Keycloak refuses the refresh (its session
 * ended), the console session ends too and the web app is told to sign in again.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

    @Bean
    RouteLocator consoleRouteLocator(RouteLocatorBuilder routes, GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        RouteLocatorBuilder.Builder builder = routes.routes();
        route(builder, "patients", services.patient());
        route(builder, "scheduling", services.scheduling());
        route(builder, "messaging", services.messaging());
        route(builder, "billing", services.billing());
        return builder.build();
    }

    private static void route(RouteLocatorBuilder.Builder builder, String prefix, URI service) {
        builder.route("console-" + prefix, r -> r.path(ConsoleSecurityConfiguration.BASE + "/api/" + prefix + "/**")
                .filters(f -> f.filter(signInAgainWhenRefreshIsRefused())
                        .rewritePath("^" + ConsoleSecurityConfiguration.BASE + "/api/(?<rest>.*)$", "/api/${rest}")
                        .removeRequestHeader("Cookie")
                        .removeRequestHeader("X-XSRF-TOKEN")
                        .tokenRelay(ConsoleProperties.REGISTRATION))
                .uri(service));
    }

    private static GatewayFilter signInAgainWhenRefreshIsRefused() {
        return (exchange, chain) -> chain.filter(exchange).onErrorResume(OAuth2AuthorizationException.class,
                refused -> exchange.getSession().flatMap(WebSession::invalidate).then(GatewayProblems.write(exchange,
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "Signed out",
                        "Your session has ended. Sign in again to continue.")));
    }
}
