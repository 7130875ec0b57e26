package org.hearth.platform.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Platform knobs under {@code hearth.platform}.
 *
 * @param maxRequestSize    request bodies above this answer 413
 * @param outboxPoll        how often the relay looks for unpublished events when nobody woke it
 * @param outboxSendTimeout how long the relay waits for the broker's acknowledgement
 * @param consumerBackOff   pause between retries of a failed event
 * @param consumerRetries   retries before an event goes to the dead-letter topic
 * @param uploadPaths       regular expression of request paths that take uploads (e.g. attachments), capped at
 *                          {@code maxUploadSize} instead of {@code maxRequestSize}; empty: none
 * @param maxUploadSize     the cap of an upload request (file plus multipart framing)
 * @param auditCreatedPrefix path under which a 201 {@code Location} names a newly created patient (audited);
 *                          requests with a {@code {patientId}} path variable are audited in every service
 */
@ConfigurationProperties("hearth.platform")
public record HearthPlatformProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("500ms") Duration outboxPoll,
        @DefaultValue("10s") Duration outboxSendTimeout,
        @DefaultValue("500ms") Duration consumerBackOff,
        @DefaultValue("3") long consumerRetries,
        String auditCreatedPrefix,
        @DefaultValue("") String uploadPaths,
        @DefaultValue("11MB") DataSize maxUploadSize) {}
