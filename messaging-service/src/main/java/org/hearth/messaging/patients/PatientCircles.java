package org.hearth.messaging.patients;

import java.util.List;
import java.util.Optional;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class PatientCircles {

    private final TenantScopedMongo mongo;

    PatientCircles(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    public Optional<PatientCircle> find(String patientId) {
        return mongo.findById(patientId, PatientCircle.class);
    }

    /** Patients whose care team lists {@code subject}. */
    public List<String> patientsWithTeamMember(String subject) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("careTeam.subject")
                                                .is(subject))
                                .limit(500),
                        PatientCircle.class)
                .stream()
                .map(PatientCircle::patientId)
                .toList();
    }

    /** Patients on whose care team {@code subject} has {@code role} (e.g. COORDINATOR). */
    public List<String> patientsWithTeamRole(String subject, String role) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("careTeam")
                                                .elemMatch(org.springframework.data.mongodb.core.query.Criteria.where(
                                                                "subject")
                                                        .is(subject)
                                                        .and("role")
                                                        .is(role)))
                                .limit(500),
                        PatientCircle.class)
                .stream()
                .map(PatientCircle::patientId)
                .toList();
    }

    /** Patients whose care team's lead physician is {@code subject}. */
    public List<String> patientsLedBy(String subject) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("leadPhysician")
                                                .is(subject))
                                .limit(500),
                        PatientCircle.class)
                .stream()
                .map(PatientCircle::patientId)
                .toList();
    }

    /** Patients whose care circle grants {@code subject} the consent {@code scope}. */
    public List<String> patientsWithCircleMember(String subject, String scope) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("careCircle")
                                                .elemMatch(org.springframework.data.mongodb.core.query.Criteria.where(
                                                                "subject")
                                                        .is(subject)
                                                        .and("scopes")
                                                        .is(scope)))
                                .limit(50),
                        PatientCircle.class)
                .stream()
                .map(PatientCircle::patientId)
                .toList();
    }

    public boolean admitted(String eventId, String patientId) {
        return mongo.applyOnce(
                patientId, eventId, new Update().setOnInsert("careTeam", List.of()), PatientCircle.class);
    }

    public boolean careTeam(String eventId, String patientId, String lead, List<PatientCircle.TeamMember> members) {
        return mongo.applyOnce(
                patientId,
                eventId,
                new Update().set("leadPhysician", lead).set("careTeam", members),
                PatientCircle.class);
    }

    public boolean careCircle(String eventId, String patientId, List<PatientCircle.CircleMember> members) {
        return mongo.applyOnce(patientId, eventId, new Update().set("careCircle", members), PatientCircle.class);
    }
}
