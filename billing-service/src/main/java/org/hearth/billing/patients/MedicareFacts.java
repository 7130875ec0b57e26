package org.hearth.billing.patients;

import java.time.LocalDate;

/** What the billing clerk records for the Medicare checklist; null means not recorded yet. */
public record MedicareFacts(
        Boolean homebound, String homeboundReason, LocalDate faceToFaceOn, String certifyingPhysicianNpi) {

    public static final MedicareFacts NONE = new MedicareFacts(null, null, null, null);
}
