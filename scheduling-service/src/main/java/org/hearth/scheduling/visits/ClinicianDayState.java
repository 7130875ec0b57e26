package org.hearth.scheduling.visits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.scheduling.visits.ClinicianDayDocument.Claim;

/**
 * Which claims of a clinician's day still hold time. A claim is written before its visit (so the race is decided
 * on the day document) and taken back if the visit write fails; a process that dies in between leaves a claim no
 * visit confirms. Such a claim keeps holding the time for {@link #CLAIM_GRACE} (it may belong to a booking still in
 * flight, and treating that as free would let a second booking through), then the next write of the day drops it.
 * Booked visits no claim names (booked before days were kept) are added, so the day converges on the visits.
 *
 * <p>Read the day document <em>before</em> the visits: a release happens after its visit's write, so a day read
 * first never lacks a claim whose visit the later read still shows as booked.
 */
final class ClinicianDayState {

    /** Longer than any booking request takes plus the clock skew between replicas. */
    static final Duration CLAIM_GRACE = Duration.ofMinutes(5);

    private ClinicianDayState() {}

    /**
     * @param stored the day document's claims (empty if not stored yet)
     * @param booked the clinician's visits holding time that day, read after the day document
     */
    static List<Claim> holding(List<Claim> stored, List<Visit> booked, Instant now) {
        List<Claim> holding = new ArrayList<>();
        for (Claim claim : stored) {
            boolean confirmed = booked.stream().anyMatch(v -> holdsAsBooked(claim, v));
            if (confirmed || claim.claimedAt().plus(CLAIM_GRACE).isAfter(now)) {
                holding.add(claim);
            }
        }
        for (Visit visit : booked) {
            if (stored.stream().noneMatch(c -> holdsAsBooked(c, visit))) {
                holding.add(new Claim(
                        UUID.randomUUID().toString(),
                        visit.id(),
                        visit.patientId(),
                        visit.type(),
                        visit.booking().start(),
                        visit.booking().end(),
                        now));
            }
        }
        return holding;
    }

    private static boolean holdsAsBooked(Claim claim, Visit visit) {
        return claim.holds(visit.id(), visit.booking().start(), visit.booking().end());
    }
}
