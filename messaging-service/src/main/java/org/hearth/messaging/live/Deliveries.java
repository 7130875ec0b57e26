package org.hearth.messaging.live;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hearth.messaging.mail.OfflineMail;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Writes deliveries with per-person sequence numbers and reads what a person has not seen yet. */
@Component
public class Deliveries {

    public static final Set<String> MAILED = Set.of("URGENT", "ESCALATED", "NOTICE");

    private final TenantScopedMongo mongo;
    private final OfflineMail mail;
    private final Clock clock;
    private final LiveFeed feed;

    Deliveries(TenantScopedMongo mongo, OfflineMail mail, Clock clock, LiveFeed feed) {
        this.mongo = mongo;
        this.mail = mail;
        this.clock = clock;
        this.feed = feed;
    }

    /** Per-person counters: the next delivery's sequence number. */
    @Document("delivery_sequences")
    record Sequence(@Id String subject, String tenantId, long seq) implements TenantOwned {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureUniqueIndex(Delivery.class, "recipient", "seq");
    }

    public void deliver(
            Collection<String> recipients,
            String kind,
            String threadId,
            String messageId,
            String patientId,
            String notice) {
        deliverOnce(
                kind + ":" + (messageId != null ? messageId : notice),
                recipients,
                kind,
                threadId,
                messageId,
                patientId,
                notice);
    }

    /**
     * Delivers once per {@code occurrence} and recipient: a redelivered event with the same occurrence (e.g. its event
     * id) delivers nothing, while the same notice for a new occurrence (a visit moved twice) is delivered again.
     */
    public void deliverOnce(
            String occurrence,
            Collection<String> recipients,
            String kind,
            String threadId,
            String messageId,
            String patientId,
            String notice) {
        for (String recipient : recipients) {
            String id = occurrence + ":" + recipient;
            if (mongo.findById(id, Delivery.class).isPresent()) {
                continue; // delivered before: a redelivered event
            }
            long seq = mongo.increment(recipient, "seq", Sequence.class);
            Delivery delivery = new Delivery(
                    id,
                    TenantContext.current().value(),
                    recipient,
                    seq,
                    kind,
                    threadId,
                    messageId,
                    patientId,
                    notice,
                    clock.instant());
            try {
                mongo.insert(delivery);
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                continue;
            }
            feed.stored(delivery);
            if (MAILED.contains(kind)) {
                mail.remindIfOffline(recipient);
            }
        }
    }

    /** The sequence number of {@code recipient}'s latest delivery, 0 when there is none. */
    long latestSeq(String recipient) {
        return mongo
                .find(
                        Query.query(Criteria.where("recipient").is(recipient))
                                .with(Sort.by(Sort.Direction.DESC, "seq"))
                                .limit(1),
                        Delivery.class)
                .stream()
                .mapToLong(Delivery::seq)
                .findFirst()
                .orElse(0);
    }

    /** What {@code recipient} has not seen after {@code afterSeq}, oldest first, at most {@code limit}. */
    List<Delivery> after(String recipient, long afterSeq, int limit) {
        return mongo.find(
                Query.query(Criteria.where("recipient").is(recipient).and("seq").gt(afterSeq))
                        .with(Sort.by("seq"))
                        .limit(limit),
                Delivery.class);
    }
}
