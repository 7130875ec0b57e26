package org.hearth.billing;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.billing}, read in one place: the agency's zone (in which service dates, certification
 * periods and approval days are read), the payer gateway, and how many held lines one pass looks at again.
 */
@ConfigurationProperties("hearth.billing")
public record BillingSettings(
        @DefaultValue("America/New_York") ZoneId zone,
        @DefaultValue Payer payer,
        @DefaultValue HeldLines heldLines) {

    /**
     * The clearinghouse (or, locally, the payer simulator): each attempt bounded by {@code timeout}, {@code attempts}
     * tries with doubling back-off.
     */
    public record Payer(
            @DefaultValue("http://127.0.0.1:8090/") URI url,
            @DefaultValue("PT2S") Duration timeout,
            @DefaultValue("3") int attempts,
            @DefaultValue("PT0.2S") Duration backOff) {}

    public record HeldLines(@DefaultValue("1000") int sweepLimit) {}
}
