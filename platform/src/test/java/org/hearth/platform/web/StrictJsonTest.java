package org.hearth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    record Times(LocalDate date, Instant instant, OffsetDateTime offset, LocalDateTime local, LocalTime time) {}

    static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "instant", "offset", "local", "time"})
    void anythingButAStringWhereADateOrTimeIsExpectedIsRefused(String field) {
        for (String wrong : new String[] {
            "0", "1733000000", "-5", "12.5", "true", "[]", "{}", "[2026,12,3]", "[8,0]", "{\"year\":2026}"
        }) {
            assertThatThrownBy(() -> strict().readValue("{\"" + field + "\":" + wrong + "}", Times.class))
                    .as("%s = %s", field, wrong)
                    .isInstanceOf(DatabindException.class);
        }
        // the default mapper accepts some of these: the rule is ours, not Jackson's
        JsonMapper lenient = JsonMapper.builder().build();
        assertThat(lenient.readValue("{\"date\":0}", Times.class).date()).isEqualTo(LocalDate.EPOCH);
        assertThat(lenient.readValue("{\"date\":[2026,12,3]}", Times.class).date())
                .isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "instant", "offset", "local", "time"})
    void nullStaysNull(String field) {
        Times times = strict().readValue("{\"" + field + "\":null}", Times.class);
        assertThat(times).isEqualTo(new Times(null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"""
            {"date":"2026-12-03","instant":"2026-12-03T08:00:00Z","offset":"2026-12-03T08:00:00-06:00",
             "local":"2026-12-03T08:00:00","time":"08:00"}"""})
    void isoStringsStillRead(String json) {
        Times times = strict().readValue(json, Times.class);
        assertThat(times.date()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(times.instant()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        assertThat(times.time()).isEqualTo(LocalTime.of(8, 0));
    }
}
