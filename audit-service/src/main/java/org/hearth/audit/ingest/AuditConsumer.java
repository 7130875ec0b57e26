package org.hearth.audit.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hearth.audit.chain.ChainStore;
import org.hearth.platform.events.CloudEventHeaders;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Appends every event on hearth.audit to its agency's chain, once (the chain's unique event index makes a redelivery a
 * no-op). A refusal of a request that named no agency (no token, a token without one) goes to the chain of
 * {@link #NO_AGENCY}: stored like the others, seen by no agency's privacy officer, verified by {@code audit-verify}.
 *
 * <p>A poll at a time: each record passes the event edge (contract, envelope) as before, then each agency's records
 * are appended to its chain together, in the order they came (one read of the chain's head and one bulk insert instead
 * of a few round trips per record, which put the store minutes behind a burst of thousands). The offsets are committed
 * after the whole poll is written (ack mode BATCH). A record the edge rejects, or a write that fails, is named to the
 * error handler by its position ({@link BatchListenerFailedException}): the records before it are written first and
 * committed, that record is retried and then dead-lettered as with a record listener, the rest are read again.
 */
@Component
class AuditConsumer {

    /** The chain of refusals that belong to no agency. */
    static final String NO_AGENCY = "00000000-0000-0000-0000-000000000000";

    private final ChainStore chain;
    private final EventEdge edge;

    AuditConsumer(ChainStore chain, EventEdge edge) {
        this.chain = chain;
        this.edge = edge;
    }

    @KafkaListener(topics = "hearth.audit", id = "audit-store", containerFactory = AuditListeners.BATCH)
    void onAudit(List<ConsumerRecord<String, String>> records) {
        AgencyBatches batches = new AgencyBatches();
        EventRoutes routes = routesInto(batches);
        for (int position = 0; position < records.size(); position++) {
            batches.at(position);
            try {
                edge.dispatch(withAgency(records.get(position)), routes);
            } catch (RuntimeException rejected) {
                write(batches);
                throw new BatchListenerFailedException(
                        "audit event at position " + position + " of the poll failed", rejected, position);
            }
        }
        write(batches);
    }

    /** The edge checks each record and hands its body here; the record waits in its agency's batch. */
    private static EventRoutes routesInto(AgencyBatches batches) {
        return EventRoutes.forConsumer("audit-store")
                .on(
                        AuditReadersV1.PatientDataAccessed.TYPE,
                        AuditReadersV1.PatientDataAccessed.class,
                        (event, accessed) -> batches.add(
                                event.tenant().value(),
                                pending(event, AuditEntries.accessed(accessed, event.source()))))
                .on(
                        AuditReadersV1.AccessRefused.TYPE,
                        AuditReadersV1.AccessRefused.class,
                        (event, refused) ->
                                batches.add(event.tenant().value(), pending(event, AuditEntries.refused(refused))));
    }

    private void write(AgencyBatches batches) {
        batches.writeAll(chain::appendAll).ifPresent(unwritten -> {
            throw new BatchListenerFailedException(
                    "audit records from position " + unwritten.position() + " of the poll not chained",
                    unwritten.failure(),
                    unwritten.position());
        });
    }

    private static ChainStore.Pending pending(IncomingEvent event, AuditEntries.Prepared prepared) {
        return new ChainStore.Pending(event.id(), prepared.facts(), prepared.entry());
    }

    /** The edge needs an agency on every event; a refusal without one is filed under {@link #NO_AGENCY}. */
    private static ConsumerRecord<String, String> withAgency(ConsumerRecord<String, String> record) {
        boolean hasTenant = record.headers().lastHeader(CloudEventHeaders.TENANT) != null;
        String type = Optional.ofNullable(record.headers().lastHeader(CloudEventHeaders.TYPE))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .orElse("");
        if (hasTenant || !type.equals(AuditReadersV1.AccessRefused.TYPE)) {
            return record;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(CloudEventHeaders.TENANT, NO_AGENCY.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                record.serializedValueSize(),
                record.key(),
                record.value(),
                headers,
                record.leaderEpoch());
    }
}
