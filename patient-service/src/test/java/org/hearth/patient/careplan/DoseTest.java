package org.hearth.patient.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dose of a medication: a positive amount and its unit, in UCUM or in words. */
class DoseTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"40 mg", "0.5 mL", "1 tablet", "1-2 puffs", "2 to 4 units", "5 [iU]", "12.5mg", "0,5 ml", "10 %"
            })
    void acceptsAPositiveAmountWithItsUnit(String dose) {
        assertThat(dose.matches(CarePlanContent.DOSE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-40 mg", "0 mg", "0.0 mL", "40", "mg", "as directed", "+5 mg", "- 40 mg", ".5 mg"})
    void refusesNoneNegativeOrUnitlessDoses(String dose) {
        assertThat(dose.matches(CarePlanContent.DOSE)).isFalse();
    }
}
