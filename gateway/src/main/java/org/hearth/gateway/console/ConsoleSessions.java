package org.hearth.gateway.console;

import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.util.StringUtils;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * The gateway's sessions exist only for the console (the API chain is stateless): an HTTP-only cookie scoped to
 * {@code /console}, SameSite Lax (Keycloak's redirect back must carry it), Secure whenever the request is HTTPS, and a
 * session unused for {@code hearth.console.idle-timeout} expires with the tokens it holds.
 * <p>
 * Where they live is {@code hearth.sessions.store}: {@code memory} (one gateway) or {@code redis} (Spring Session on
 * the Redis of {@code spring.data.redis.*}), so that any gateway replica serves any session and a gateway restart
 * signs nobody out. Unset, it is {@code redis} exactly when a Redis URL is configured.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSessions {

    /** Keys of the console's sessions in a Redis shared with the rate limiter. */
    static final String REDIS_NAMESPACE = "hearth:console";

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(
            ConsoleProperties console, Environment environment, ObjectProvider<ReactiveRedisConnectionFactory> redis) {
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName(console.cookieName());
        cookies.addCookieInitializer(cookie -> {
            cookie.path(ConsoleSecurityConfiguration.BASE).httpOnly(true).sameSite("Lax");
            if (console.secureCookie() != null) { // otherwise Secure follows the request's scheme
                cookie.secure(console.secureCookie());
            }
        });
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(inRedis(environment) ? redisStore(console, redis.getObject()) : memoryStore(console));
        manager.setSessionIdResolver(cookies);
        return manager;
    }

    static boolean inRedis(Environment environment) {
        String store = environment.getProperty("hearth.sessions.store", "");
        if (store.isBlank()) {
            return StringUtils.hasText(environment.getProperty("spring.data.redis.url"));
        }
        return switch (store.strip().toLowerCase(Locale.ROOT)) {
            case "redis" -> true;
            case "memory" -> false;
            default -> throw new IllegalStateException("hearth.sessions.store must be memory or redis, not " + store);
        };
    }

    private static WebSessionStore memoryStore(ConsoleProperties console) {
        InMemoryWebSessionStore store = new InMemoryWebSessionStore() {
            @Override
            public Mono<WebSession> createWebSession() {
                return super.createWebSession().doOnNext(session -> session.setMaxIdleTime(console.idleTimeout()));
            }
        };
        store.setMaxSessions(10_000);
        return store;
    }

    /**
     * Spring Session's plain Redis repository: one hash per session, expiring with the idle timeout (Redis drops it;
     * no keyspace events needed). Values are Java-serialized, as Spring Security's session attributes (the security
     * context, the authorized client with its tokens, a pending authorization request) are designed to be.
     */
    private static WebSessionStore redisStore(ConsoleProperties console, ReactiveRedisConnectionFactory connections) {
        RedisSerializationContext<String, Object> serialization =
                RedisSerializationContext.<String, Object>newSerializationContext(
                                new JdkSerializationRedisSerializer(ConsoleSessions.class.getClassLoader()))
                        .key(RedisSerializer.string())
                        .hashKey(RedisSerializer.string())
                        .build();
        ReactiveRedisSessionRepository sessions =
                new ReactiveRedisSessionRepository(new ReactiveRedisTemplate<>(connections, serialization));
        sessions.setRedisKeyNamespace(REDIS_NAMESPACE);
        sessions.setDefaultMaxInactiveInterval(console.idleTimeout());
        return new SpringSessionWebSessionStore<>(sessions);
    }
}
