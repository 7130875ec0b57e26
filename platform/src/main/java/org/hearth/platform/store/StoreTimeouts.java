package org.hearth.platform.store;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import java.util.concurrent.TimeUnit;

/**
 * Applies {@link StoreProperties} to the MongoDB client every service gets from Spring Boot. Runs before Boot's
 * own customizer, which applies {@code spring.mongodb.uri}: the driver copies only the options a connection
 * string names, so an explicit option in the URI overrides these defaults and nothing else.
 */
public class StoreTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StoreProperties properties;

    public StoreTimeouts(StoreProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(properties.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(
                        properties.poolWaitTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
