package org.hearth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/** The bearer token read without a regular expression: the same outcome as Spring's converter for every request. */
class BearerTokensTest {

    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYXJsYSJ9.c2ln-_~+/";

    @Test
    void readsEveryRequestExactlyAsSpringSecuritysConverterDoes() {
        List<MockServerHttpRequest.BaseBuilder<?>> requests = new ArrayList<>();
        for (String header : List.of(
                "Bearer " + JWT,
                "bearer " + JWT,
                "BEARER " + JWT,
                "Bearer " + JWT + "==",
                "Bearer " + JWT + "=x",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "Bearer  " + JWT,
                "Bearer " + JWT + " ",
                "Bearer " + JWT + "\t",
                "Bearer a b",
                "Bearer a,b",
                "Bearer ab%",
                "Bearer ÿ",
                "Bearerx " + JWT,
                "Basic dXNlcjpwYXNz",
                "",
                "Token " + JWT)) {
            requests.add(MockServerHttpRequest.get("/api/patients/v1/patients").header("Authorization", header));
        }
        requests.add(MockServerHttpRequest.get("/api/patients/v1/patients"));
        requests.add(MockServerHttpRequest.get("/api/patients/v1/patients")
                .header("Authorization", "Bearer " + JWT, "Bearer other"));
        requests.add(MockServerHttpRequest.get("/api/patients/v1/patients?access_token=" + JWT)
                .header("Authorization", "Bearer " + JWT));
        requests.add(MockServerHttpRequest.get("/api/patients/v1/patients?access_token=" + JWT));

        ServerAuthenticationConverter ours = new BearerTokens();
        ServerAuthenticationConverter springs = new ServerBearerTokenAuthenticationConverter();
        for (MockServerHttpRequest.BaseBuilder<?> request : requests) {
            String ourOutcome = outcome(ours, MockServerWebExchange.from(request));
            String springsOutcome = outcome(springs, MockServerWebExchange.from(request));
            assertThat(ourOutcome)
                    .as("%s", request.build().getHeaders().get("Authorization"))
                    .isEqualTo(springsOutcome);
        }
    }

    @Test
    void theWellFormedCaseIsReadWithoutSpringsConverter() {
        assertThat(BearerTokens.wellFormed(MockServerHttpRequest.get("/api/x")
                        .header("Authorization", "Bearer " + JWT + "=")
                        .build()))
                .isEqualTo(JWT + "=");
        assertThat(BearerTokens.wellFormed(MockServerHttpRequest.get("/api/x")
                        .header("Authorization", "Bearer a b")
                        .build()))
                .as("malformed: Spring's converter refuses it")
                .isNull();
    }

    /** The token read, "empty" when the request has none, or the refusal's error code and description. */
    private static String outcome(ServerAuthenticationConverter converter, ServerWebExchange exchange) {
        try {
            Authentication read = converter.convert(exchange).block();
            return read == null ? "empty" : "token " + ((BearerTokenAuthenticationToken) read).getToken();
        } catch (org.springframework.security.oauth2.core.OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + ": "
                    + refused.getError().getDescription();
        }
    }
}
