package org.hearth.audit.relations;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The care relationships projection. Events of one patient arrive in order (key = patient id), each applied once
 * (its id is kept with the change).
 */
@Component
public class CareRelations {

    record CareTeamChanged(String patientId, Instant changedAt, List<Member> members) {
        static final String TYPE = "org.hearth.patient.CareTeamChanged.v1";

        record Member(String subject, String role) {}
    }

    record CareCircleChanged(String patientId, Instant changedAt, List<Member> members) {
        static final String TYPE = "org.hearth.patient.CareCircleChanged.v1";

        record Member(String subject, Set<String> scopes, Boolean pointOfContact) {}
    }

    private final TenantScopedMongo mongo;
    private final EventEdge edge;
    private final EventRoutes routes = EventRoutes.forConsumer("audit-care-relations")
            .on(CareTeamChanged.TYPE, CareTeamChanged.class, this::careTeam)
            .on(CareCircleChanged.TYPE, CareCircleChanged.class, this::careCircle);

    CareRelations(TenantScopedMongo mongo, EventEdge edge) {
        this.mongo = mongo;
        this.edge = edge;
    }

    @KafkaListener(topics = "hearth.patient.events", id = "audit-care-relations")
    void onPatientEvent(ConsumerRecord<String, String> record) {
        edge.dispatch(record, routes);
    }

    void careTeam(IncomingEvent event, CareTeamChanged changed) {
        List<String> team = changed.members() == null
                ? List.of()
                : changed.members().stream()
                        .map(CareTeamChanged.Member::subject)
                        .distinct()
                        .toList();
        mongo.applyOnce(changed.patientId(), event.id(), new Update().set("team", team), CareRelation.class);
    }

    void careCircle(IncomingEvent event, CareCircleChanged changed) {
        List<CareRelation.CircleMember> circle = changed.members() == null
                ? List.of()
                : changed.members().stream()
                        .map(m -> new CareRelation.CircleMember(
                                m.subject(),
                                m.scopes() == null ? Set.of() : m.scopes(),
                                Boolean.TRUE.equals(m.pointOfContact())))
                        .toList();
        mongo.applyOnce(changed.patientId(), event.id(), new Update().set("circle", circle), CareRelation.class);
    }

    public Optional<CareRelation> of(String patientId) {
        return mongo.findById(patientId, CareRelation.class);
    }

    /** The patients (of the current agency) whose care team lists {@code subject}. */
    public Set<String> patientsOnTeamOf(String subject) {
        Set<String> patients = new HashSet<>();
        mongo.find(Query.query(Criteria.where("team").is(subject)), CareRelation.class)
                .forEach(r -> patients.add(r.patientId()));
        return patients;
    }
}
