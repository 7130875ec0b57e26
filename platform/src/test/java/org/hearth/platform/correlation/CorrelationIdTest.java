package org.hearth.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

    @Test
    void keepsASaneCallerIdAndReplacesAnythingElse() {
        assertThat(CorrelationId.acceptOrCreate("req-42.a_b")).isEqualTo("req-42.a_b");
        assertThat(CorrelationId.acceptOrCreate("x\r\nSet-Cookie: a=b"))
                .doesNotContain("Set-Cookie")
                .hasSize(36);
        assertThat(CorrelationId.acceptOrCreate("a".repeat(65))).hasSize(36);
        assertThat(CorrelationId.acceptOrCreate(null)).hasSize(36);
    }

    @Test
    void bindsAndRestoresTheIdsOfTheCurrentThread() {
        try (CorrelationId.Scope outer = CorrelationId.bind("outer", null)) {
            try (CorrelationId.Scope inner =
                    CorrelationId.bind("inner", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")) {
                assertThat(CorrelationId.current()).contains("inner");
                assertThat(CorrelationId.currentTraceparent()).isPresent();
            }
            assertThat(CorrelationId.current()).contains("outer");
            assertThat(CorrelationId.currentTraceparent()).isEmpty();
        }
        assertThat(CorrelationId.current()).isEmpty();
    }
}
