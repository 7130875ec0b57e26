package org.hearth.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hearth.platform.core.audit.AccessRefusals;
import org.hearth.platform.correlation.CorrelationId;
import org.hearth.platform.tenancy.OrganizationClaim;
import org.hearth.platform.tenancy.TenantId;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Publishes every refused request (401 without a valid token, 403 without the right) on {@code hearth.audit} as
 * {@code org.hearth.audit.AccessRefused.v1}, through the event the gateway writes too ({@link AccessRefusals}): who
 * (subject, client, agency, when the token told), what (method and path, never the query or the body), why, and the
 * correlation id. Never the token. This side reads the servlet request and its security context, and records each
 * request once.
 */
public class RefusalAudit {

    public static final String TYPE = AccessRefusals.TYPE;
    /** Set on a request whose refusal is recorded, so that {@link AuditInterceptor} does not record it twice. */
    static final String RECORDED = RefusalAudit.class.getName() + ".recorded";

    private final AccessRefusals refusals;

    public RefusalAudit(KafkaTemplate<String, String> kafka, String source, Clock clock) {
        this.refusals = new AccessRefusals(kafka, source, clock);
    }

    public void refused(HttpServletRequest request, int status, String reason) {
        if (request.getAttribute(RECORDED) != null) {
            return; // one record per request, even when two refusal paths see it
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
        AccessRefusals.Caller caller = null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            caller = new AccessRefusals.Caller(
                    jwt.getToken().getSubject(),
                    nameOf(jwt),
                    jwt.getToken().getClaimAsString("azp"),
                    organizationOf(jwt),
                    OrganizationClaim.tenantOf(jwt.getToken().getClaims())
                            .map(TenantId::value)
                            .orElse(null));
        }
        refusals.send(new AccessRefusals.Refusal(
                status,
                reason,
                request.getMethod(),
                request.getRequestURI(),
                caller,
                addressOf(request),
                CorrelationId.current().orElse(null)));
    }

    static boolean recorded(HttpServletRequest request) {
        return request.getAttribute(RECORDED) != null;
    }

    /** The caller's name as the token states it ({@code name}, else {@code preferred_username}). */
    public static String nameOf(JwtAuthenticationToken jwt) {
        String name = jwt.getToken().getClaimAsString("name");
        String username = jwt.getToken().getClaimAsString("preferred_username");
        String chosen = name != null && !name.isBlank() ? name : username;
        return chosen == null ? null : chosen.length() > 100 ? chosen.substring(0, 100) : chosen;
    }

    /** The caller's realm roles, without Spring's ROLE_ prefix, sorted: what an audit record names. */
    static List<String> rolesOf(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .toList();
    }

    /** The alias of the caller's one agency ({@code {"sunrise": {"id": …}}} → sunrise), else null. */
    static String organizationOf(JwtAuthenticationToken jwt) {
        return jwt.getToken().getClaims().get(OrganizationClaim.CLAIM) instanceof Map<?, ?> organizations
                        && organizations.size() == 1
                ? String.valueOf(organizations.keySet().iterator().next())
                : null;
    }

    /** The client's address: the first hop the gateway saw (X-Forwarded-For), else the connection's peer. */
    static String addressOf(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String address =
                forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : request.getRemoteAddr();
        return address == null || address.length() > 64 ? null : address;
    }
}
