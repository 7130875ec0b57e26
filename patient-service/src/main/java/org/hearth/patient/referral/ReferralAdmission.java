package org.hearth.patient.referral;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.patient.transitions.TransitionOfCare;
import org.hearth.patient.transitions.TransitionRepository;
import org.springframework.stereotype.Service;

/**
 * Turns an accepted referral into a patient. Three documents change (patient, transition of care, referral)
 * and MongoDB here has no multi-document transactions, so each step is idempotent and keyed by ids derived
 * from the referral: a retry after a crash at any point completes the admission without doing anything twice.
 */
@Service
class ReferralAdmission {

    private final ReferralRepository referrals;
    private final PatientRepository patients;
    private final TransitionRepository transitions;
    private final Clock clock;

    ReferralAdmission(
            ReferralRepository referrals, PatientRepository patients, TransitionRepository transitions, Clock clock) {
        this.referrals = referrals;
        this.patients = patients;
        this.transitions = transitions;
        this.clock = clock;
    }

    Referral admit(ReferralRepository.Versioned stored) {
        Referral referral = stored.referral();
        if (referral.status() == ReferralStatus.ADMITTED) {
            return referral; // a retry after success
        }
        Referral admitted = referral.admitted(patientIdOf(referral)); // checks ACCEPTED first
        Referral.Prospect p = referral.patient();
        patients.insertIfAbsent(Patient.admit(
                admitted.patientId(),
                p.givenName(),
                p.familyName(),
                p.birthDate(),
                p.address(),
                p.phone(),
                p.language(),
                new ClinicalProfile(null, referral.diagnoses(), null),
                referral.referringPartner(),
                clock.instant()));
        if (referral.source() == ReferralSource.HOSPITAL_DISCHARGE) {
            transitions.startIfAbsent(TransitionOfCare.afterDischarge(
                    admitted.patientId(), referral.dischargeDate(), referral.complexity()));
        }
        if (!referrals.update(admitted, stored.version(), List.of())) {
            throw new IllegalStateException("the referral changed meanwhile; retry the admission");
        }
        return admitted;
    }

    static String patientIdOf(Referral referral) {
        return UUID.nameUUIDFromBytes(("patient-of-referral|" + referral.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
