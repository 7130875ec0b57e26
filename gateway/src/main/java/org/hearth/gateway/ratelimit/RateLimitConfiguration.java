package org.hearth.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Wires the limiter to the store chosen by {@code hearth.gateway.rate-limit.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "hearth.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    TokenBuckets tokenBuckets(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return switch (properties.store()) {
            case IN_PROCESS -> new InProcessTokenBuckets(System::nanoTime);
            case REDIS -> new RedisTokenBuckets(redis.getObject());
        };
    }

    @Bean
    RateLimitFilter rateLimitFilter(TokenBuckets buckets, RateLimitProperties properties, MeterRegistry meters) {
        return new RateLimitFilter(buckets, properties, meters);
    }

    @Bean
    GatewayServedRateLimit gatewayServedRateLimit(RateLimitFilter limiter) {
        return new GatewayServedRateLimit(limiter);
    }
}
