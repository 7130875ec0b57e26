package org.hearth.gateway.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.gateway.security.GatewaySecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The console's own filter chain, consulted before the API chain and only for {@code /console/**}: the browser signs in
 * through Keycloak (authorization code + PKCE S256) and gets nothing but an HTTP-only session cookie; the tokens stay in
 * the gateway's WebSession. Unsafe requests need the {@code XSRF-TOKEN} cookie's value echoed in {@code X-XSRF-TOKEN}
 * (or a {@code _csrf} form field). Partners keep using bearer tokens on {@code /api/**}, which this chain never sees.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String BASE = "/console";
    static final String LOGIN = BASE + "/oauth2/authorization/" + ConsoleProperties.REGISTRATION;
    static final String SIGNED_OUT = BASE + "/signed-out";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consoleSecurity(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            ConsoleProperties console,
            GatewaySecurityProperties security) {
        ServerAuthenticationEntryPoint problem = (exchange, failure) -> GatewayProblems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Signed out",
                "Your session has ended. Sign in again to continue.");
        DelegatingServerAuthenticationEntryPoint entryPoint =
                new DelegatingServerAuthenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        ServerWebExchangeMatchers.pathMatchers(BASE + "/api/**", BASE + "/session"), problem));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN));

        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(
                        registrations,
                        new PathPatternParserServerWebExchangeMatcher(BASE + "/oauth2/authorization/{registrationId}"));
        // max_age: signing in again after the idle timeout asks for the password, even while Keycloak's own session
        // lives
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(parameters -> parameters.put(
                        "max_age", String.valueOf(console.idleTimeout().toSeconds())))));

        OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        endKeycloakSession.setLogoutSuccessUrl(URI.create(SIGNED_OUT));

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> {
            cookie.path(BASE).sameSite("Lax");
            if (console.secureCookie() != null) { // as the session cookie (ConsoleSessions)
                cookie.secure(console.secureCookie());
            }
        });

        URI issuer = URI.create(security.issuerUri());
        String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
        // the app's own files only; forms may post here and on to Keycloak (sign-out redirects there)
        String contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                + "frame-ancestors 'none'; form-action 'self' " + keycloak;

        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(BASE, BASE + "/**"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy)))
                .authorizeExchange(
                        exchange -> exchange.pathMatchers(BASE + "/assets/**", BASE + "/favicon.svg", SIGNED_OUT)
                                .permitAll()
                                .anyExchange()
                                .authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authenticationMatcher(new PathPatternParserServerWebExchangeMatcher(
                                BASE + "/login/oauth2/code/{registrationId}"))
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(BASE + "/"))
                        .authenticationFailureHandler(
                                new RedirectServerAuthenticationFailureHandler(SIGNED_OUT + "?error")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> GatewayProblems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "csrf",
                                "Request not confirmed",
                                "This change did not come from the Hearth page. Reload the page and try again.")))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .logout(logout -> logout.requiresLogout(
                                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, BASE + "/logout"))
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(endKeycloakSession))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    /** The CSRF token is deferred; subscribing to it on every console request writes the cookie the SPA echoes. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    /** Built from the issuer without discovery, so the gateway starts while Keycloak is still booting. */
    @Bean
    ReactiveClientRegistrationRepository consoleClientRegistrations(
            ConsoleProperties console, GatewaySecurityProperties security) {
        String oidc = security.issuerUri() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(ConsoleProperties.REGISTRATION)
                .clientId(console.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + BASE + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(
                        console.tokenUri() == null || console.tokenUri().isBlank()
                                ? oidc + "/token"
                                : console.tokenUri())
                .jwkSetUri(security.effectiveJwkSetUri())
                .issuerUri(security.issuerUri())
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName("Hearth")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens live in the WebSession: they end with it (sign-out, inactivity) and never leave the gateway. */
    @Bean
    ServerOAuth2AuthorizedClientRepository consoleAuthorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by {@code TokenRelay}: an access token about to expire is refreshed with the refresh token first. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager consoleAuthorizedClientManager(
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /**
     * The user of the console with the realm roles of the access token (checked like any API token: signature, issuer,
     * audience) as {@code ROLE_*} authorities; the web app chooses its pages by them, the services decide access.
     */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> consoleUserService(ReactiveJwtDecoder decoder) {
        OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
        return request -> oidc.loadUser(request)
                .flatMap(user -> decoder.decode(request.getAccessToken().getTokenValue())
                        .map(jwt -> {
                            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                            Object realmAccess = jwt.getClaims().get("realm_access");
                            if (realmAccess instanceof Map<?, ?> access
                                    && access.get("roles") instanceof Collection<?> roles) {
                                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
                            }
                            return new DefaultOidcUser(
                                    authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
                        }));
    }
}
