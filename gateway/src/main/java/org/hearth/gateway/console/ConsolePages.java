package org.hearth.gateway.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web app's pages: every console path that is not a file, an API call or part of sign-in answers the app's
 * {@code index.html} (the app routes in the browser), and {@code /console/session} tells the app who signed in.
 * The built app comes from the {@code web} module's jar ({@code META-INF/resources/console/}).
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    static final String INDEX = "META-INF/resources/console/index.html";
    private static final Set<String> NOT_PAGES = Set.of("api", "assets", "oauth2", "login", "logout", "session");

    @Bean
    RouterFunction<ServerResponse> consolePageRoutes(ConsoleProperties console) {
        Resource index = new ClassPathResource(INDEX);
        return route(
                        GET(ConsoleSecurityConfiguration.BASE),
                        request -> ServerResponse.permanentRedirect(URI.create(ConsoleSecurityConfiguration.BASE + "/"))
                                .build())
                .andRoute(GET(ConsoleSecurityConfiguration.BASE + "/session"), request -> session(request, console))
                .andRoute(
                        GET(ConsoleSecurityConfiguration.BASE + "/**").and(appPage()),
                        request -> index.exists()
                                ? ServerResponse.ok()
                                        .contentType(MediaType.TEXT_HTML)
                                        .cacheControl(CacheControl.noStore())
                                        .bodyValue(index)
                                : ServerResponse.notFound().build());
    }

    private static RequestPredicate appPage() {
        return path(ConsoleSecurityConfiguration.BASE + "/**").and(request -> {
            List<String> segments =
                    List.of(request.path()
                                    .substring(ConsoleSecurityConfiguration.BASE.length())
                                    .split("/"))
                            .stream()
                            .filter(s -> !s.isEmpty())
                            .toList();
            return segments.isEmpty()
                    || (!NOT_PAGES.contains(segments.getFirst())
                            && !segments.getLast().contains("."));
        });
    }

    /** Who is signed in and what the app may offer them; never a token. */
    private static reactor.core.publisher.Mono<ServerResponse> session(
            ServerRequest request, ConsoleProperties console) {
        return request.principal().cast(OAuth2AuthenticationToken.class).flatMap(token -> {
            OidcUser user = (OidcUser) token.getPrincipal();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", user.getPreferredUsername());
            body.put("subject", user.getSubject());
            body.put("name", user.getFullName() != null ? user.getFullName() : user.getPreferredUsername());
            body.put(
                    "roles",
                    token.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .filter(a -> a.startsWith("ROLE_"))
                            .map(a -> a.substring(5))
                            .sorted()
                            .toList());
            Object organization = user.getClaims().get("organization");
            body.put(
                    "agency",
                    organization instanceof Map<?, ?> agencies && !agencies.isEmpty()
                            ? String.valueOf(agencies.keySet().iterator().next())
                            : null);
            body.put("idleTimeoutSeconds", console.idleTimeout().toSeconds());
            return ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(body);
        });
    }
}
