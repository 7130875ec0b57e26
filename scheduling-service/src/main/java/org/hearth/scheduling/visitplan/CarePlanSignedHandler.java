package org.hearth.scheduling.visitplan;

import java.time.LocalDate;
import java.time.ZoneId;
import org.hearth.platform.events.IncomingEvent;
import org.hearth.scheduling.SchedulingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Expands each signed plan of care into visit requirements. Events of one patient arrive in order (key =
 * patient id); a plan version older than the one applied is ignored, so a replayed old signature cannot undo
 * a revision. The visits follow the new requirements (see VisitReconciliation) before the plan version is recorded,
 * so a failure in between is repaired by the redelivery.
 */
@Component
public class CarePlanSignedHandler {

    private static final Logger log = LoggerFactory.getLogger(CarePlanSignedHandler.class);

    private final VisitPlanRepository plans;
    private final ZoneId zone;
    private final ApplicationEventPublisher local;

    CarePlanSignedHandler(VisitPlanRepository plans, SchedulingSettings settings, ApplicationEventPublisher local) {
        this.plans = plans;
        this.zone = settings.zone();
        this.local = local;
    }

    public void signed(IncomingEvent event, CarePlanSignedV1 signed) {
        LocalDate signedOn = LocalDate.ofInstant(signed.signedAt(), zone);
        var current = plans.find(signed.patientId());
        if (current.isPresent() && current.get().planVersion() >= signed.planVersion()) {
            log.info(
                    "Plan version {} of patient {} is not newer than {}; ignored",
                    signed.planVersion(),
                    signed.patientId(),
                    current.get().planVersion());
            return;
        }
        var requirements = current.isEmpty() || current.get().requirements() == null
                ? VisitExpansion.expand(signed, signedOn)
                : VisitExpansion.revise(current.get().requirements(), signed, signedOn);
        local.publishEvent(new VisitPlanChanged(signed.patientId(), signed.planVersion(), requirements, signedOn));
        boolean applied = plans.apply(event.id(), signed.patientId(), signed.planVersion(), requirements);
        log.info(
                "CarePlanSigned {} v{} for patient {}: {} weekly requirements {}",
                event.id(),
                signed.planVersion(),
                signed.patientId(),
                requirements.size(),
                applied ? "applied" : "already applied");
    }
}
