package org.hearth.scheduling.visitplan;

import java.time.LocalDate;
import java.util.List;

/**
 * Published inside scheduling (a Spring application event, in the Kafka handler's thread and agency) when a signed
 * plan changes a patient's weekly requirements from {@code changesFrom} on. Listeners that fail make the Kafka
 * handler fail, so the event is redelivered and nothing is half applied for long.
 */
public record VisitPlanChanged(
        String patientId, int planVersion, List<VisitRequirement> requirements, LocalDate changesFrom) {}
