package org.hearth.patient.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.patient.careplan.Discipline;
import org.hearth.patient.record.Address;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.patient.transitions.TransitionOfCare;
import org.hearth.platform.clinical.Npi;

/**
 * A request to take a patient into home health care, with what the referrer knows: who the patient is, why,
 * the diagnoses (ICD-10-CM), which disciplines are requested and, after a hospital stay, the discharge date.
 *
 * @param referringPartner the partner organisation that sent it ({@code PartnerIdentity}); null when staff entered it
 */
public record Referral(
        String id,
        ReferralStatus status,
        ReferralSource source,
        ReferringPhysician referringPhysician,
        String reason,
        List<ClinicalProfile.Diagnosis> diagnoses,
        List<Discipline> requestedDisciplines,
        LocalDate dischargeDate,
        TransitionOfCare.Complexity complexity,
        Prospect patient,
        String submittedBy,
        Instant receivedAt,
        String decidedBy,
        Instant decidedAt,
        String declineReason,
        String patientId,
        String referringPartner) {

    public Referral {
        diagnoses = List.copyOf(diagnoses);
        requestedDisciplines = List.copyOf(requestedDisciplines);
    }

    public record ReferringPhysician(String name, String npi) {
        public ReferringPhysician {
            if (!Npi.isValid(npi)) {
                throw new IllegalArgumentException("referringPhysician.npi: \"" + npi + "\" is not a valid NPI");
            }
        }
    }

    /** The person referred, before they are a patient of the agency. */
    public record Prospect(
            String givenName, String familyName, LocalDate birthDate, Address address, String phone, String language) {}

    static Referral receive(
            String id,
            ReferralSource source,
            ReferringPhysician physician,
            String reason,
            List<ClinicalProfile.Diagnosis> diagnoses,
            List<Discipline> disciplines,
            LocalDate dischargeDate,
            TransitionOfCare.Complexity complexity,
            Prospect patient,
            String submittedBy,
            String referringPartner,
            Instant now) {
        if (source == ReferralSource.HOSPITAL_DISCHARGE && dischargeDate == null) {
            throw new IllegalArgumentException("dischargeDate: is required for a hospital discharge");
        }
        if (dischargeDate != null
                && dischargeDate.isAfter(
                        LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1))) {
            throw new IllegalArgumentException("dischargeDate: cannot be in the future");
        }
        return new Referral(
                id,
                ReferralStatus.RECEIVED,
                source,
                physician,
                reason,
                diagnoses,
                disciplines,
                dischargeDate,
                complexity == null ? TransitionOfCare.Complexity.MODERATE : complexity,
                patient,
                submittedBy,
                now,
                null,
                null,
                null,
                null,
                referringPartner);
    }

    Referral accept(String by, Instant now) {
        require(ReferralStatus.RECEIVED, "accepted");
        return with(ReferralStatus.ACCEPTED, by, now, null, null);
    }

    Referral decline(String by, String why, Instant now) {
        require(ReferralStatus.RECEIVED, "declined");
        return with(ReferralStatus.DECLINED, by, now, why, null);
    }

    Referral admitted(String patient) {
        require(ReferralStatus.ACCEPTED, "admitted");
        return with(ReferralStatus.ADMITTED, decidedBy, decidedAt, null, patient);
    }

    private void require(ReferralStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("a " + status + " referral cannot be " + action);
        }
    }

    private Referral with(ReferralStatus next, String by, Instant at, String why, String patient) {
        return new Referral(
                id,
                next,
                source,
                referringPhysician,
                reason,
                diagnoses,
                requestedDisciplines,
                dischargeDate,
                complexity,
                this.patient,
                submittedBy,
                receivedAt,
                by,
                at,
                why,
                patient,
                referringPartner);
    }
}
