package org.hearth.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hearth.platform.events.CloudEventHeaders;
import org.hearth.platform.tenancy.OrganizationClaim;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes every refused request (401 without a valid token, 403 without the right) on {@code hearth.audit} as
 * {@code org.hearth.audit.AccessRefused.v1}: who (subject, client, agency, when the token told), what (method
 * and path, never the query or the body), why, and the correlation id. Never the token. A refusal changes no
 * state, so it is sent straight to Kafka rather than through an outbox; a failed send is logged loudly.
 */
public class RefusalAudit {

    public static final String TYPE = "org.hearth.audit.AccessRefused.v1";
    /** Set on a request whose refusal is recorded, so that {@link AuditInterceptor} does not record it twice. */
    static final String RECORDED = RefusalAudit.class.getName() + ".recorded";
    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;
    private final String source;
    private final Clock clock;

    public RefusalAudit(KafkaTemplate<String, String> kafka, String source, Clock clock) {
        this.kafka = kafka;
        this.source = source;
        this.clock = clock;
    }

    public void refused(HttpServletRequest request, int status, String reason) {
        if (request.getAttribute(RECORDED) != null) {
            return; // one record per request, even when two refusal paths see it
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
        Map<String, Object> event = new LinkedHashMap<>();
        String auditId = UUID.randomUUID().toString();
        event.put("auditId", auditId);
        event.put("at", clock.instant().toString());
        event.put("source", source);
        event.put("outcome", status);
        event.put("reason", reason);
        event.put("method", request.getMethod());
        event.put("path", request.getRequestURI());
        String tenant = null;
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof JwtAuthenticationToken jwt) {
            event.put("actor", jwt.getToken().getSubject());
            putIfPresent(event, "actorName", nameOf(jwt));
            event.put("clientId", jwt.getToken().getClaimAsString("azp"));
            putIfPresent(event, "organization", organizationOf(jwt));
            tenant = OrganizationClaim.tenantOf(jwt.getToken().getClaims()).map(TenantId::value).orElse(null);
            event.put("agency", tenant);
        }
        putIfPresent(event, "address", addressOf(request));
        String correlationId = CorrelationId.current().orElse(null);
        event.put("correlationId", correlationId);
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(AuditTrail.TOPIC, auditId, JSON.writeValueAsString(event));
            header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(record, CloudEventHeaders.ID, auditId);
            header(record, CloudEventHeaders.SOURCE, source);
            header(record, CloudEventHeaders.TYPE, TYPE);
            header(record, CloudEventHeaders.TIME, String.valueOf(event.get("at")));
            header(record, CloudEventHeaders.TENANT, tenant);
            header(record, CloudEventHeaders.CORRELATION, correlationId);
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            kafka.send(record).whenComplete((sent, failure) -> {
                if (failure != null) {
                    log.error("REFUSAL AUDIT NOT WRITTEN for {} {} ({}): {}", request.getMethod(), status, reason, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.error("REFUSAL AUDIT NOT WRITTEN for {} ({}): {}", status, reason, e.toString());
        }
    }

    static boolean recorded(HttpServletRequest request) {
        return request.getAttribute(RECORDED) != null;
    }

    /** The caller's name as the token states it ({@code name}, else {@code preferred_username}). */
    static String nameOf(JwtAuthenticationToken jwt) {
        String name = jwt.getToken().getClaimAsString("name");
        String username = jwt.getToken().getClaimAsString("preferred_username");
        String chosen = name != null && !name.isBlank() ? name : username;
        return chosen == null ? null : chosen.length() > 100 ? chosen.substring(0, 100) : chosen;
    }

    /** The alias of the caller's one agency ({@code {"sunrise": {"id": …}}} → sunrise), else null. */
    static String organizationOf(JwtAuthenticationToken jwt) {
        return jwt.getToken().getClaims().get(OrganizationClaim.CLAIM) instanceof Map<?, ?> organizations
                && organizations.size() == 1 ? String.valueOf(organizations.keySet().iterator().next()) : null;
    }

    /** The client's address: the first hop the gateway saw (X-Forwarded-For), else the connection's peer. */
    static String addressOf(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String address = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.getRemoteAddr();
        return address == null || address.length() > 64 ? null : address;
    }

    private static void putIfPresent(Map<String, Object> event, String name, String value) {
        if (value != null) {
            event.put(name, value);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
