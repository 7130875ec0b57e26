package org.hearth.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.events.OutboxRelay;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/** Against the MongoDB wire server the local stack uses, through the real driver. */
class AggregateStoreTest {

    record Note(String id, String text) {}

    record Noted(String id, String text) implements DomainEvent {
        @Override
        public String eventType() {
            return "org.hearth.test.Noted.v1";
        }

        @Override
        public String subject() {
            return id;
        }
    }

    record NoteDocument(@Id String id, String tenantId, Note note, long version, List<OutboxEntry> outbox)
            implements AggregateDocument {}

    final TenantId sunrise = TenantId.of("sunrise-" + UUID.randomUUID());
    final TenantId riverbend = TenantId.of("riverbend-" + UUID.randomUUID());
    final MongoClient client = MongoClients.create(HearthTestInfrastructure.mongoUri("aggregates"));
    final MongoTemplate template = new MongoTemplate(
            client, "aggregates_" + UUID.randomUUID().toString().replace("-", ""));
    final TenantScopedMongo mongo = new TenantScopedMongo(template);
    final Outbox outbox = new Outbox(
            JsonMapper.builder().build(),
            "/hearth/test",
            Clock.systemUTC(),
            new OutboxRelay(template, null, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    final AggregateStore<Note, NoteDocument> notes = new AggregateStores(
                    mongo, outbox, new VersionedDocuments(mongo, outbox))
            .of(NoteDocument.class, "hearth.test.events")
            .readAs(NoteDocument::note)
            .identifiedBy(Note::id)
            .createdAs((note, tenant, version, entries) -> new NoteDocument(note.id(), tenant, note, version, entries))
            .updatedAs(note -> new Update().set("note", note));

    @AfterEach
    void close() {
        client.close();
    }

    static WithEvents<Note> noted(String id, String text) {
        return WithEvents.of(new Note(id, text), new Noted(id, text));
    }

    @Test
    void storesANewAggregateWithItsEventsAndReadsItBackWithItsVersion() {
        TenantContext.runAs(sunrise, () -> {
            notes.insert(noted("n1", "hello"));

            assertThat(notes.find("n1")).contains(new AggregateStore.Versioned<>(new Note("n1", "hello"), 1));
            NoteDocument stored = mongo.findById("n1", NoteDocument.class).orElseThrow();
            assertThat(stored.outbox()).singleElement().satisfies(entry -> {
                assertThat(entry.topic()).isEqualTo("hearth.test.events");
                assertThat(entry.payload()).contains("\"text\":\"hello\"");
            });
        });
    }

    @Test
    void aRetriedCreateIsRecognisedAndChangesNothing() {
        TenantContext.runAs(sunrise, () -> {
            assertThat(notes.insertIfAbsent(noted("n1", "hello"))).isTrue();
            assertThat(notes.insertIfAbsent(noted("n1", "hello again"))).isFalse();
            assertThat(notes.find("n1").orElseThrow().aggregate().text()).isEqualTo("hello");
        });
    }

    @Test
    void anUpdateNeedsTheVersionTheClientReadAndBumpsIt() {
        TenantContext.runAs(sunrise, () -> {
            notes.insert(noted("n1", "hello"));

            assertThat(notes.update(noted("n1", "changed"), 1)).isTrue();
            assertThat(notes.update(noted("n1", "stale"), 1))
                    .as("someone wrote first")
                    .isFalse();
            assertThat(notes.find("n1")).contains(new AggregateStore.Versioned<>(new Note("n1", "changed"), 2));
            assertThat(mongo.findById("n1", NoteDocument.class).orElseThrow().outbox())
                    .hasSize(2);
        });
    }

    @Test
    void saveCreatesAtVersionZeroAndUpdatesAfterwards() {
        TenantContext.runAs(sunrise, () -> {
            assertThat(notes.findOr("n1", () -> new Note("n1", "")).version()).isZero();
            assertThat(notes.save(noted("n1", "first"), 0)).isTrue();
            assertThat(notes.save(noted("n1", "also first"), 0))
                    .as("created by someone else")
                    .isFalse();
            assertThat(notes.save(noted("n1", "second"), 1)).isTrue();
            assertThat(notes.findOr("n1", () -> new Note("n1", "")))
                    .isEqualTo(new AggregateStore.Versioned<>(new Note("n1", "second"), 2));
        });
    }

    @Test
    void anotherAgencysAggregateIsNotFound() {
        TenantContext.runAs(sunrise, () -> notes.insert(noted("n1", "hello")));

        TenantContext.runAs(riverbend, () -> {
            assertThat(notes.find("n1")).isEmpty();
            assertThatThrownBy(() -> notes.require("n1", "Note n1"))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("Note n1");
            assertThat(notes.update(noted("n1", "hacked"), 1)).isFalse();
            assertThat(notes.page(new Criteria(), PageRequest.of(0, 10)).getTotalElements())
                    .isZero();
        });
        TenantContext.runAs(
                sunrise,
                () -> assertThat(notes.page(new Criteria(), PageRequest.of(0, 10))
                                .getContent())
                        .containsExactly(new Note("n1", "hello")));
    }
}
