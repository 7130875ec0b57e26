package org.hearth.messaging;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.messaging}, read in one place: the agency's zone (in which notices name days and
 * times), the console's address (what an email links to), how long an author may edit or delete a message, the
 * deployment's master key (never in the repository; blank means a key of this process only), and per feature: mail to
 * people who are away, urgent messages, the live stream, the live channel between replicas.
 */
@ConfigurationProperties("hearth.messaging")
public record MessagingSettings(
        @DefaultValue("America/New_York") ZoneId zone,
        @DefaultValue("http://127.0.0.1:8080/") String consoleUrl,
        @DefaultValue("PT15M") Duration editWindow,
        String masterKey,
        @DefaultValue("1") int masterKeyVersion,
        @DefaultValue Mail mail,
        @DefaultValue Urgent urgent,
        @DefaultValue Stream stream,
        @DefaultValue Live live) {

    public MessagingSettings {
        masterKey = masterKey == null ? "" : masterKey;
    }

    /** Who the email is from, when a person counts as away, and how long to wait before mailing them again. */
    public record Mail(
            @DefaultValue("no-reply@hearth.local") String from,
            @DefaultValue("PT10M") Duration awayAfter,
            @DefaultValue("PT15M") Duration quietPeriod) {}

    /** How long the recipient of an urgent message has before it is escalated to the backup. */
    public record Urgent(@DefaultValue("PT30M") Duration acknowledgeWithin) {}

    /**
     * How long one live stream stays open before the client reconnects, how many streams may read the store at once
     * (a burst of reconnecting consoles queues behind these instead of exhausting the store's pool), and how many
     * streams one instance holds open ({@code maxOpen}; 0 = as many as its heap holds, see {@link #openLimit()}).
     */
    public record Stream(
            @DefaultValue("PT5M") Duration maxDuration,
            @DefaultValue("8") int storeReads,
            @DefaultValue("0") int maxOpen) {

        /** What a stream was measured to hold of the heap (buffers, emitter, queue): ~0.1 MB, with a margin. */
        static final long HEAP_PER_STREAM = 150 * 1024;
        /** The heap the instance needs for everything but its streams. */
        static final long HEAP_RESERVED = 192L * 1024 * 1024;

        /**
         * The streams this instance accepts: {@code maxOpen} when set, else as many as the heap above what the rest of
         * the service needs holds (about 375 with {@code -Xmx256m}, 2,060 with {@code -Xmx512m}). Past it a new stream
         * is refused with 503 and Retry-After, and the console tries again later (or reaches another replica), instead
         * of the instance running out of heap and failing every request it holds (2,000 streams did that with 256 MB).
         */
        public int openLimit() {
            return openLimit(Runtime.getRuntime().maxMemory());
        }

        int openLimit(long maxHeap) {
            if (maxOpen > 0) {
                return maxOpen;
            }
            return (int) Math.max(50, (maxHeap - HEAP_RESERVED) / HEAP_PER_STREAM);
        }
    }

    /** The Kafka topic live signals cross replicas on (sized like the catalog's topics by the chart). */
    public record Live(
            @DefaultValue("hearth.messaging.live") String topic,
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {}
}
