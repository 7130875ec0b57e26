package org.hearth.billing.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hearth.billing.patients.MedicareChecklist.Status;
import org.junit.jupiter.api.Test;

class MedicareChecklistTest {

    static final LocalDate START = LocalDate.of(2026, 11, 24);

    static BillingFile file(Integer planVersion, MedicareFacts facts) {
        return new BillingFile("p1", "t", START, planVersion, null, List.of(), facts, 1, List.of(), null);
    }

    static Status status(MedicareChecklist.Result result, String item) {
        return result.items().stream()
                .filter(i -> i.item().equals(item))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void aCompleteFileMeetsEveryItem() {
        var result = MedicareChecklist.check(file(
                1,
                new MedicareFacts(
                        true, "leaves home only for dialysis with a walker", START.minusDays(10), "1234567893")));
        assertThat(result.complete()).isTrue();
    }

    @Test
    void anEmptyFileListsEveryMissingItem() {
        var result = MedicareChecklist.check(file(null, null));
        assertThat(result.items()).extracting(MedicareChecklist.Item::status).containsOnly(Status.MISSING);
        assertThat(result.items())
                .extracting(MedicareChecklist.Item::item)
                .containsExactly("HOMEBOUND", "PHYSICIAN_CERTIFICATION", "FACE_TO_FACE");
        assertThat(result.complete()).isFalse();
    }

    @Test
    void theFaceToFaceEncounterMustBeWithinNinetyDaysBeforeOrThirtyDaysAfterTheStartOfCare() {
        assertThat(MedicareChecklist.faceToFace(START, START.minusDays(90)).status())
                .isEqualTo(Status.MET);
        assertThat(MedicareChecklist.faceToFace(START, START.minusDays(91)).status())
                .isEqualTo(Status.NOT_MET);
        assertThat(MedicareChecklist.faceToFace(START, START.plusDays(30)).status())
                .isEqualTo(Status.MET);
        assertThat(MedicareChecklist.faceToFace(START, START.plusDays(31)).detail())
                .contains("2026-08-26 to 2026-12-24");
    }

    @Test
    void homeboundWithoutAReasonOrNotHomeboundIsReported() {
        assertThat(status(MedicareChecklist.check(file(1, new MedicareFacts(true, " ", START, null))), "HOMEBOUND"))
                .isEqualTo(Status.MISSING);
        assertThat(status(MedicareChecklist.check(file(1, new MedicareFacts(false, null, START, null))), "HOMEBOUND"))
                .isEqualTo(Status.NOT_MET);
    }
}
