package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {

    static final Instant RAISED = Instant.parse("2026-11-25T07:40:00Z");
    static final AlertSettings SETTINGS = new AlertSettings(
            new AlertSettings.EscalateAfter(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24)),
            Duration.ofSeconds(30),
            ZoneId.of("America/Chicago"),
            Duration.ofMinutes(5));

    static Alert raised(Severity severity) {
        return Alert.raise(
                "a-1",
                "p-1",
                new AlertRules.Finding("SPO2_BELOW_88", severity, "SPO2 85 % < 88", List.of("o-1")),
                "dr-patel",
                RAISED);
    }

    @Test
    void aCriticalAlertNobodyAcknowledgesEscalatesAfter15MinutesThenUpTheChain() {
        Alert alert = raised(Severity.CRITICAL);

        assertThat(alert.escalateIfDue(RAISED.plus(Duration.ofMinutes(14).plusSeconds(59)), SETTINGS))
                .isEmpty();
        Alert first = alert.escalateIfDue(RAISED.plus(Duration.ofMinutes(15)), SETTINGS)
                .orElseThrow();
        assertThat(first.escalations()).isEqualTo(1);
        assertThat(first.escalatedTo()).isEqualTo("role:coordinator");
        assertThat(first.owner()).isEqualTo("dr-patel");

        assertThat(first.escalateIfDue(RAISED.plus(Duration.ofMinutes(29)), SETTINGS))
                .isEmpty();
        Alert second = first.escalateIfDue(RAISED.plus(Duration.ofMinutes(30)), SETTINGS)
                .orElseThrow();
        assertThat(second.escalatedTo()).isEqualTo("role:agency-admin");
        assertThat(second.escalateIfDue(RAISED.plus(Duration.ofHours(5)), SETTINGS))
                .isEmpty();
    }

    @Test
    void eachSeverityWaitsItsOwnTime() {
        assertThat(raised(Severity.HIGH).escalateIfDue(RAISED.plus(Duration.ofMinutes(59)), SETTINGS))
                .isEmpty();
        assertThat(raised(Severity.HIGH).escalateIfDue(RAISED.plus(Duration.ofHours(1)), SETTINGS))
                .isPresent();
        assertThat(raised(Severity.WARNING).escalateIfDue(RAISED.plus(Duration.ofHours(23)), SETTINGS))
                .isEmpty();
        assertThat(raised(Severity.WARNING).escalateIfDue(RAISED.plus(Duration.ofHours(24)), SETTINGS))
                .isPresent();
    }

    @Test
    void anAcknowledgedAlertNoLongerEscalates() {
        Alert acknowledged = raised(Severity.CRITICAL).acknowledge("dr-patel", RAISED.plus(Duration.ofMinutes(5)));

        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.escalateIfDue(RAISED.plus(Duration.ofHours(2)), SETTINGS))
                .isEmpty();
    }

    @Test
    void resolvingRecordsWhoWhenWhyAndThePlanRevisionAndCannotHappenTwice() {
        Alert resolved = raised(Severity.HIGH)
                .acknowledge("nina", RAISED.plusSeconds(60))
                .resolve("dr-patel", "Furosemide increased", 3, RAISED.plusSeconds(3600));

        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.acknowledgedBy()).isEqualTo("nina");
        assertThat(resolved.resolvedBy()).isEqualTo("dr-patel");
        assertThat(resolved.planVersion()).isEqualTo(3);
        assertThatThrownBy(() -> resolved.resolve("x", "again", null, RAISED))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> resolved.acknowledge("x", RAISED)).isInstanceOf(IllegalStateException.class);
    }
}
