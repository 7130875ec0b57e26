package org.hearth.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The gateway's sessions exist only for the console (the API chain is stateless): an HTTP-only cookie scoped to
 * {@code /console}, SameSite Lax (Keycloak's redirect back must carry it), Secure whenever the request is HTTPS, and a
 * session unused for {@code hearth.console.idle-timeout} expires with the tokens it holds.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSessions {

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(ConsoleProperties console) {
        InMemoryWebSessionStore store = new InMemoryWebSessionStore() {
            @Override
            public reactor.core.publisher.Mono<org.springframework.web.server.WebSession> createWebSession() {
                return super.createWebSession().doOnNext(session -> session.setMaxIdleTime(console.idleTimeout()));
            }
        };
        store.setMaxSessions(10_000);
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName(console.cookieName());
        cookies.addCookieInitializer(cookie -> {
            cookie.path(ConsoleSecurityConfiguration.BASE).httpOnly(true).sameSite("Lax");
            if (console.secureCookie() != null) { // otherwise Secure follows the request's scheme
                cookie.secure(console.secureCookie());
            }
        });
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(store);
        manager.setSessionIdResolver(cookies);
        return manager;
    }
}
