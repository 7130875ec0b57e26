package org.hearth.audit.ingest;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The audit store's listener takes a whole poll at a time: the platform's settings and error handler (retries, then
 * the dead-letter topic), with batch delivery and the offsets committed once the poll is written (a batch listener
 * cannot commit per record). Other listeners of this service keep the platform's record listeners.
 */
@Configuration(proxyBeanMethods = false)
class AuditListeners {

    static final String BATCH = "auditBatchListenerContainerFactory";

    @Bean(BATCH)
    ConcurrentKafkaListenerContainerFactory<Object, Object> auditBatchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
