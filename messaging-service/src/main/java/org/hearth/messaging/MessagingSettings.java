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
     * How long one live stream stays open before the client reconnects, and how many streams may read the store at
     * once (a burst of reconnecting consoles queues behind these instead of exhausting the store's pool).
     */
    public record Stream(
            @DefaultValue("PT5M") Duration maxDuration,
            @DefaultValue("8") int storeReads) {}

    /** The Kafka topic live signals cross replicas on (sized like the catalog's topics by the chart). */
    public record Live(
            @DefaultValue("hearth.messaging.live") String topic,
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {}
}
