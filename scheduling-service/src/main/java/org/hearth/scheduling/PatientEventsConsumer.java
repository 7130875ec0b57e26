package org.hearth.scheduling;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventHandling;
import org.hearth.scheduling.patients.PatientProjectionHandler;
import org.hearth.scheduling.visitplan.CarePlanSignedHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scheduling's one consumer of hearth.patient.events. One consumer, not one per feature: a patient's events arrive
 * in order on one partition, and a discharge must be applied after the plan signed before it (and never the other
 * way round, which two consumer groups could do).
 */
@Component
class PatientEventsConsumer {

    private final EventHandling events;
    private final PatientProjectionHandler projection;
    private final CarePlanSignedHandler carePlans;

    PatientEventsConsumer(EventHandling events, PatientProjectionHandler projection, CarePlanSignedHandler carePlans) {
        this.events = events;
        this.projection = projection;
        this.carePlans = carePlans;
    }

    @KafkaListener(topics = "hearth.patient.events")
    void on(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            projection.on(event);
            carePlans.on(event);
        });
    }
}
