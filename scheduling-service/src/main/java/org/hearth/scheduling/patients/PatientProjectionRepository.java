package org.hearth.scheduling.patients;

import jakarta.annotation.PostConstruct;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.scheduling.patients.PatientEventsV1.BreakGlassOpenedV1;
import org.hearth.scheduling.patients.PatientEventsV1.BreakGlassRevokedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareCircleChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareTeamChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientAdmittedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientDischargedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientStatusChangedV1;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The patient projection of the current agency; events are applied at most once each. */
@Repository
public class PatientProjectionRepository {

    private final TenantScopedMongo mongo;

    PatientProjectionRepository(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(PatientProjection.class, "status");
    }

    /** @return false when this event had been applied before (a redelivery) */
    boolean apply(String eventId, PatientAdmittedV1 admitted) {
        Update update = new Update()
                .set("status", admitted.status())
                .set("language", admitted.language())
                .set("postalCode", admitted.postalCode())
                .set("latitude", admitted.latitude())
                .set("longitude", admitted.longitude())
                .set("admittedAt", admitted.admittedAt())
                .set("referringPartner", admitted.referringPartner());
        return mongo.applyOnce(admitted.patientId(), eventId, update, PatientProjection.class);
    }

    boolean apply(String eventId, PatientStatusChangedV1 changed) {
        return mongo.applyOnce(
                changed.patientId(), eventId, new Update().set("status", changed.status()), PatientProjection.class);
    }

    boolean apply(String eventId, PatientDischargedV1 discharged) {
        return mongo.applyOnce(
                discharged.patientId(), eventId, new Update().set("status", "DISCHARGED"), PatientProjection.class);
    }

    boolean apply(String eventId, CareTeamChangedV1 changed) {
        List<String> subjects = changed.members() == null
                ? List.of()
                : changed.members().stream()
                        .map(CareTeamChangedV1.Member::subject)
                        .distinct()
                        .toList();
        return mongo.applyOnce(
                changed.patientId(), eventId, new Update().set("careTeam", subjects), PatientProjection.class);
    }

    boolean apply(String eventId, CareCircleChangedV1 changed) {
        List<PatientProjection.CircleMember> members = changed.members() == null
                ? List.of()
                : changed.members().stream()
                        .map(m -> new PatientProjection.CircleMember(
                                m.subject(), m.scopes() == null ? java.util.Set.of() : m.scopes()))
                        .toList();
        return mongo.applyOnce(
                changed.patientId(), eventId, new Update().set("careCircle", members), PatientProjection.class);
    }

    boolean apply(String eventId, BreakGlassOpenedV1 opened) {
        return mongo.applyOnce(
                opened.patientId(),
                eventId,
                new Update()
                        .push(
                                "breakGlass",
                                new PatientProjection.EmergencyAccess(
                                        opened.grantId(), opened.clinician(), opened.openedAt(), opened.expiresAt())),
                PatientProjection.class);
    }

    boolean apply(String eventId, BreakGlassRevokedV1 revoked) {
        return mongo.applyOnce(
                revoked.patientId(),
                eventId,
                new Update().addToSet("revokedBreakGlass", revoked.grantId()),
                PatientProjection.class);
    }

    /** Replaces the visit preferences; false when scheduling does not know the patient (in this agency). */
    boolean setPreferences(String patientId, List<TimeWindow> windows, String preferredClinicianId) {
        return mongo.updateIfPresent(
                patientId,
                new Update().set("timeWindows", windows).set("preferredClinicianId", preferredClinicianId),
                PatientProjection.class);
    }

    public Optional<PatientProjection> findById(String patientId) {
        return mongo.findById(patientId, PatientProjection.class);
    }

    public List<PatientProjection> findAll(Collection<String> patientIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(patientIds)), PatientProjection.class);
    }

    public Page<PatientProjection> findAll(Pageable pageable) {
        return mongo.findPage(new Criteria(), pageable, PatientProjection.class);
    }
}
