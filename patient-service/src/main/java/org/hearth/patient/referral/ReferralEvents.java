package org.hearth.patient.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.patient.careplan.Discipline;
import org.hearth.platform.events.DomainEvent;

/**
 * Referral events. The subject is the referral id (there is no patient yet); codes and dates only, no name
 * or reason text.
 */
final class ReferralEvents {

    private ReferralEvents() {}

    record ReferralReceived(
            String referralId,
            ReferralSource source,
            List<String> diagnosisCodes,
            List<Discipline> requestedDisciplines,
            LocalDate dischargeDate,
            Instant receivedAt)
            implements DomainEvent {
        static final String TYPE = "org.hearth.patient.ReferralReceived.v1";

        static ReferralReceived of(Referral r) {
            return new ReferralReceived(
                    r.id(),
                    r.source(),
                    r.diagnoses().stream().map(d -> d.code()).toList(),
                    r.requestedDisciplines(),
                    r.dischargeDate(),
                    r.receivedAt());
        }

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return referralId;
        }
    }

    record ReferralAccepted(String referralId, String acceptedBy, Instant acceptedAt) implements DomainEvent {
        static final String TYPE = "org.hearth.patient.ReferralAccepted.v1";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return referralId;
        }
    }
}
