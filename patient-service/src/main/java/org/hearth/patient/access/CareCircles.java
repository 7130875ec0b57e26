package org.hearth.patient.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the access rules ask of care circles. The care circle feature answers it, so that the rules do not depend on
 * the feature whose endpoints they guard.
 */
public interface CareCircles {

    /** The consent scopes of {@code subject} in the patient's circle; empty if the circle does not list them. */
    Optional<Set<ConsentScope>> consentOf(String patientId, String subject);

    /** The patients whose circle lists {@code subject}. */
    List<String> patientsOf(String subject);
}
