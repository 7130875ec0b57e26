package org.hearth.patient.privacy;

import java.time.Instant;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question about one access to a patient's record, as the point of contact asked it. The access is named by what
 * the family saw in "who viewed my record" (when, who, role, organisation, kind of data).
 *
 * @param answeredAt when the privacy officer marked it answered (they reply by phone or in person: the question
 *                   carries the asker's name, not a reply channel)
 */
@Document(AccessQuestion.COLLECTION)
record AccessQuestion(
        @Id String id,
        String tenantId,
        String patientId,
        String askedBy,
        String askedByName,
        String question,
        Access access,
        Instant askedAt,
        Instant answeredAt,
        String answeredBy)
        implements TenantOwned {

    static final String COLLECTION = "access_questions";

    record Access(Instant at, String who, String role, String organization, String kind) {}
}
