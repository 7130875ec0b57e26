package org.hearth.patient.record;

import org.hearth.platform.events.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the platform relay to publish the events waiting in patient documents. */
@Configuration(proxyBeanMethods = false)
class PatientOutbox {

    @Bean
    OutboxCollection patientOutboxCollection() {
        return new OutboxCollection(PatientDocument.COLLECTION);
    }
}
