package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How many live streams an instance accepts when nobody set {@code hearth.messaging.stream.max-open}. */
class StreamOpenLimitTest {

    static final long MB = 1024 * 1024;

    MessagingSettings.Stream stream(int maxOpen) {
        return new MessagingSettings.Stream(Duration.ofMinutes(5), 8, maxOpen);
    }

    @Test
    void unsetItIsWhatTheHeapHoldsAboveTheServicesOwnNeeds() {
        // -Xmx512m (the launcher's) holds the 2,000 streams S8 opens; -Xmx256m, which 2,000 ran out, far fewer
        assertThat(stream(0).openLimit(494 * MB)).isBetween(2_000, 2_200);
        assertThat(stream(0).openLimit(247 * MB)).isBetween(300, 450);
        assertThat(stream(0).openLimit(128 * MB)).as("never none").isEqualTo(50);
    }

    @Test
    void setItIsTheSettingWhateverTheHeap() {
        assertThat(stream(2).openLimit(4096 * MB)).isEqualTo(2);
        assertThat(stream(5_000).openLimit(247 * MB)).isEqualTo(5_000);
    }
}
