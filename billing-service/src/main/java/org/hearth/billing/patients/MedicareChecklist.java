package org.hearth.billing.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of Medicare's home health benefit (42 CFR 424.22) that billing can check before a claim: the
 * patient is homebound, a physician certified the plan of care, and a face-to-face encounter took place within 90
 * days before or 30 days after the start of care. Each missing item says what is missing.
 */
public final class MedicareChecklist {

    private MedicareChecklist() {}

    public enum Status {
        MET,
        MISSING,
        NOT_MET
    }

    public record Item(String item, Status status, String detail) {}

    public record Result(List<Item> items) {

        public boolean complete() {
            return items.stream().allMatch(i -> i.status() == Status.MET);
        }
    }

    public static Result check(BillingFile file) {
        List<Item> items = new ArrayList<>();
        MedicareFacts facts = file.medicare() == null ? MedicareFacts.NONE : file.medicare();
        if (facts.homebound() == null) {
            items.add(new Item("HOMEBOUND", Status.MISSING, "homebound status has not been recorded"));
        } else if (!facts.homebound()) {
            items.add(new Item("HOMEBOUND", Status.NOT_MET, "the patient is recorded as not homebound"));
        } else if (facts.homeboundReason() == null || facts.homeboundReason().isBlank()) {
            items.add(
                    new Item("HOMEBOUND", Status.MISSING, "homebound is recorded without the reason that supports it"));
        } else {
            items.add(new Item("HOMEBOUND", Status.MET, facts.homeboundReason()));
        }
        items.add(
                file.signedPlanVersion() == null
                        ? new Item(
                                "PHYSICIAN_CERTIFICATION",
                                Status.MISSING,
                                "no plan of care has been signed by a physician")
                        : new Item(
                                "PHYSICIAN_CERTIFICATION",
                                Status.MET,
                                "plan of care version " + file.signedPlanVersion() + " signed"));
        items.add(faceToFace(file.startOfCare(), facts.faceToFaceOn()));
        return new Result(items);
    }

    static Item faceToFace(LocalDate startOfCare, LocalDate encounter) {
        if (encounter == null) {
            return new Item("FACE_TO_FACE", Status.MISSING, "no face-to-face encounter date recorded");
        }
        if (startOfCare == null) {
            return new Item("FACE_TO_FACE", Status.MISSING, "the start of care is not known yet");
        }
        LocalDate earliest = startOfCare.minusDays(90);
        LocalDate latest = startOfCare.plusDays(30);
        if (encounter.isBefore(earliest) || encounter.isAfter(latest)) {
            return new Item(
                    "FACE_TO_FACE",
                    Status.NOT_MET,
                    "the encounter on " + encounter + " is outside " + earliest + " to " + latest
                            + " (90 days before to 30 days after the start of care)");
        }
        return new Item("FACE_TO_FACE", Status.MET, "encounter on " + encounter);
    }
}
