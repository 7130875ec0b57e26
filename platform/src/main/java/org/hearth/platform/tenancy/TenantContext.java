package org.hearth.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The agency the current unit of work acts for. On HTTP requests it comes from the verified token;
 * event handlers, which have no token, run their work inside {@link #callAs} with the event's tenant.
 * Fails closed: no tenant, no data.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantId> EXPLICIT = new ThreadLocal<>();

    private TenantContext() {}

    public static TenantId current() {
        return find().orElseThrow(() -> new MissingTenantException("the caller belongs to no single agency"));
    }

    public static Optional<TenantId> find() {
        TenantId explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return OrganizationClaim.tenantOf(jwt.getTokenAttributes());
        }
        return Optional.empty();
    }

    /** Runs {@code work} on behalf of {@code tenant}, e.g. while handling one of its events. */
    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        TenantId previous = EXPLICIT.get();
        EXPLICIT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(TenantId tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
