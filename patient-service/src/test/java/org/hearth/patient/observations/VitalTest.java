package org.hearth.patient.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VitalTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "SYSTOLIC_BP, 152,   mm[Hg],  152",
                "TEMPERATURE, 100.4, [degF],  38",
                "TEMPERATURE, 37.2,  null,    37.2",
                "WEIGHT,      180,   [lb_av], 81.6",
                "GLUCOSE,     5.5,   mmol/L,  99",
                "SPO2,        100,   %,       100",
                "PAIN,        0,     {score}, 0"
            })
    void convertsToTheCanonicalUnit(Vital vital, double value, String unit, double canonical) {
        assertThat(vital.canonical(value, unit)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({
        "SYSTOLIC_BP, 400,  mm[Hg],  not physiologically possible",
        "HEART_RATE,  0,    /min,    not physiologically possible",
        "SPO2,        101,  %,       not physiologically possible",
        "TEMPERATURE, 98.6, Cel,     not physiologically possible",
        "WEIGHT,      0,    kg,      not physiologically possible",
        "PAIN,        11,   {score}, not physiologically possible",
        "PAIN,        4.5,  {score}, whole score",
        "SYSTOLIC_BP, 120,  kPa,     is measured in mm[Hg]",
        "GLUCOSE,     99,   mg%,     is measured in mg/dL or mmol/L"
    })
    void refusesImpossibleValuesAndUnknownUnits(Vital vital, double value, String unit, String reason) {
        assertThatThrownBy(() -> vital.canonical(value, unit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
