package org.hearth.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's backend-for-frontend over real HTTP: the sign-in redirect with PKCE, the code redeemed at a stand-in
 * token endpoint with tokens signed by the test issuer (whose keys the gateway fetches), the session cookie, CSRF,
 * the token relayed to a service and refreshed when it expires, and sign-out at Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConsoleBffIT.GlobalFilterProbe.class)
class ConsoleBffIT {

    /** A global filter ordered like the gateway's own (documented operations, rate limits): what does it see? */
    @TestConfiguration
    static class GlobalFilterProbe {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Bean
        GlobalFilter probe() {
            return new Probe();
        }

        static final class Probe implements GlobalFilter, org.springframework.core.Ordered {
            @Override
            public reactor.core.publisher.Mono<Void> filter(
                    org.springframework.web.server.ServerWebExchange exchange,
                    org.springframework.cloud.gateway.filter.GatewayFilterChain chain) {
                Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                SEEN.add(route.getMetadata().get("hearth.service") + " "
                        + exchange.getRequest().getPath().value());
                return chain.filter(exchange);
            }

            @Override
            public int getOrder() {
                return -200;
            }
        }
    }

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final TokenEndpoint KEYCLOAK = new TokenEndpoint();
    private static final Service PATIENTS = new Service();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.console.token-uri", KEYCLOAK::uri);
        registry.add("hearth.gateway.services.patient", PATIENTS::uri);
    }

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void setUp() {
        browser = new Browser("http://127.0.0.1:" + port);
        KEYCLOAK.requests.clear();
        PATIENTS.requests.clear();
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.server.stop(0);
        PATIENTS.server.stop(0);
    }

    @Test
    void anUnauthenticatedPageRedirectsToKeycloakWithPkceS256() {
        HttpResponse<String> page = browser.get("/console/patients/p-1");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/console/oauth2/authorization/keycloak");

        HttpResponse<String> authorize = browser.get("/console/oauth2/authorization/keycloak");
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI keycloak = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(keycloak);
        assertThat(keycloak.toString()).startsWith(ISSUER.issuerUri() + "/protocol/openid-connect/auth?");
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "hearth-console")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("max_age", "900")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/console/login/oauth2/code/keycloak")
                .containsKeys("code_challenge", "state", "nonce");
        assertThat(query.get("scope")).contains("openid");
        HttpCookie session = browser.cookie("HEARTH_SESSION").orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/console");
        assertThat(authorize.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("HEARTH_SESSION=")
                        .containsIgnoringCase("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void consoleApiWithoutSessionAnswers401ProblemNotARedirect() {
        HttpResponse<String> response = browser.get("/console/api/patients/v1/patients");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("/problems/unauthenticated");
        assertThat(PATIENTS.requests).isEmpty();
    }

    @Test
    void signedInTheBrowserHoldsOnlyCookiesAndApiCallsCarryTheSessionsTokenToTheService() {
        String accessToken = signIn(Duration.ofMinutes(5));

        HttpResponse<String> session = browser.get("/console/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body())
                .contains(
                        "\"username\":\"carla\"",
                        "\"coordinator\"",
                        "\"agency\":\"sunrise\"",
                        "\"idleTimeoutSeconds\":900")
                .doesNotContain(accessToken);

        HttpResponse<String> patients = browser.get("/console/api/patients/v1/patients?page=0");
        assertThat(patients.statusCode()).isEqualTo(200);
        Service.Request forwarded = PATIENTS.requests.getLast();
        assertThat(forwarded.path()).isEqualTo("/api/patients/v1/patients?page=0");
        assertThat(forwarded.headers().get("Authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(forwarded.headers()).doesNotContainKey("Cookie");
        assertThat(GlobalFilterProbe.SEEN)
                .as("the gateway's global filters see the service's own path")
                .contains("patients /api/patients/v1/patients");
    }

    @Test
    void signedInEveryAppPathAnswersTheWebAppAndItsFilesAreServed() {
        signIn(Duration.ofMinutes(5));

        for (String path : new String[] {"/console/", "/console/dashboard", "/console/patients/p-1"}) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains(
                                    "default-src 'self'",
                                    "frame-ancestors 'none'",
                                    "form-action 'self' http://127.0.0.1:"));
        }
        String script = page(browser.get("/console/").body(), "src=\"(/console/assets/[^\"]+\\.js)\"");
        assertThat(browser.get(script).statusCode()).isEqualTo(200);
        assertThat(browser.get("/console/nothing.js").statusCode()).isEqualTo(404);
        assertThat(new Browser("http://127.0.0.1:" + port)
                        .get("/console/favicon.svg")
                        .statusCode())
                .as("the sign-out page's files need no session")
                .isEqualTo(200);
    }

    private static String page(String html, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("%s in %s", regex, html).isTrue();
        return m.group(1);
    }

    @Test
    void unsafeRequestsNeedTheCsrfCookieEchoedInTheHeader() {
        signIn(Duration.ofMinutes(5));
        browser.get("/console/session");
        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();

        HttpResponse<String> without = browser.send(browser.request("/console/api/patients/v1/patients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> forged = browser.send(browser.request("/console/api/patients/v1/patients")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(without.body()).contains("/problems/csrf");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(PATIENTS.requests).isEmpty();

        HttpResponse<String> with = browser.send(browser.request("/console/api/patients/v1/patients")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(PATIENTS.requests.getLast().headers()).doesNotContainKey("X-XSRF-TOKEN");
    }

    @Test
    void anExpiringAccessTokenIsRefreshedBeforeItIsRelayed() {
        String first = signIn(Duration.ofSeconds(20)); // within the one-minute skew: treated as expired
        String refreshed = KEYCLOAK.willIssue(Duration.ofMinutes(5), null);

        HttpResponse<String> patients = browser.get("/console/api/patients/v1/patients");

        assertThat(patients.statusCode()).isEqualTo(200);
        assertThat(KEYCLOAK.requests.getLast())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("client_id", "hearth-console");
        assertThat(PATIENTS.requests.getLast().headers().get("Authorization"))
                .isEqualTo("Bearer " + refreshed)
                .isNotEqualTo("Bearer " + first);
    }

    @Test
    void aRefusedRefreshEndsTheSessionWith401() {
        signIn(Duration.ofSeconds(20));
        KEYCLOAK.refuseNext();

        HttpResponse<String> patients = browser.get("/console/api/patients/v1/patients");

        assertThat(patients.statusCode()).isEqualTo(401);
        assertThat(patients.body()).contains("/problems/unauthenticated");
        assertThat(PATIENTS.requests).isEmpty();
        assertThat(browser.get("/console/session").statusCode()).isEqualTo(401);
    }

    @Test
    void signOutEndsTheSessionAndTheKeycloakSession() {
        signIn(Duration.ofMinutes(5));
        browser.get("/console/session");
        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();

        HttpResponse<String> withoutCsrf =
                browser.send(browser.request("/console/logout").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        HttpResponse<String> logout = browser.send(browser.request("/console/logout")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)));
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(endSession.toString()).startsWith(ISSUER.issuerUri() + "/protocol/openid-connect/logout?");
        assertThat(query(endSession))
                .containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", "http://127.0.0.1:" + port + "/console/signed-out");
        assertThat(browser.get("/console/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/console/api/patients/v1/patients").statusCode())
                .isEqualTo(401);
    }

    @Test
    void partnersKeepUsingBearerTokensOnApiAndGetNoSession() {
        HttpResponse<String> response = browser.get("/api/patients/v1/patients");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theConsolesSessionCookieIsNoCredentialOnTheApi() {
        signIn(Duration.ofMinutes(5));
        int forwardedBefore = PATIENTS.requests.size();
        String session = browser.cookie("HEARTH_SESSION").orElseThrow().getValue();

        // the browser scopes the cookie to /console; a client that sends it to /api/** anyway is not signed in there
        HttpResponse<String> response = browser.send(browser.request("/api/patients/v1/patients")
                .header("Cookie", "HEARTH_SESSION=" + session)
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("/problems/unauthenticated");
        assertThat(PATIENTS.requests).hasSize(forwardedBefore);
    }

    /** Walks the authorization code flow as a browser and Keycloak would; returns the access token issued. */
    private String signIn(Duration accessTokenLifetime) {
        return signIn(browser, KEYCLOAK, accessTokenLifetime);
    }

    static String signIn(Browser browser, TokenEndpoint keycloak, Duration accessTokenLifetime) {
        browser.get("/console/");
        HttpResponse<String> authorize = browser.get("/console/oauth2/authorization/keycloak");
        Map<String, String> request =
                query(URI.create(authorize.headers().firstValue("Location").orElseThrow()));
        String sessionBefore = browser.cookie("HEARTH_SESSION").orElseThrow().getValue();
        String accessToken = keycloak.willIssue(accessTokenLifetime, request.get("nonce"));

        HttpResponse<String> callback =
                browser.get("/console/login/oauth2/code/keycloak?code=the-code&state=" + request.get("state"));

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/console/");
        Map<String, String> redeemed = keycloak.requests.getLast();
        assertThat(redeemed)
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", "the-code")
                .containsKey("code_verifier");
        assertThat(browser.cookie("HEARTH_SESSION").orElseThrow().getValue())
                .as("session id changes at sign-in")
                .isNotEqualTo(sessionBefore);
        return accessToken;
    }

    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    /** A browser without JavaScript: keeps cookies, never follows redirects. */
    static final class Browser {
        private final String base;
        private final CookieManager cookies;
        private final HttpClient http;

        Browser(String base) {
            this(base, new CookieManager());
        }

        private Browser(String base, CookieManager cookies) {
            this.base = base;
            this.cookies = cookies;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        /** The same browser (its cookies) talking to another address, e.g. another gateway replica. */
        Browser at(String otherBase) {
            return new Browser(otherBase, cookies);
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        java.util.Optional<HttpCookie> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .findFirst();
        }
    }

    /** Keycloak's token endpoint as the gateway calls it: codes and refresh tokens in, tokens of the test issuer out. */
    static final class TokenEndpoint {
        final HttpServer server;
        final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        private volatile String next;
        private volatile boolean refuse;

        TokenEndpoint() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(Arrays.stream(form.split("&"))
                        .map(p -> p.split("=", 2))
                        .collect(Collectors.toMap(
                                p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "")));
                boolean refused = refuse;
                refuse = false;
                byte[] body = (refused
                                ? "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"
                                : next)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(refused ? 400 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
        }

        void refuseNext() {
            refuse = true;
        }

        /** The next answer; returns its access token. */
        String willIssue(Duration accessTokenLifetime, String nonce) {
            String access = ISSUER.token()
                    .subject("carla")
                    .agency("sunrise", "org-sunrise")
                    .roles("coordinator")
                    .audience("hearth-gateway", "patient-service")
                    .clientId("hearth-console")
                    .expiredSince(accessTokenLifetime.negated())
                    .sign();
            var id = ISSUER.token()
                    .subject("carla")
                    .agency("sunrise", "org-sunrise")
                    .audience("hearth-console")
                    .clientId("hearth-console")
                    .claim("name", "Carla Coordinator");
            if (nonce != null) {
                id.claim("nonce", nonce);
            }
            Function<String, String> quoted = s -> "\"" + s + "\"";
            next = "{\"access_token\":" + quoted.apply(access) + ",\"token_type\":\"Bearer\",\"expires_in\":"
                    + accessTokenLifetime.toSeconds() + ",\"refresh_token\":\"refresh-" + System.nanoTime()
                    + "\",\"id_token\":" + quoted.apply(id.sign()) + ",\"scope\":\"openid profile\"}";
            return access;
        }
    }

    /** A service behind the gateway that records what reached it. */
    static final class Service {
        record Request(String path, Map<String, String> headers) {}

        final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();

        Service() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/patients/v3/api-docs", exchange -> {
                byte[] body = """
                        {"openapi":"3.1.0","paths":{"/api/patients/v1/patients":{"get":{},"post":{}}}}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
                requests.add(new Request(exchange.getRequestURI().toString(), headers));
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
