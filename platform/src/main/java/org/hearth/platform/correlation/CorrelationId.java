package org.hearth.platform.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id that ties one user action together across the gateway, services and Kafka. Lives in the
 * logging MDC so every log line carries it; W3C {@code traceparent} travels alongside.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private CorrelationId() {}

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    public static Optional<String> currentTraceparent() {
        return Optional.ofNullable(MDC.get(TRACEPARENT));
    }

    /** Keeps a caller's id only if it is harmless to log and echo; otherwise starts a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    public static boolean isValidTraceparent(String candidate) {
        return candidate != null && TRACEPARENT_FORMAT.matcher(candidate).matches();
    }

    /** Binds ids to the current thread until the returned scope is closed. */
    public static Scope bind(String correlationId, String traceparent) {
        String previousId = MDC.get(MDC_KEY);
        String previousTrace = MDC.get(TRACEPARENT);
        put(MDC_KEY, correlationId);
        put(TRACEPARENT, isValidTraceparent(traceparent) ? traceparent : null);
        return () -> {
            put(MDC_KEY, previousId);
            put(TRACEPARENT, previousTrace);
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** Restores the previous ids when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
