package org.hearth.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of("x", true));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", null);
        outer.put("c", 5L);

        assertThat(CanonicalJson.of(outer)).isEqualTo("{\"a\":null,\"b\":{\"a\":[\"x\",true],\"z\":1},\"c\":5}");
    }

    @Test
    void theSameContentInAnotherKeyOrderOrNumberTypeGivesTheSameText() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("seq", 7);
        one.put("name", "Nina \"N\"\n");
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("name", "Nina \"N\"\n");
        two.put("seq", 7L);

        assertThat(CanonicalJson.of(one))
                .isEqualTo(CanonicalJson.of(two))
                .isEqualTo("{\"name\":\"Nina \\\"N\\\"\\n\",\"seq\":7}");
    }

    @Test
    void refusesFloatingPointWhoseTextIsAmbiguous() {
        assertThatThrownBy(() -> CanonicalJson.of(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
