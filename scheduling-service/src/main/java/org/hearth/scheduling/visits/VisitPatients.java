package org.hearth.scheduling.visits;

import java.util.Map;
import java.util.Optional;
import org.hearth.platform.audit.PatientOfResource;
import org.springframework.stereotype.Component;

/** A request on a visit (read, booking, EVV, missed, cancellation, slots) is an access to its patient's data. */
@Component
class VisitPatients implements PatientOfResource {

    private static final String VISIT = "/api/scheduling/v1/visits/{id}";

    private final VisitRepository visits;

    VisitPatients(VisitRepository visits) {
        this.visits = visits;
    }

    @Override
    public Optional<String> patientOf(String route, Map<String, String> variables) {
        if (!route.startsWith(VISIT) || variables.get("id") == null) {
            return Optional.empty();
        }
        return visits.find(variables.get("id")).map(stored -> stored.visit().patientId());
    }
}
