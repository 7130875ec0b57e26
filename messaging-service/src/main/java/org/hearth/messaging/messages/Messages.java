package org.hearth.messaging.messages;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.messaging.MessagingEvents;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class Messages {

    private final TenantScopedMongo mongo;
    private final VersionedDocuments versioned;

    Messages(TenantScopedMongo mongo, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.versioned = versioned;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        @Bean
        OutboxCollection messageOutboxCollection() {
            return new OutboxCollection(Message.COLLECTION);
        }
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(Message.class, "threadId", "sentAt");
        mongo.ensureIndex(Message.class, "urgent.dueAt");
        mongo.ensureIndex(Message.class, "source.ref", "source.type");
    }

    /** The notice posted for a source (e.g. the alert notice of an alert id), if it was posted yet. */
    public Optional<Message> bySource(String type, String id) {
        return mongo
                .find(
                        Query.query(Criteria.where("source.ref")
                                        .is(id)
                                        .and("source.type")
                                        .is(type))
                                .limit(1),
                        Message.class)
                .stream()
                .findFirst();
    }

    public Optional<Message> find(String id) {
        return mongo.findById(id, Message.class);
    }

    /** Inserts a new message with its events (in the same document); false if a message with its id exists. */
    public boolean insertIfAbsent(Message message, List<? extends DomainEvent> events) {
        return versioned.createOrUpdate(
                message.id(),
                0,
                MessagingEvents.TOPIC,
                events,
                outbox -> new Message(
                        message.id(),
                        message.tenantId(),
                        message.threadId(),
                        message.patientId(),
                        message.author(),
                        message.body(),
                        message.sentAt(),
                        message.editedAt(),
                        message.deleted(),
                        message.revisions(),
                        message.readBy(),
                        message.urgent(),
                        message.attachmentIds(),
                        1,
                        outbox,
                        message.source(),
                        message.notice()),
                new Update(),
                Message.class);
    }

    public boolean update(String id, long expectedVersion, Update changes, List<? extends DomainEvent> events) {
        return versioned.update(id, expectedVersion, MessagingEvents.TOPIC, events, changes, Message.class);
    }

    /** A page of a thread's messages, newest first, sent before {@code before}. */
    List<Message> ofThread(String threadId, Instant before, int size) {
        Criteria criteria = Criteria.where("threadId").is(threadId);
        if (before != null) {
            criteria.and("sentAt").lt(before);
        }
        return mongo.find(
                Query.query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "sentAt", "_id"))
                        .limit(size),
                Message.class);
    }

    /**
     * For the escalation watch: urgent messages of every agency past due, neither acknowledged nor escalated. Notices
     * (author system: alert notices, whose clock is the alert's in patient-service) are never on messaging's clock,
     * also those stored with a due time before alerts kept their own.
     */
    List<Message> overdueAcrossAgencies(Instant now, int limit) {
        return mongo.findAcrossAgencies(
                Query.query(Criteria.where("urgent.dueAt")
                        .lt(now)
                        .and("urgent.acknowledgedAt")
                        .is(null)
                        .and("urgent.escalatedAt")
                        .is(null)
                        .and("author")
                        .ne(Message.SYSTEM)),
                limit,
                Message.class);
    }
}
