package org.hearth.scheduling.authorizations;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows billing's prior authorizations so that booking never uses units a payer has not approved. */
@Component
class AuthorizationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationEventsListener.class);

    private final EventEdge edge;
    private final Authorizations authorizations;
    private final EventRoutes routes;

    AuthorizationEventsListener(EventEdge edge, Authorizations authorizations) {
        this.edge = edge;
        this.authorizations = authorizations;
        this.routes = EventRoutes.forConsumer("scheduling-authorizations")
                .on(AuthorizationStatusChangedV1.TYPE, AuthorizationStatusChangedV1.class, this::statusChanged);
    }

    @KafkaListener(
            topics = "hearth.billing.events",
            id = "authorizations",
            groupId = "scheduling-service-authorizations")
    void on(ConsumerRecord<String, String> record) {
        edge.dispatch(record, routes);
    }

    private void statusChanged(IncomingEvent event, AuthorizationStatusChangedV1 changed) {
        boolean applied = authorizations.apply(event.id(), changed);
        log.info(
                "Authorization {} is {} {}",
                changed.authorizationId(),
                changed.status(),
                applied ? "(applied)" : "(already applied)");
    }
}
