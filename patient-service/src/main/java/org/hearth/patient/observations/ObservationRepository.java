package org.hearth.patient.observations;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Readings of the caller's agency. */
@Repository
public class ObservationRepository {

    static final String TOPIC = "hearth.patient.observations";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;

    ObservationRepository(TenantScopedMongo mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(
                ObservationDocument.class, "observation.patientId", "observation.vital", "observation.observedAt");
    }

    /** Stores the reading with its event; false if this id was stored before (a resent batch). */
    boolean insertIfNew(Observation observation) {
        String tenant = TenantContext.current().value();
        try {
            mongo.insert(new ObservationDocument(
                    ObservationDocument.idOf(tenant, observation.id()),
                    tenant,
                    observation,
                    outbox.entries(TOPIC, List.of(ObservationRecorded.of(observation)))));
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    void written() {
        outbox.written();
    }

    public Page<Observation> find(String patientId, Vital vital, Instant from, Instant to, Pageable pageable) {
        Criteria criteria = Criteria.where("observation.patientId").is(patientId);
        if (vital != null) {
            criteria = criteria.and("observation.vital").is(vital);
        }
        if (from != null || to != null) {
            Criteria time = criteria.and("observation.observedAt");
            if (from != null) {
                time = time.gte(from);
            }
            if (to != null) {
                time.lt(to);
            }
        }
        return mongo.findPage(criteria, pageable, ObservationDocument.class).map(ObservationDocument::observation);
    }

    /** One reading of the caller's agency by its client-chosen id. */
    public java.util.Optional<Observation> findById(String observationId) {
        return mongo.findById(
                        ObservationDocument.idOf(TenantContext.current().value(), observationId),
                        ObservationDocument.class)
                .map(ObservationDocument::observation);
    }

    /** All readings of one patient (a home-care patient has hundreds, not millions), newest first. */
    public List<Observation> ofPatient(String patientId, int limit) {
        Query query = Query.query(Criteria.where("observation.patientId").is(patientId))
                .with(Sort.by(Sort.Direction.DESC, "observation.observedAt"))
                .limit(limit);
        return mongo.find(query, ObservationDocument.class).stream()
                .map(ObservationDocument::observation)
                .toList();
    }

    /** The readings of one vital since {@code since}, oldest first: what the trend rules look at. */
    public List<Observation> recent(String patientId, Vital vital, Instant since) {
        Query query = Query.query(Criteria.where("observation.patientId")
                        .is(patientId)
                        .and("observation.vital")
                        .is(vital)
                        .and("observation.observedAt")
                        .gte(since))
                .with(Sort.by("observation.observedAt"))
                .limit(500);
        return mongo.find(query, ObservationDocument.class).stream()
                .map(ObservationDocument::observation)
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection observationOutboxCollection() {
            return new OutboxCollection(ObservationDocument.COLLECTION);
        }
    }
}
