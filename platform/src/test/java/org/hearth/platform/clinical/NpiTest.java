package org.hearth.platform.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1003000126"})
    void acceptsNpisWithTheirCheckDigit(String npi) {
        assertThat(Npi.isValid(npi)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567839", "3234567893", "123456789", "12345678931", "abcdefghij"})
    void refusesTyposAndWrongShapes(String npi) {
        assertThat(Npi.isValid(npi)).isFalse();
    }
}
