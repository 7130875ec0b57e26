package org.hearth.scheduling.patients;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the patient projection in step with hearth.patient.events; other event types are not scheduling's concern. */
@Component
class PatientEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PatientEventsListener.class);

    private final EventHandling events;
    private final PatientProjectionRepository projection;

    PatientEventsListener(EventHandling events, PatientProjectionRepository projection) {
        this.events = events;
        this.projection = projection;
    }

    @KafkaListener(topics = "hearth.patient.events")
    void on(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            if (PatientAdmittedV1.TYPE.equals(event.type())) {
                boolean applied = projection.apply(event.id(), events.read(event, PatientAdmittedV1.class));
                log.info("PatientAdmitted {} for patient {} {}", event.id(), event.subject(),
                        applied ? "applied" : "already applied");
            }
        });
    }
}
