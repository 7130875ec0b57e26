package org.hearth.patient.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hearth.patient.careplan.FrequencyNotation.InvalidFrequencyException;
import org.hearth.patient.careplan.FrequencyOrder.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrequencyNotationTest {

    @Test
    void readsOneOrderPerDiscipline() {
        List<FrequencyOrder> orders = FrequencyNotation.parse("SN 2W4, PT 3W2, OT 1W4");

        assertThat(orders)
                .containsExactly(
                        new FrequencyOrder(Discipline.SN, List.of(new Segment(2, 2, 4)), 0),
                        new FrequencyOrder(Discipline.PT, List.of(new Segment(3, 3, 2)), 0),
                        new FrequencyOrder(Discipline.OT, List.of(new Segment(1, 1, 4)), 0));
        assertThat(orders.get(0).maxScheduledVisits()).isEqualTo(8);
    }

    @Test
    void segmentsAfterACodeBelongToItUntilTheNextCode() {
        List<FrequencyOrder> orders = FrequencyNotation.parse("SN 3W1, 2W4, 2 PRN; PT 2-3W3");

        FrequencyOrder nursing = orders.get(0);
        assertThat(nursing.segments()).containsExactly(new Segment(3, 3, 1), new Segment(2, 2, 4));
        assertThat(nursing.prnVisits()).isEqualTo(2);
        assertThat(nursing.totalWeeks()).isEqualTo(5);
        assertThat(nursing.maxScheduledVisits()).isEqualTo(11);
        assertThat(orders.get(1).segments()).containsExactly(new Segment(2, 3, 3));
        assertThat(orders.get(1).maxScheduledVisits()).isEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sn 2w4                 | SN 2W4",
                "SN2W4,PT3W2            | SN 2W4, PT 3W2",
                "  HHA 3W9 ;  MSW 1W1   | HHA 3W9, MSW 1W1",
                "SN 1W1, PRN x3         | SN 1W1, 3 PRN",
                "RD PRN 2               | RD 2 PRN",
                "ST 2 - 3 W 4           | ST 2-3W4",
                "SN 21W1                | SN 21W1"
            })
    void acceptsTheWaysCliniciansWriteItAndFormatsItCanonically(String written, String canonical) {
        List<FrequencyOrder> orders = FrequencyNotation.parse(written);

        assertThat(FrequencyNotation.format(orders)).isEqualTo(canonical);
        assertThat(FrequencyNotation.parse(canonical)).isEqualTo(orders);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "XX 2W4                 | unknown discipline \"XX\"",
                "2W4                    | needs a discipline first",
                "SN                     | SN has no frequency",
                "SN 2W4, PT             | PT has no frequency",
                "SN 0W4                 | visits per week must be 1 to 21",
                "SN 22W1                | visits per week must be 1 to 21",
                "SN 3-2W4               | low before high",
                "SN 2W0                 | weeks must be 1 to 9",
                "SN 2W10                | weeks must be 1 to 9",
                "SN 2W5, 1W5            | SN spans 10 weeks",
                "SN 2W4, PT 1W2, SN 1W1 | SN appears twice",
                "SN 2 PRN, 2W4          | PRN visits come after the weekly segments",
                "SN 2 PRN, 3 PRN        | SN has PRN visits twice",
                "SN 0 PRN               | PRN visits must be at least 1",
                "SN twice a week        | is not a frequency",
                "SN 2W4,, PT 1W1        | empty part between separators"
            })
    void refusesWhatNoOneCouldScheduleAndSaysWhy(String written, String reason) {
        assertThatThrownBy(() -> FrequencyNotation.parse(written))
                .isInstanceOf(InvalidFrequencyException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyFrequency(String written) {
        assertThatThrownBy(() -> FrequencyNotation.parse(written))
                .isInstanceOf(InvalidFrequencyException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesAnAbsurdlyLongInputBeforeReadingIt() {
        assertThatThrownBy(() -> FrequencyNotation.parse("SN 1W1, ".repeat(100)))
                .isInstanceOf(InvalidFrequencyException.class)
                .hasMessageContaining("longer than 500");
    }
}
