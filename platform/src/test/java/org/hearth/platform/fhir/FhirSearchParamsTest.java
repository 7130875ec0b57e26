package org.hearth.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FhirSearchParamsTest {

    @Test
    void datePrefixesBoundARange() {
        Predicate<Instant> january = FhirSearchParams.dates("date", List.of("ge2026-01-01", "lt2026-02"));
        assertThat(january.test(Instant.parse("2026-01-31T23:59:59Z"))).isTrue();
        assertThat(january.test(Instant.parse("2026-02-01T00:00:00Z"))).isFalse();
        assertThat(january.test(Instant.parse("2025-12-31T23:59:59Z"))).isFalse();
        assertThat(january.test(null)).isFalse();
        assertThat(FhirSearchParams.dates("date", List.of()).test(null)).isTrue();
    }

    @Test
    void aDayWithoutPrefixIsTheWholeDay() {
        Predicate<Instant> day = FhirSearchParams.dates("date", List.of("2026-03-04"));
        assertThat(day.test(Instant.parse("2026-03-04T12:00:00Z"))).isTrue();
        assertThat(day.test(Instant.parse("2026-03-05T00:00:00Z"))).isFalse();
        // an unencoded + of the zone arrives as a space
        assertThat(FhirSearchParams.dates("_lastUpdated", List.of("gt2026-03-04T10:00:00 00:00"))
                        .test(Instant.parse("2026-03-04T10:00:01Z")))
                .isTrue();
    }

    @Test
    void malformedValuesAre400() {
        assertThatThrownBy(() -> FhirSearchParams.dates("date", List.of("yesterday")))
                .isInstanceOfSatisfying(
                        FhirException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        assertThatThrownBy(() -> FhirSearchParams.dates("date", List.of("sa2026")))
                .isInstanceOf(FhirException.class);
        assertThatThrownBy(() -> FhirPage.of("500", null)).isInstanceOf(FhirException.class);
        assertThatThrownBy(() -> FhirPage.of("ten", null)).isInstanceOf(FhirException.class);
    }

    @Test
    void referencesAndTokens() {
        assertThat(FhirSearchParams.reference("patient", "Patient/abc", "Patient"))
                .isEqualTo("abc");
        assertThat(FhirSearchParams.reference("patient", "https://x/fhir/R4/Patient/abc", "Patient"))
                .isEqualTo("abc");
        assertThat(FhirSearchParams.reference("patient", "abc", "Patient")).isEqualTo("abc");
        assertThatThrownBy(() -> FhirSearchParams.reference("patient", "Group/abc", "Patient"))
                .isInstanceOf(FhirException.class);
        var tokens = FhirSearchParams.tokens(List.of("active,http://hl7.org/fhir/request-status|COMPLETED"));
        assertThat(FhirSearchParams.matches(tokens, "completed")).isTrue();
        assertThat(FhirSearchParams.matches(tokens, "draft")).isFalse();
        assertThat(FhirPage.of("2", "1").slice(List.of(1, 2, 3, 4))).containsExactly(2, 3);
    }
}
