package org.hearth.patient.access;

import java.util.List;

/**
 * What the access rules ask of care teams. The care team feature answers it, so that the rules do not depend on the
 * feature whose endpoints they guard.
 */
public interface CareTeams {

    /** Whether the patient's team lists {@code subject}. */
    boolean lists(String patientId, String subject);

    /** The patients whose team lists {@code subject}. */
    List<String> patientsOf(String subject);
}
