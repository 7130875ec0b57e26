package org.hearth.platform.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Applies {@link StoreProperties} (time-outs, and where set the write and read concerns) to the MongoDB client
 * every service gets from Spring Boot. Runs before Boot's
 * own customizer, which applies {@code spring.mongodb.uri}: the driver copies only the options a connection
 * string names, so an explicit option in the URI overrides these defaults and nothing else.
 */
public class StoreClientSettings implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StoreProperties properties;

    public StoreClientSettings(StoreProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                                Math.toIntExact(properties.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(properties.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(
                        pool -> pool.maxWaitTime(properties.poolWaitTimeout().toMillis(), TimeUnit.MILLISECONDS));
        if (hasText(properties.writeConcern()) || properties.journal() != null) {
            WriteConcern concern = !hasText(properties.writeConcern())
                    ? WriteConcern.ACKNOWLEDGED
                    : properties.writeConcern().chars().allMatch(Character::isDigit)
                            ? new WriteConcern(Integer.parseInt(properties.writeConcern()))
                            : new WriteConcern(properties.writeConcern());
            settings.writeConcern(properties.journal() == null ? concern : concern.withJournal(properties.journal()));
        }
        if (hasText(properties.readConcern())) {
            settings.readConcern(new ReadConcern(ReadConcernLevel.fromString(properties.readConcern())));
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
