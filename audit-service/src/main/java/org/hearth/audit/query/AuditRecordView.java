package org.hearth.audit.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.audit.chain.ChainRecord;

/**
 * One stored record as the privacy officer's lists show it: the link (sequence, hash) and its facts. The FHIR
 * AuditEvent itself is in the NDJSON export.
 *
 * @param action C, R, U, D or E (FHIR AuditEvent.action)
 * @param status the HTTP status the request was answered with
 */
public record AuditRecordView(
        long seq,
        Instant at,
        String patientId,
        String actor,
        String actorName,
        List<String> roles,
        String organization,
        String action,
        String kind,
        int status,
        boolean refused,
        String source,
        String correlationId,
        String hash) {

    static AuditRecordView of(ChainRecord record) {
        Map<String, Object> f = record.facts();
        return new AuditRecordView(
                record.seq(),
                Instant.parse((String) f.get("at")),
                (String) f.get("patientId"),
                (String) f.get("actor"),
                (String) f.get("actorName"),
                AuditViews.roles(f),
                (String) f.get("organization"),
                (String) f.get("action"),
                (String) f.get("kind"),
                ((Number) f.get("status")).intValue(),
                Boolean.TRUE.equals(f.get("refused")),
                (String) f.get("source"),
                (String) f.get("correlationId"),
                record.hash());
    }
}
