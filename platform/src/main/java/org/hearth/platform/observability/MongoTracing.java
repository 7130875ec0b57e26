package org.hearth.platform.observability;

import com.mongodb.MongoClientSettings;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoHandlerContext;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/**
 * A span for every MongoDB command issued inside a trace (Spring Data MongoDB's command observation): the driver
 * hands the observation current on the calling thread to the listener through its request context.
 */
public final class MongoTracing implements MongoClientSettingsBuilderCustomizer {

    private final ObservationRegistry registry;

    public MongoTracing(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.contextProvider(ContextProviderFactory.create(registry))
                .addCommandListener(new MongoObservationCommandListener(registry));
    }

    /**
     * Commands outside any request or event handling (the outbox relay's polls, index creation, metric scrapes) would
     * each start a trace of their own, several a second per instance: they are not observed.
     */
    public static ObservationPredicate onlyWithinATrace() {
        return (name, context) -> !(context instanceof MongoHandlerContext) || context.getParentObservation() != null;
    }
}
