package org.hearth.patient.alerts;

import java.time.Instant;
import java.util.List;

/**
 * One alert and where it stands. {@code owner} is the lead physician's {@code sub}, or {@link #COORDINATORS}
 * when the team has no lead yet: an alert always has someone who must look at it.
 *
 * @param finding what was seen, in codes and numbers only (e.g. "SYSTOLIC_BP >= 150 on 3 of the last 5 mornings")
 */
public record Alert(
        String id,
        String patientId,
        String rule,
        Severity severity,
        String finding,
        List<String> observationIds,
        AlertStatus status,
        String owner,
        Instant raisedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String resolvedBy,
        Instant resolvedAt,
        String resolutionNote,
        Integer planVersion,
        int escalations,
        String escalatedTo,
        Instant escalatedAt) {

    public static final String COORDINATORS = "role:coordinator";
    /** Who is told at each escalation level: first the agency's coordinators, then its administrators. */
    static final List<String> ESCALATION_CHAIN = List.of(COORDINATORS, "role:agency-admin");

    public Alert {
        observationIds = List.copyOf(observationIds);
    }

    static Alert raise(String id, String patientId, AlertRules.Finding finding, String owner, Instant now) {
        return new Alert(
                id,
                patientId,
                finding.rule(),
                finding.severity(),
                finding.description(),
                finding.observationIds(),
                AlertStatus.OPEN,
                owner,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null);
    }

    Alert acknowledge(String by, Instant now) {
        if (status != AlertStatus.OPEN) {
            throw new IllegalStateException("only an open alert can be acknowledged; this one is " + status);
        }
        return new Alert(
                id,
                patientId,
                rule,
                severity,
                finding,
                observationIds,
                AlertStatus.ACKNOWLEDGED,
                owner,
                raisedAt,
                by,
                now,
                null,
                null,
                null,
                null,
                escalations,
                escalatedTo,
                escalatedAt);
    }

    Alert resolve(String by, String note, Integer planVersion, Instant now) {
        if (status == AlertStatus.RESOLVED) {
            throw new IllegalStateException("the alert is already resolved");
        }
        return new Alert(
                id,
                patientId,
                rule,
                severity,
                finding,
                observationIds,
                AlertStatus.RESOLVED,
                owner,
                raisedAt,
                acknowledgedBy == null ? by : acknowledgedBy,
                acknowledgedAt == null ? now : acknowledgedAt,
                by,
                now,
                note,
                planVersion,
                escalations,
                escalatedTo,
                escalatedAt);
    }

    /**
     * Escalates an alert nobody acknowledged: level n is due {@code n × after} after it was raised, up the
     * chain, then it stays at the top level until someone acts.
     */
    java.util.Optional<Alert> escalateIfDue(Instant now, AlertSettings policy) {
        if (status != AlertStatus.OPEN || escalations >= ESCALATION_CHAIN.size()) {
            return java.util.Optional.empty();
        }
        if (now.isBefore(nextEscalationAt(policy))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Alert(
                id,
                patientId,
                rule,
                severity,
                finding,
                observationIds,
                status,
                owner,
                raisedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                escalations + 1,
                ESCALATION_CHAIN.get(escalations),
                now));
    }

    /** When the escalator must look at it next; null once acknowledged, resolved or at the top of the chain. */
    Instant nextEscalationAt(AlertSettings policy) {
        if (status != AlertStatus.OPEN || escalations >= ESCALATION_CHAIN.size()) {
            return null;
        }
        return raisedAt.plus(policy.after(severity).multipliedBy(escalations + 1L));
    }

    boolean isActive() {
        return status != AlertStatus.RESOLVED;
    }
}
