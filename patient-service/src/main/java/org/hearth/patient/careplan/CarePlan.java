package org.hearth.patient.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.events.WithEvents;

/**
 * The plan of care of one patient with its whole history. At most one draft and one active version exist at a
 * time; every signed version stays readable. Operations return the new plan and the events they cause.
 */
public record CarePlan(String patientId, List<CarePlanVersion> versions) {

    public CarePlan {
        versions = List.copyOf(versions);
    }

    public static CarePlan none(String patientId) {
        return new CarePlan(patientId, List.of());
    }

    public Optional<CarePlanVersion> draft() {
        return versions.stream().filter(v -> v.status() == CarePlanStatus.DRAFT).findFirst();
    }

    public Optional<CarePlanVersion> active() {
        return versions.stream()
                .filter(v -> v.status() == CarePlanStatus.ACTIVE)
                .findFirst();
    }

    public Optional<CarePlanVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /**
     * Writes the draft: the open draft is rewritten in place (nobody has signed it), otherwise the change opens
     * a new draft version on top of the active one, which stays in force until the new one is signed.
     *
     * @throws FrequencyNotation.InvalidFrequencyException if the frequency cannot be read
     */
    public CarePlan withDraft(CarePlanContent content, String author, Instant now) {
        List<FrequencyOrder> orders = FrequencyNotation.parse(content.frequency());
        CarePlanContent canonical = new CarePlanContent(
                content.problems(),
                content.interventions(),
                content.medications(),
                content.diet(),
                content.equipment(),
                content.communityServices(),
                FrequencyNotation.format(orders));
        int number = draft().map(CarePlanVersion::number).orElse(versions.size() + 1);
        CarePlanVersion draft = new CarePlanVersion(
                number, CarePlanStatus.DRAFT, canonical, orders, author, now, null, null, null, null);
        List<CarePlanVersion> next = new ArrayList<>(
                versions.stream().filter(v -> v.number() != number).toList());
        next.add(draft);
        return new CarePlan(patientId, next);
    }

    /**
     * The author hands the open draft to the lead physician for signature, once it breaks none of the
     * {@link CarePlanRules}; every broken rule is answered at once, so the author fixes them in one pass.
     *
     * @throws IllegalStateException     if there is no draft to submit
     * @throws CarePlanRules.Broken      if the draft breaks rules (each one listed)
     */
    public CarePlan submit(String submitter, Instant now, LocalDate today) {
        CarePlanVersion draft = draft().orElseThrow(() -> new IllegalStateException("there is no draft to submit"));
        CarePlanRules.check(draft.content(), today);
        return new CarePlan(
                patientId,
                versions.stream()
                        .map(v -> v.number() == draft.number() ? v.submitted(submitter, now) : v)
                        .toList());
    }

    /**
     * The lead physician signs the draft: it becomes active and the version it replaces is superseded.
     *
     * @throws IllegalStateException         if there is no draft to sign
     * @throws NotTheLeadPhysicianException  if the signer is not the lead physician of the care team
     */
    public WithEvents<CarePlan> sign(String signer, Optional<String> leadPhysician, Instant now) {
        CarePlanVersion draft = draft().orElseThrow(() -> new IllegalStateException("there is no draft to sign"));
        if (leadPhysician.isEmpty()) {
            throw new NotTheLeadPhysicianException("The care team has no lead physician; name one before signing.");
        }
        if (!leadPhysician.get().equals(signer)) {
            throw new NotTheLeadPhysicianException("Only the lead physician of the care team signs the plan of care.");
        }
        List<CarePlanVersion> next = versions.stream()
                .map(v -> switch (v.status()) {
                    case DRAFT -> v.signed(signer, now);
                    case ACTIVE -> v.withStatus(CarePlanStatus.SUPERSEDED);
                    case SUPERSEDED -> v;
                })
                .toList();
        return WithEvents.of(
                new CarePlan(patientId, next),
                new CarePlanSigned(
                        patientId,
                        draft.number(),
                        active().map(CarePlanVersion::number).orElse(null),
                        now,
                        signer,
                        draft.frequencyOrders()));
    }
}
