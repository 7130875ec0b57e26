package org.hearth.patient.fhir;

import java.time.Instant;
import java.util.stream.Stream;
import org.hearth.patient.alerts.Alert;
import org.hearth.patient.alerts.AlertStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;

/**
 * An alert as a FHIR {@code Flag}: active while open or acknowledged, inactive once resolved; the rule and its
 * finding (codes and numbers only) as the code, the severity as the standard flag-priority extension.
 */
final class FlagMapper {

    private FlagMapper() {}

    static Flag toFhir(Alert alert) {
        Flag flag = new Flag();
        flag.setId(alert.id());
        flag.getMeta().setLastUpdated(Codes.date(lastChange(alert)));
        flag.setStatus(alert.status() == AlertStatus.RESOLVED ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
        flag.addCategory(Codes.concept(Codes.FLAG_CATEGORY, "clinical", "Clinical"));
        flag.setCode(
                new CodeableConcept(new Coding(Codes.ALERT_RULE, alert.rule(), alert.rule())).setText(alert.finding()));
        flag.setSubject(Codes.patient(alert.patientId()));
        flag.setPeriod(new Period().setStart(Codes.date(alert.raisedAt())).setEnd(Codes.date(alert.resolvedAt())));
        String priority = switch (alert.severity()) {
            case WARNING -> "PM";
            case HIGH, CRITICAL -> "PH";
        };
        flag.addExtension(
                Codes.FLAG_PRIORITY_EXTENSION,
                new CodeableConcept(new Coding(
                                Codes.FLAG_PRIORITY,
                                priority,
                                priority.equals("PH") ? "High priority" : "Medium priority"))
                        .setText(alert.severity().name()));
        return flag;
    }

    static Instant lastChange(Alert alert) {
        return Stream.of(alert.raisedAt(), alert.acknowledgedAt(), alert.resolvedAt(), alert.escalatedAt())
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
