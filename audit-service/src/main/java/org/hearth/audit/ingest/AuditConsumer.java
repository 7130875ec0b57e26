package org.hearth.audit.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hearth.audit.chain.ChainStore;
import org.hearth.platform.events.CloudEventHeaders;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Appends every event on hearth.audit to its agency's chain, once (the chain's unique event index makes a redelivery a
 * no-op). A refusal of a request that named no agency (no token, a token without one) goes to the chain of
 * {@link #NO_AGENCY}: stored like the others, seen by no agency's privacy officer, verified by {@code audit-verify}.
 */
@Component
class AuditConsumer {

    /** The chain of refusals that belong to no agency. */
    static final String NO_AGENCY = "00000000-0000-0000-0000-000000000000";

    private final ChainStore chain;
    private final EventEdge edge;
    private final EventRoutes routes = EventRoutes.forConsumer("audit-store")
            .on(AuditReadersV1.PatientDataAccessed.TYPE, AuditReadersV1.PatientDataAccessed.class, this::accessed)
            .on(AuditReadersV1.AccessRefused.TYPE, AuditReadersV1.AccessRefused.class, this::refused);

    AuditConsumer(ChainStore chain, EventEdge edge) {
        this.chain = chain;
        this.edge = edge;
    }

    @KafkaListener(topics = "hearth.audit", id = "audit-store")
    void onAudit(ConsumerRecord<String, String> record) {
        edge.dispatch(withAgency(record), routes);
    }

    void accessed(IncomingEvent event, AuditReadersV1.PatientDataAccessed accessed) {
        AuditEntries.Prepared prepared = AuditEntries.accessed(accessed, event.source());
        chain.append(event.tenant().value(), event.id(), prepared.facts(), prepared.entry());
    }

    void refused(IncomingEvent event, AuditReadersV1.AccessRefused refused) {
        AuditEntries.Prepared prepared = AuditEntries.refused(refused);
        chain.append(event.tenant().value(), event.id(), prepared.facts(), prepared.entry());
    }

    /** The edge needs an agency on every event; a refusal without one is filed under {@link #NO_AGENCY}. */
    private static ConsumerRecord<String, String> withAgency(ConsumerRecord<String, String> record) {
        boolean hasTenant = record.headers().lastHeader(CloudEventHeaders.TENANT) != null;
        String type = Optional.ofNullable(record.headers().lastHeader(CloudEventHeaders.TYPE))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse("");
        if (hasTenant || !type.equals(AuditReadersV1.AccessRefused.TYPE)) {
            return record;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(CloudEventHeaders.TENANT, NO_AGENCY.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(),
                record.value(), headers, record.leaderEpoch());
    }
}
