package org.hearth.scheduling.visits;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.visits.ClinicianDayDocument.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Clinician days of the current agency. Every change is one conditional write of the whole claim list at the
 * version it was read at (MongoDB's single-document atomicity; no transactions needed), so the state the booking
 * rules were checked against is exactly the state the write replaces.
 */
@Repository
class ClinicianDays {

    private static final Logger log = LoggerFactory.getLogger(ClinicianDays.class);
    static final int RELEASE_ATTEMPTS = 20;

    private final TenantScopedMongo mongo;
    private final ZoneId zone;

    ClinicianDays(TenantScopedMongo mongo, SchedulingSettings settings) {
        this.mongo = mongo;
        this.zone = settings.zone();
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureUniqueIndex(ClinicianDayDocument.class, "clinicianId", "date");
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The stored day; empty while no booking has written it (its visits may still exist: see ClinicianDayState). */
    Optional<ClinicianDayDocument> find(String clinicianId, LocalDate date) {
        return mongo.findById(id(clinicianId, date), ClinicianDayDocument.class);
    }

    /**
     * Stores {@code claims} if the day is still at {@code expectedVersion}; at 0 the day must not be stored yet
     * (two first bookings: the unique id makes one insert fail). False when someone else wrote first.
     */
    boolean write(String clinicianId, LocalDate date, long expectedVersion, List<Claim> claims) {
        String id = id(clinicianId, date);
        return mongo.createOrUpdate(
                id,
                expectedVersion,
                VersionedDocuments.VERSION,
                () -> new ClinicianDayDocument(
                        id, TenantContext.current().value(), clinicianId, date.toString(), 1, claims),
                new Update().set("claims", claims),
                ClinicianDayDocument.class);
    }

    /** Gives back the time a visit's booking held (it was cancelled, missed or moved). */
    void release(String visitId, Visit.Booking booking) {
        release(booking.clinicianId(), dayOf(booking.start()), c -> c.holds(visitId, booking.start(), booking.end()));
    }

    /**
     * Takes out the claims {@code which} selects, at the version read, retrying when another booking wrote first.
     * Should every attempt lose, the claim is left over and lapses after {@link ClinicianDayState#CLAIM_GRACE}.
     */
    void release(String clinicianId, LocalDate date, Predicate<Claim> which) {
        for (int attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
            ClinicianDayDocument day = find(clinicianId, date).orElse(null);
            if (day == null) {
                return;
            }
            List<Claim> kept = day.claims().stream().filter(which.negate()).toList();
            if (kept.size() == day.claims().size() || write(clinicianId, date, day.version(), kept)) {
                return;
            }
        }
        log.warn(
                "Clinician {} day {}: a claim could not be released in {} attempts; it lapses after {}",
                clinicianId,
                date,
                RELEASE_ATTEMPTS,
                ClinicianDayState.CLAIM_GRACE);
    }

    /** The agency is part of the id: ids are unique across the collection, and clinician ids come from requests. */
    private static String id(String clinicianId, LocalDate date) {
        return TenantContext.current().value() + "/" + clinicianId + "/" + date;
    }
}
