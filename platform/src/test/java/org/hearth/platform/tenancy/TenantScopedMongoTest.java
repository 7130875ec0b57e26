package org.hearth.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/** Against the MongoDB wire server the local stack uses, through the real driver. */
class TenantScopedMongoTest {

    record Note(@Id String id, String tenantId, String text, List<String> processedEventIds) implements TenantOwned {}

    final TenantId sunrise = TenantId.of("sunrise-" + UUID.randomUUID());
    final TenantId riverbend = TenantId.of("riverbend-" + UUID.randomUUID());
    final MongoClient client = MongoClients.create(HearthTestInfrastructure.mongoUri("tenancy"));
    final MongoTemplate template =
            new MongoTemplate(client, "tenancy_" + UUID.randomUUID().toString().replace("-", ""));
    final TenantScopedMongo mongo = new TenantScopedMongo(template);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anotherAgencysDocumentIsInvisibleToReadsUpdatesAndCounts() {
        TenantContext.runAs(sunrise, () -> mongo.insert(new Note("n1", sunrise.value(), "hello", List.of())));

        TenantContext.runAs(riverbend, () -> {
            assertThat(mongo.findById("n1", Note.class)).isEmpty();
            assertThat(mongo.update("n1", new Update().set("text", "hacked"), Note.class)
                            .getMatchedCount())
                    .isZero();
            assertThat(mongo.findPage(new Criteria(), PageRequest.of(0, 10), Note.class)
                            .getTotalElements())
                    .isZero();
        });
        TenantContext.runAs(
                sunrise,
                () -> assertThat(mongo.findById("n1", Note.class))
                        .get()
                        .extracting(Note::text)
                        .isEqualTo("hello"));
    }

    @Test
    void refusesToWriteADocumentForAnotherAgency() {
        TenantContext.runAs(
                sunrise,
                () -> assertThatThrownBy(() -> mongo.insert(new Note("n2", riverbend.value(), "x", List.of())))
                        .isInstanceOf(IllegalStateException.class));
        TenantContext.runAs(
                riverbend, () -> assertThat(mongo.findById("n2", Note.class)).isEmpty());
    }

    @Test
    void insertsABatchInOrderUpToTheFirstDuplicateAndOnlyForTheCurrentAgency() {
        TenantContext.runAs(sunrise, () -> {
            mongo.insertAll(List.of(new Note("b1", sunrise.value(), "1", List.of())), Note.class);

            assertThatThrownBy(() -> mongo.insertAll(
                            List.of(
                                    new Note("b2", sunrise.value(), "2", List.of()),
                                    new Note("b1", sunrise.value(), "again", List.of()),
                                    new Note("b3", sunrise.value(), "3", List.of())),
                            Note.class))
                    .isInstanceOf(DuplicateKeyException.class);

            assertThat(mongo.findById("b2", Note.class))
                    .as("before the duplicate")
                    .isPresent();
            assertThat(mongo.findById("b1", Note.class))
                    .get()
                    .extracting(Note::text)
                    .isEqualTo("1");
            assertThat(mongo.findById("b3", Note.class))
                    .as("after the duplicate: an ordered insert stops")
                    .isEmpty();
            assertThatThrownBy(() -> mongo.insertAll(
                            List.of(
                                    new Note("b4", sunrise.value(), "4", List.of()),
                                    new Note("b5", riverbend.value(), "5", List.of())),
                            Note.class))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(mongo.findById("b4", Note.class))
                    .as("nothing of a batch naming another agency")
                    .isEmpty();
        });
    }

    @Test
    void failsClosedWithoutATenant() {
        assertThatThrownBy(() -> mongo.findById("n1", Note.class)).isInstanceOf(MissingTenantException.class);
    }

    @Test
    void appliesAnEventOnlyOnce() {
        TenantContext.runAs(sunrise, () -> {
            assertThat(mongo.applyOnce("n3", "event-1", new Update().set("text", "first"), Note.class))
                    .isTrue();
            assertThat(mongo.applyOnce("n3", "event-1", new Update().set("text", "again"), Note.class))
                    .isFalse();
            assertThat(mongo.applyOnce("n3", "event-2", new Update().set("text", "second"), Note.class))
                    .isTrue();

            Note note = mongo.findById("n3", Note.class).orElseThrow();
            assertThat(note.text()).isEqualTo("second");
            assertThat(note.tenantId()).isEqualTo(sunrise.value());
            assertThat(note.processedEventIds()).containsExactly("event-1", "event-2");
        });
    }
}
