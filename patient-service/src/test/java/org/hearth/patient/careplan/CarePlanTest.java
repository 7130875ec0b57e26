package org.hearth.patient.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.events.WithEvents;
import org.junit.jupiter.api.Test;

class CarePlanTest {

    static final Instant MONDAY = Instant.parse("2026-11-23T15:00:00Z");
    static final Optional<String> DR_PATEL = Optional.of("dr-patel");

    static CarePlanContent content(String frequency, String... interventions) {
        return new CarePlanContent(
                List.of(new CarePlanContent.Problem(
                        "Heart failure, fluid overload risk",
                        List.of(new CarePlanContent.Goal(
                                "Stable weight", "gain under 1 kg a week", LocalDate.parse("2027-01-15"))))),
                List.of(interventions),
                List.of(new CarePlanContent.Medication(
                        "Furosemide",
                        "40 mg",
                        CarePlanContent.Route.ORAL,
                        List.of(LocalTime.of(8, 0)),
                        LocalDate.parse("2026-11-20"),
                        null)),
                List.of("2 g sodium"),
                List.of(new CarePlanContent.Equipment("walker", CarePlanContent.EquipmentStatus.ORDERED)),
                List.of("meal delivery"),
                frequency);
    }

    @Test
    void aFirstDraftIsVersionOneWithItsFrequencyReadAndWrittenCanonically() {
        CarePlan plan = CarePlan.none("p-1").withDraft(content("sn 2w4,pt 3W2", "Daily weights"), "nina", MONDAY);

        CarePlanVersion draft = plan.draft().orElseThrow();
        assertThat(draft.number()).isEqualTo(1);
        assertThat(draft.content().frequency()).isEqualTo("SN 2W4, PT 3W2");
        assertThat(draft.frequencyOrders())
                .extracting(FrequencyOrder::discipline)
                .containsExactly(Discipline.SN, Discipline.PT);
        assertThat(plan.active()).isEmpty();
    }

    @Test
    void rewritingAnOpenDraftKeepsItsNumber() {
        CarePlan plan = CarePlan.none("p-1")
                .withDraft(content("SN 2W4"), "nina", MONDAY)
                .withDraft(content("SN 3W4"), "carla", MONDAY.plusSeconds(60));

        assertThat(plan.versions()).hasSize(1);
        assertThat(plan.draft().orElseThrow().content().frequency()).isEqualTo("SN 3W4");
        assertThat(plan.draft().orElseThrow().authoredBy()).isEqualTo("carla");
    }

    @Test
    void theLeadPhysicianSignsTheDraftIntoTheActivePlanAndTheEventCarriesTheOrders() {
        CarePlan drafted = CarePlan.none("p-1").withDraft(content("SN 3W1, 2W4, 2 PRN"), "nina", MONDAY);

        WithEvents<CarePlan> signed = drafted.sign("dr-patel", DR_PATEL, MONDAY.plusSeconds(3600));

        CarePlanVersion active = signed.result().active().orElseThrow();
        assertThat(active.number()).isEqualTo(1);
        assertThat(active.signedBy()).isEqualTo("dr-patel");
        assertThat(signed.result().draft()).isEmpty();
        CarePlanSigned event = (CarePlanSigned) signed.events().getFirst();
        assertThat(event.planVersion()).isEqualTo(1);
        assertThat(event.supersedesVersion()).isNull();
        assertThat(event.frequencyOrders().getFirst().prnVisits()).isEqualTo(2);
        assertThat(event.frequencyOrders().getFirst().segments()).hasSize(2);
    }

    @Test
    void aChangeAfterSigningOpensANewDraftVersionAndTheOldOneStaysActiveUntilTheNextSignature() {
        CarePlan v1 = CarePlan.none("p-1")
                .withDraft(content("SN 2W4"), "nina", MONDAY)
                .sign("dr-patel", DR_PATEL, MONDAY)
                .result();

        CarePlan revising = v1.withDraft(content("SN 2W4, OT 1W4"), "nina", MONDAY.plusSeconds(86_400));
        assertThat(revising.draft().orElseThrow().number()).isEqualTo(2);
        assertThat(revising.active().orElseThrow().number()).isEqualTo(1);

        WithEvents<CarePlan> signedAgain = revising.sign("dr-patel", DR_PATEL, MONDAY.plusSeconds(90_000));
        assertThat(((CarePlanSigned) signedAgain.events().getFirst()).supersedesVersion())
                .isEqualTo(1);
        CarePlan v2 = signedAgain.result();
        assertThat(v2.active().orElseThrow().number()).isEqualTo(2);
        assertThat(v2.version(1).orElseThrow().status()).isEqualTo(CarePlanStatus.SUPERSEDED);
        assertThat(v2.versions())
                .extracting(CarePlanVersion::status)
                .containsExactly(CarePlanStatus.SUPERSEDED, CarePlanStatus.ACTIVE);
    }

    @Test
    void onlyTheLeadPhysicianSignsAndOnlyWhenThereIsALead() {
        CarePlan drafted = CarePlan.none("p-1").withDraft(content("SN 2W4"), "nina", MONDAY);

        assertThatThrownBy(() -> drafted.sign("dr-jones", DR_PATEL, MONDAY))
                .isInstanceOf(NotTheLeadPhysicianException.class)
                .hasMessageContaining("Only the lead physician");
        assertThatThrownBy(() -> drafted.sign("dr-patel", Optional.empty(), MONDAY))
                .isInstanceOf(NotTheLeadPhysicianException.class)
                .hasMessageContaining("no lead physician");
    }

    @Test
    void thereIsNothingToSignWithoutADraft() {
        CarePlan v1 = CarePlan.none("p-1")
                .withDraft(content("SN 2W4"), "nina", MONDAY)
                .sign("dr-patel", DR_PATEL, MONDAY)
                .result();

        assertThatThrownBy(() -> v1.sign("dr-patel", DR_PATEL, MONDAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreadableFrequencyChangesNothing() {
        CarePlan none = CarePlan.none("p-1");

        assertThatThrownBy(() -> none.withDraft(content("SN twice weekly"), "nina", MONDAY))
                .isInstanceOf(FrequencyNotation.InvalidFrequencyException.class);
        assertThat(none.versions()).isEmpty();
    }

    @Test
    void theDiffListsWhatWasAddedAndRemovedPerSection() {
        CarePlan plan = CarePlan.none("p-1")
                .withDraft(content("SN 2W4", "Daily weights", "Teach low-salt diet"), "nina", MONDAY)
                .sign("dr-patel", DR_PATEL, MONDAY)
                .result()
                .withDraft(content("SN 2W4, OT 1W4", "Daily weights", "Fall prevention teaching"), "nina", MONDAY);

        CarePlanDiff diff = CarePlanDiff.between(
                plan.version(1).orElseThrow(), plan.version(2).orElseThrow());

        assertThat(diff.changes())
                .extracting(CarePlanDiff.SectionChange::section)
                .containsExactly("interventions", "frequency");
        CarePlanDiff.SectionChange interventions = diff.changes().getFirst();
        assertThat(interventions.added()).containsExactly("Fall prevention teaching");
        assertThat(interventions.removed()).containsExactly("Teach low-salt diet");
        assertThat(diff.changes().get(1).added()).containsExactly("SN 2W4, OT 1W4");
    }
}
