package org.hearth.patient.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hearth.patient.access.PartnerIdentity;
import org.hearth.patient.careplan.Discipline;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.patient.transitions.TransitionOfCare;
import org.hearth.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Receiving and reading referrals for every way in (the REST API, FHIR {@code ServiceRequest}), so both store the
 * same referral with the same event, and a partner sees only the referrals its organisation sent.
 */
@Component
public class ReferralIntake {

    private final ReferralRepository referrals;
    private final Clock clock;

    ReferralIntake(ReferralRepository referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    /** The stored referral and whether this call stored it (false: it was there, the retry of the same request). */
    public record Received(Referral referral, boolean created) {}

    /**
     * Receives a referral under {@code id}, publishing ReferralReceived.v1 once; a second call with the same id
     * stores nothing and answers the stored referral.
     *
     * @throws IllegalArgumentException with a "field: message" text when the referral breaks a rule
     */
    public Received receive(
            String id,
            ReferralSource source,
            Referral.ReferringPhysician physician,
            String reason,
            List<ClinicalProfile.Diagnosis> diagnoses,
            List<Discipline> disciplines,
            LocalDate dischargeDate,
            TransitionOfCare.Complexity complexity,
            Referral.Prospect patient) {
        Referral referral = Referral.receive(
                id,
                source,
                physician,
                reason,
                diagnoses,
                disciplines,
                dischargeDate,
                complexity,
                patient,
                Caller.subject(),
                PartnerIdentity.current(),
                clock.instant());
        boolean created = referrals.insertIfAbsent(referral);
        return new Received(
                referrals.find(id).map(ReferralRepository.Versioned::referral).orElseThrow(), created);
    }

    /** The referral if the caller may see it: intake staff see every referral of the agency, a partner its own. */
    public Optional<Referral> find(String id) {
        return referrals.find(id).map(ReferralRepository.Versioned::referral).filter(ReferralIntake::visible);
    }

    /** Referrals of the agency the caller may see, newest first; a partner's are those its organisation sent. */
    public Page<Referral> list(ReferralStatus status, Pageable pageable) {
        String partner = PartnerIdentity.current();
        return partner == null
                ? referrals.list(status, pageable)
                : referrals.listSentBy(partner, Caller.subject(), status, pageable);
    }

    /** The referrals that admitted this patient (normally one). */
    public List<Referral> ofPatient(String patientId) {
        return referrals.ofPatient(patientId);
    }

    /** Whether the caller's partner organisation referred this patient. */
    public boolean referredByCaller(String patientId) {
        return PartnerIdentity.current() != null
                && ofPatient(patientId).stream().anyMatch(ReferralIntake::visible);
    }

    static boolean visible(Referral referral) {
        String partner = PartnerIdentity.current();
        if (partner == null) {
            return true;
        }
        return partner.equals(referral.referringPartner())
                || (referral.referringPartner() == null && Caller.subject().equals(referral.submittedBy()));
    }
}
