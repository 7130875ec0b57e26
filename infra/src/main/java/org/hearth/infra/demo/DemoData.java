package org.hearth.infra.demo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Loads the demo agencies through the public APIs: {@code ./hearth demo}, and the first {@code ./hearth up}.
 * Safe to run again: each step looks up what exists and creates only what is missing.
 *
 * <p>Usage: {@code DemoData [gateway-url] [keycloak-url]}; defaults come from {@code HEARTH_GATEWAY_URL} and
 * {@code HEARTH_KEYCLOAK_URL}, else the standard local ports. {@code HEARTH_DEMO_WAIT_SECONDS} (default 60)
 * bounds the wait for billing to learn of an admission.
 */
public final class DemoData {

    /** The demo's dates are in the agencies' zone, like the services' (hearth.*.zone). */
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/New_York");

    private DemoData() {}

    /** What a run loaded: Jane's and Harold's ids and what was created or found. */
    record Result(String jane, String harold, Ledger ledger) {}

    public static void main(String[] args) {
        URI gateway = URI.create(arg(args, 0, "HEARTH_GATEWAY_URL", "http://127.0.0.1:8080"));
        URI keycloak = URI.create(arg(args, 1, "HEARTH_KEYCLOAK_URL", "http://127.0.0.1:8180"));
        Duration patience = Duration.ofSeconds(Long.parseLong(env("HEARTH_DEMO_WAIT_SECONDS", "60")));
        try {
            Result result = load(gateway, keycloak, Clock.system(AGENCY_ZONE), patience);
            System.out.println(result.ledger().summary());
            System.out.println("Jane Doe (Sunrise Home Health): " + result.jane());
            System.out.println("Harold Brooks (Riverbend Home Care): " + result.harold());
        } catch (DemoFailure e) {
            System.err.println("demo data: " + e.getMessage());
            System.exit(1);
        }
    }

    static Result load(URI gateway, URI keycloak, Clock clock, Duration patience) {
        HearthApi api = new HearthApi(gateway);
        Tokens tokens = new Tokens(keycloak, clock);
        Ledger ledger = new Ledger();
        String jane = new Sunrise(api, tokens, ledger, LocalDate.now(clock), patience).load();
        String harold = new Riverbend(api, tokens, ledger).load();
        return new Result(jane, harold, ledger);
    }

    private static String arg(String[] args, int index, String variable, String fallback) {
        return args.length > index ? args[index] : env(variable, fallback);
    }

    private static String env(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
