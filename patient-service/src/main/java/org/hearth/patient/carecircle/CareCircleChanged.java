package org.hearth.patient.carecircle;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.ConsentScope;
import org.hearth.platform.events.DomainEvent;

/**
 * Who is in the circle with which scopes; subjects only, no names or relationships. The point of contact is named
 * because the ACCESS_LOG scope (who viewed the record) is theirs alone.
 */
public record CareCircleChanged(String patientId, Instant changedAt, List<Member> members) implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.CareCircleChanged.v1";

    public record Member(String subject, boolean pointOfContact, Set<ConsentScope> scopes) {}

    static CareCircleChanged of(CareCircle circle, Instant now) {
        return new CareCircleChanged(
                circle.patientId(),
                now,
                circle.members().stream()
                        .filter(m -> m.subject() != null)
                        .map(m -> new Member(m.subject(), m.pointOfContact(), m.scopes()))
                        .toList());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
