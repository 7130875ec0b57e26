package org.hearth.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records every handled request whose route names a patient ({@code {patientId}} in the path, or the
 * {@code Location} of a patient just created), whatever its outcome: a refused read is audited as well as a
 * granted one. Requests refused before reaching a handler (no or bad token) are not patient data accesses.
 */
public class AuditInterceptor implements HandlerInterceptor {

    /**
     * Request attribute with the ids ({@code Set<String>}) of the patients a handler touched when its route has no
     * {@code {patientId}} (FHIR: {@code Patient/{id}}, {@code ?patient=}); see {@code FhirAudit}.
     */
    public static final String PATIENTS_ATTRIBUTE = AuditInterceptor.class.getName() + ".patients";

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditTrail trail;
    private final String createdPrefix;
    private final Clock clock;

    /**
     * @param createdPrefix the collection path whose 201 answers create a patient, e.g.
     *                      {@code /api/patients/v1/patients/}; null in services that create no patients
     */
    public AuditInterceptor(AuditTrail trail, String createdPrefix, Clock clock) {
        this.trail = trail;
        this.createdPrefix = createdPrefix;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken jwt) || TenantContext.find().isEmpty()) {
            return;
        }
        String route = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        String single = patientOf(request, response);
        Collection<String> patients = single != null ? List.of(single)
                : request.getAttribute(PATIENTS_ATTRIBUTE) instanceof Collection<?> marked
                        ? marked.stream().map(String::valueOf).toList() : List.of();
        for (String patientId : patients) {
            record(request, response, jwt, caller, route, patientId);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, JwtAuthenticationToken jwt,
            Authentication caller, String route, String patientId) {
        try {
            trail.record(new AuditRecord(UUID.randomUUID().toString(), patientId, jwt.getToken().getSubject(),
                    caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList(),
                    jwt.getToken().getClaimAsString("azp"), request.getMethod() + " " + route, response.getStatus(),
                    CorrelationId.current().orElse(null), clock.instant()));
        } catch (RuntimeException e) {
            // The answer is already on its way; an audit failure must be loud in operations, not silent.
            log.error("AUDIT RECORD NOT WRITTEN for {} {} (patient id withheld): {}", request.getMethod(), route, e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private String patientOf(HttpServletRequest request, HttpServletResponse response) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("patientId") instanceof String id) {
            return id;
        }
        String location = response.getHeader("Location");
        if (createdPrefix != null && response.getStatus() == 201 && location != null && location.startsWith(createdPrefix)) {
            return location.substring(createdPrefix.length());
        }
        return null;
    }
}
