package org.hearth.patient.alerts;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read access to alerts for other features of this service (FHIR Flags), without their workflow. */
@Component
public class AlertReader {

    private final AlertRepository alerts;

    AlertReader(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** One patient's alerts, newest first. */
    public List<Alert> ofPatient(String patientId) {
        return alerts.ofPatient(patientId);
    }

    /** One alert of the caller's agency. */
    public Optional<Alert> find(String alertId) {
        return alerts.find(alertId).map(AlertRepository.Versioned::alert);
    }
}
