package org.hearth.gateway.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of an API request as Spring Security's {@link ServerBearerTokenAuthenticationConverter} does,
 * without its regular expression on every request: the one well-formed case (a single {@code Authorization: Bearer
 * <token>} header whose token has only RFC 6750 {@code b64token} characters, and no {@code access_token} parameter)
 * is read here; every other request — no header, another scheme, a malformed token, several tokens — goes to Spring's
 * converter, so its answers (and refusals) stay exactly Spring's. The pattern was 4–5 % of the gateway's CPU per
 * proxied request (docs/performance.md, S1).
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String token = wellFormed(exchange.getRequest());
        return token != null ? Mono.just(new BearerTokenAuthenticationToken(token)) : spring.convert(exchange);
    }

    /** The token of the one well-formed case, else null (Spring's converter decides). */
    static String wellFormed(ServerHttpRequest request) {
        List<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null
                || authorization.size() != 1
                || request.getQueryParams().containsKey("access_token")) {
            return null;
        }
        String header = authorization.get(0);
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return b64token(header, SCHEME.length()) ? header.substring(SCHEME.length()) : null;
    }

    /** RFC 6750 {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static boolean b64token(String header, int from) {
        int i = from;
        while (i < header.length() && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
