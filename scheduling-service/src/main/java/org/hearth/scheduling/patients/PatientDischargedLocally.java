package org.hearth.scheduling.patients;

import java.time.LocalDate;

/**
 * Published inside scheduling (a Spring application event, in the Kafka handler's thread and agency) when
 * patient-service reports a discharge, so that visits after the discharge day are cancelled in the same handling.
 */
public record PatientDischargedLocally(String patientId, LocalDate dischargedOn) {}
