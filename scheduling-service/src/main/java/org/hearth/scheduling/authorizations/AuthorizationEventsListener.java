package org.hearth.scheduling.authorizations;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows billing's prior authorizations so that booking never uses units a payer has not approved. */
@Component
class AuthorizationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationEventsListener.class);

    private final EventHandling events;
    private final Authorizations authorizations;

    AuthorizationEventsListener(EventHandling events, Authorizations authorizations) {
        this.events = events;
        this.authorizations = authorizations;
    }

    @KafkaListener(topics = "hearth.billing.events", id = "authorizations", groupId = "scheduling-service-authorizations")
    void on(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            if (AuthorizationStatusChangedV1.TYPE.equals(event.type())) {
                var changed = events.read(event, AuthorizationStatusChangedV1.class);
                boolean applied = authorizations.apply(event.id(), changed);
                log.info("Authorization {} is {} {}", changed.authorizationId(), changed.status(),
                        applied ? "(applied)" : "(already applied)");
            }
        });
    }
}
