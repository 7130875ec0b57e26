package org.hearth.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hearth.platform.correlation.CorrelationId;
import org.hearth.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the one audit record of every handled request that concerns a patient: {@code {patientId}} in the route, a
 * patient named by the handler ({@link AuditedPatient}, e.g. in a create's body), the owner of the route's resource
 * ({@link PatientOfResource}: a visit, a thread, an authorization), or the {@code Location} of a patient just created;
 * whatever its outcome. A request refused for its credentials or rights is recorded once, by
 * {@link RefusalAudit} (which names the path), and not a second time here. Requests refused before reaching a handler
 * (no or bad token) are recorded by RefusalAudit only.
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
    private final Supplier<List<PatientOfResource>> resources;

    /**
     * @param createdPrefix the collection path whose 201 answers create a patient, e.g.
     *                      {@code /api/patients/v1/patients/}; null in services that create no patients
     */
    public AuditInterceptor(AuditTrail trail, String createdPrefix, Clock clock) {
        this(trail, createdPrefix, clock, List::of);
    }

    /** @param resources the service's {@link PatientOfResource} resolvers (looked up on use) */
    public AuditInterceptor(
            AuditTrail trail, String createdPrefix, Clock clock, Supplier<List<PatientOfResource>> resources) {
        this.trail = trail;
        this.createdPrefix = createdPrefix;
        this.clock = clock;
        this.resources = resources;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken jwt)
                || TenantContext.find().isEmpty()
                || RefusalAudit.recorded(request)) {
            return;
        }
        String route = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        String single = patientOf(request, response, route);
        // FHIR reads name their patients through FhirAudit (Patient/{id}, ?patient=, a search's page)
        Collection<String> patients = single != null
                ? List.of(single)
                : request.getAttribute(PATIENTS_ATTRIBUTE) instanceof Collection<?> marked
                        ? marked.stream().map(String::valueOf).toList()
                        : List.of();
        for (String patientId : patients) {
            record(request, response, jwt, caller, route, patientId);
        }
    }

    private void record(
            HttpServletRequest request,
            HttpServletResponse response,
            JwtAuthenticationToken jwt,
            Authentication caller,
            String route,
            String patientId) {
        Object breakGlass = request.getAttribute(AuditRecord.BREAK_GLASS_ATTRIBUTE);
        try {
            trail.record(new AuditRecord(
                    UUID.randomUUID().toString(),
                    patientId,
                    jwt.getToken().getSubject(),
                    RefusalAudit.rolesOf(caller),
                    jwt.getToken().getClaimAsString("azp"),
                    request.getMethod() + " " + route,
                    response.getStatus(),
                    CorrelationId.current().orElse(null),
                    clock.instant(),
                    breakGlass == null ? null : AuditRecord.BREAK_GLASS,
                    null,
                    null,
                    breakGlass == null ? null : breakGlass.toString(),
                    RefusalAudit.nameOf(jwt),
                    RefusalAudit.organizationOf(jwt),
                    RefusalAudit.addressOf(request)));
        } catch (RuntimeException e) {
            // The answer is already on its way; an audit failure must be loud in operations, not silent.
            log.error(
                    "AUDIT RECORD NOT WRITTEN for {} {} (patient id withheld): {}",
                    request.getMethod(),
                    route,
                    e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private String patientOf(HttpServletRequest request, HttpServletResponse response, String route) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("patientId") instanceof String id) {
            return id;
        }
        Optional<String> loaded = AuditedPatient.of(request);
        if (loaded.isPresent()) {
            return loaded.get();
        }
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, String> values = (Map<String, String>) map;
            for (PatientOfResource resource : resources.get()) {
                Optional<String> owner = resource.patientOf(route, values);
                if (owner.isPresent()) {
                    return owner.get();
                }
            }
        }
        String location = response.getHeader("Location");
        if (createdPrefix != null
                && response.getStatus() == 201
                && location != null
                && location.startsWith(createdPrefix)) {
            return location.substring(createdPrefix.length());
        }
        return null;
    }
}
