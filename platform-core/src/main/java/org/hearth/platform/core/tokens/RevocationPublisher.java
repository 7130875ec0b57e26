package org.hearth.platform.core.tokens;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a revocation for every instance of every service (see {@link RevocationFeed}) and applies it here at
 * once. Waits for the broker's acknowledgement, so that the caller can answer "done" only when it is true (a
 * Keycloak back-channel logout or an account disabled by an agency admin then gets an error it can retry).
 */
public final class RevocationPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final RevocationList local;
    private final String source;

    public RevocationPublisher(KafkaTemplate<String, String> kafka, RevocationList local, String source) {
        this.kafka = kafka;
        this.local = local;
        this.source = source;
    }

    /** @throws IllegalStateException when the broker did not take it within 5 seconds */
    public void publish(Revocation revocation) {
        local.add(revocation);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Revocation.TOPIC, revocation.revocationId(), revocation.toJson());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", revocation.revocationId());
        header(record, "ce_source", source);
        header(record, "ce_type", Revocation.TYPE);
        header(record, "ce_time", revocation.revokedAt().toString());
        header(record, "content-type", "application/json");
        try {
            kafka.send(record).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("revocation not published", interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("revocation not published", failed);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
