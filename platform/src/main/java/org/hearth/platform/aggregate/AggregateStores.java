package org.hearth.platform.aggregate;

import java.util.Objects;
import java.util.function.Function;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes the {@link AggregateStore} of each repository:
 * <pre>{@code
 * store = stores.of(CarePlanDocument.class, TOPIC)
 *         .readAs(d -> new CarePlan(d.id(), d.versions()))
 *         .identifiedBy(CarePlan::patientId)
 *         .createdAs((plan, tenant, version, outbox) -> new CarePlanDocument(plan.patientId(), tenant, plan.versions(), version, outbox))
 *         .updatedAs(plan -> new Update().set("versions", plan.versions()));
 * }</pre>
 */
public class AggregateStores {

    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final VersionedDocuments versioned;

    public AggregateStores(TenantScopedMongo mongo, Outbox outbox, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.versioned = versioned;
    }

    /** The store of documents {@code type}, whose events go to {@code topic}. */
    public <D extends AggregateDocument> Of<D> of(Class<D> type, String topic) {
        return new Of<>(type, topic);
    }

    public final class Of<D extends AggregateDocument> {
        private final Class<D> type;
        private final String topic;

        private Of(Class<D> type, String topic) {
            this.type = type;
            this.topic = topic;
        }

        /** How the aggregate is read from its document. */
        public <A> Definition<A, D> readAs(Function<D, A> read) {
            return new Definition<>(type, topic, read);
        }
    }

    public final class Definition<A, D extends AggregateDocument> {
        private final Class<D> type;
        private final String topic;
        private final Function<D, A> read;
        private Function<A, ?> id;
        private AggregateStore.NewDocument<A, D> newDocument;
        private long firstVersion = 1;

        private Definition(Class<D> type, String topic, Function<D, A> read) {
            this.type = type;
            this.topic = topic;
            this.read = read;
        }

        /** The aggregate's id, which is its document's {@code _id}. */
        public Definition<A, D> identifiedBy(Function<A, ?> id) {
            this.id = id;
            return this;
        }

        /** The version a new aggregate is inserted at, if not 1 (kept as it was where clients already hold ETags). */
        public Definition<A, D> insertedAtVersion(long version) {
            this.firstVersion = version;
            return this;
        }

        /** How a new aggregate's document is built. */
        public Definition<A, D> createdAs(AggregateStore.NewDocument<A, D> newDocument) {
            this.newDocument = newDocument;
            return this;
        }

        /** What a change of the aggregate sets in its stored document (the version and outbox are added). */
        public AggregateStore<A, D> updatedAs(Function<A, Update> changes) {
            return new AggregateStore<>(
                    mongo,
                    outbox,
                    versioned,
                    type,
                    topic,
                    read,
                    Objects.requireNonNull(id, "id"),
                    Objects.requireNonNull(newDocument, "newDocument"),
                    changes,
                    firstVersion);
        }
    }
}
