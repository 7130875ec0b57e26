package org.hearth.scheduling.visits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hearth.platform.events.WithEvents;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.patients.PatientDischargedLocally;
import org.hearth.scheduling.visitplan.VisitPlanChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps visits in line with the plan of care and the patient's admission. */
@Component
class VisitGeneration {

    private static final Logger log = LoggerFactory.getLogger(VisitGeneration.class);
    static final String SYSTEM = "scheduling-service";

    private final VisitRepository visits;
    private final ZoneId zone;
    private final Clock clock;

    VisitGeneration(VisitRepository visits, SchedulingSettings settings, Clock clock) {
        this.visits = visits;
        this.zone = settings.zone();
        this.clock = clock;
    }

    @EventListener
    void on(VisitPlanChanged changed) {
        List<Visit> existing = visits.ofPatient(changed.patientId());
        var changes = VisitReconciliation.reconcile(
                changed.patientId(),
                changed.planVersion(),
                changed.requirements(),
                existing,
                changed.changesFrom(),
                zone);
        int created = 0;
        for (Visit visit : changes.create()) {
            created += visits.insertIfAbsent(visit, List.of()) ? 1 : 0;
        }
        long deleted =
                changes.delete().stream().filter(visits::deleteIfUnscheduled).count();
        for (Visit moved : changes.move()) {
            rewrite(moved.id(), stored -> WithEvents.of(moved));
        }
        for (Visit cancelled : changes.cancel()) {
            rewrite(cancelled.id(), stored -> stored.cancel(VisitReconciliation.PLAN_REVISED, SYSTEM, clock.instant()));
        }
        log.info(
                "Plan v{} of patient {}: {} visits created, {} regenerated away, {} moved, {} cancelled",
                changed.planVersion(),
                changed.patientId(),
                created,
                deleted,
                changes.move().size(),
                changes.cancel().size());
    }

    /**
     * Booked visits after the discharge day and all unbooked ones are cancelled; clinicians learn it from the events.
     */
    @EventListener
    void on(PatientDischargedLocally discharged) {
        LocalDate after = discharged.dischargedOn();
        int cancelled = 0;
        for (Visit visit : visits.ofPatient(discharged.patientId())) {
            boolean unbooked = visit.status() == Visit.Status.UNSCHEDULED;
            boolean bookedAfter = visit.status() == Visit.Status.SCHEDULED
                    && LocalDate.ofInstant(visit.booking().start(), zone).isAfter(after);
            if (unbooked || bookedAfter) {
                rewrite(visit.id(), stored -> stored.cancel("PATIENT_DISCHARGED", SYSTEM, clock.instant()));
                cancelled++;
            }
        }
        log.info("Patient {} discharged: {} later visits cancelled", discharged.patientId(), cancelled);
    }

    /** Applies a change to the stored visit; a concurrent edit makes the handler fail and the event come again. */
    private void rewrite(String id, java.util.function.Function<Visit, WithEvents<Visit>> change) {
        VisitRepository.Versioned stored = visits.find(id).orElseThrow();
        if (!visits.update(change.apply(stored.visit()), stored.version())) {
            throw new IllegalStateException("visit " + id + " changed while the plan was applied; retrying");
        }
    }
}
