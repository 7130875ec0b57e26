package org.hearth.scheduling.visits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hearth.platform.audit.AuditedPatient;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.platform.web.Versions;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.Visit.VisitType;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Visits: add, book and rebook (If-Match), EVV check-in/out by the assigned clinician, miss and cancel with a reason. */
@RestController
@RequestMapping("/api/scheduling/v1/visits")
@Tag(name = "Visits")
class VisitController {

    static final String COORDINATORS = "hasAnyRole('agency-admin','coordinator')";
    static final String CLINICIANS = "hasAnyRole('nurse','therapist','aide','social-worker','physician')";

    private final VisitRepository visits;
    private final VisitBooking booking;
    private final VisitEvv evv;
    private final VisitAccess access;
    private final PatientProjectionRepository patients;
    private final Clock clock;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;

    VisitController(
            VisitRepository visits,
            VisitBooking booking,
            VisitEvv evv,
            VisitAccess access,
            PatientProjectionRepository patients,
            Clock clock,
            IdempotencyKeys idempotency,
            JsonMapper json) {
        this.visits = visits;
        this.booking = booking;
        this.evv = evv;
        this.access = access;
        this.patients = patients;
        this.clock = clock;
        this.idempotency = idempotency;
        this.json = json;
    }

    record NewVisit(
            @NotBlank @Size(max = 100) String patientId,

            @NotNull @Pattern(regexp = "SN|PT|OT|ST|MSW|HHA|RD", message = "must be SN, PT, OT, ST, MSW, HHA or RD")
            String discipline,

            VisitType type,
            @NotNull LocalDate earliest,
            @NotNull LocalDate latest,
            @Size(max = 20) Set<@NotBlank @Size(max = 40) String> skills,
            @Size(max = 20) Set<@NotBlank @Size(max = 100) String> certifications,
            @Valid DoubleStaffing doubleStaffed) {}

    /** A second clinician of {@code partnerDiscipline}, starting 0..n minutes after the first (0 and 0: together). */
    record DoubleStaffing(
            @NotNull @Pattern(regexp = "SN|PT|OT|ST|MSW|HHA|RD", message = "must be SN, PT, OT, ST, MSW, HHA or RD")
            String partnerDiscipline,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(240)
            int minGapMinutes,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(240)
            int maxGapMinutes) {}

    record BookingRequest(
            @NotBlank @Size(max = 100) String clinicianId,
            @NotNull Instant start,
            @NotNull Instant end,
            VisitType type,
            @Size(max = 500) String telehealthLink) {}

    record PositionRequest(
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    enum MissedReason {
        PATIENT_NOT_HOME,
        PATIENT_REFUSED,
        PATIENT_HOSPITALIZED,
        CLINICIAN_UNAVAILABLE,
        WEATHER,
        OTHER
    }

    enum CancelReason {
        PATIENT_REQUEST,
        PHYSICIAN_ORDER,
        PATIENT_HOSPITALIZED,
        AGENCY,
        WEATHER,
        OTHER
    }

    record Missed(@NotNull MissedReason reason) {}

    record Cancellation(@NotNull CancelReason reason) {}

    @PostMapping
    @PreAuthorize(COORDINATORS)
    @Operation(
            summary = "Add a visit by hand (e.g. a PRN visit)",
            description =
                    "Unscheduled until booked. With "
                            + "Idempotency-Key, a retry of the same request answers the same visit (and partner) and adds nothing twice")
    ResponseEntity<Visit> add(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody NewVisit request) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (request.latest().isBefore(request.earliest())) {
            errors.add(new FieldError("latest", "must not be before earliest"));
        }
        if (request.latest().isBefore(LocalDate.now(clock.withZone(bookingZone())))) {
            errors.add(new FieldError("latest", "must not be in the past"));
        }
        if (request.doubleStaffed() != null
                && request.doubleStaffed().maxGapMinutes()
                        < request.doubleStaffed().minGapMinutes()) {
            errors.add(new FieldError("doubleStaffed.maxGapMinutes", "must not be below minGapMinutes"));
        }
        if (patients.findById(request.patientId()).isEmpty()) {
            errors.add(new FieldError("patientId", "no such patient in this agency"));
        } else {
            AuditedPatient.is(request.patientId());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // the partner's id follows from the visit's, so that a retry completes a pair half-stored before a failure
        String visitId = idempotency
                .claim(
                        key,
                        Caller.subject(),
                        json.writeValueAsString(request),
                        UUID.randomUUID().toString())
                .resourceId();
        Visit visit = Visit.unscheduled(
                visitId,
                request.patientId(),
                request.discipline(),
                request.type(),
                request.earliest(),
                request.latest(),
                0,
                new Visit.Needs(request.skills(), request.certifications()));
        DoubleStaffing pair = request.doubleStaffed();
        if (pair != null) {
            Visit partner = Visit.unscheduled(
                    UUID.nameUUIDFromBytes(("partner-of|" + visitId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .toString(),
                    request.patientId(),
                    pair.partnerDiscipline(),
                    request.type(),
                    request.earliest(),
                    request.latest(),
                    0,
                    Visit.Needs.NONE);
            visit = visit.pairedWith(new Visit.Pairing(partner.id(), true, pair.minGapMinutes(), pair.maxGapMinutes()));
            // the partner first: a visit never names a partner that does not exist
            visits.insertIfAbsent(
                    partner.pairedWith(
                            new Visit.Pairing(visit.id(), false, pair.minGapMinutes(), pair.maxGapMinutes())),
                    List.of());
        }
        visits.insertIfAbsent(visit, List.of()); // false on a retry whose first attempt stored it: answer that
        VisitRepository.Versioned stored = visits.find(visitId).orElseThrow();
        return ResponseEntity.created(URI.create("/api/scheduling/v1/visits/" + visitId))
                .eTag(Versions.etag(stored.version()))
                .body(stored.visit());
    }

    @GetMapping("/{id}")
    @PreAuthorize(COORDINATORS + " or hasRole('case-manager') or " + CLINICIANS)
    @Operation(summary = "Read a visit with its booking history and EVV record")
    ResponseEntity<Visit> get(@PathVariable String id) {
        VisitRepository.Versioned stored = readable(id);
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.visit());
    }

    @GetMapping
    @PreAuthorize(COORDINATORS + " or hasRole('case-manager')")
    @Operation(summary = "Find visits", description = "Filter by status, patient, clinician and ordered dates; paged")
    PageResponse<Visit> list(
            @RequestParam(required = false) Visit.Status status,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String clinicianId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria.and("visit.status").is(status);
        }
        if (patientId != null) {
            criteria.and("visit.patientId").is(patientId);
        }
        if (clinicianId != null) {
            criteria.and("visit.booking.clinicianId").is(clinicianId);
        }
        if (to != null) {
            criteria.and("visit.earliest").lte(to);
        }
        if (from != null) {
            criteria.and("visit.latest").gte(from);
        }
        return PageResponse.of(
                visits.list(criteria, Paging.of(page, size).withSort(Sort.by("visit.earliest", "_id"))),
                Function.identity());
    }

    @PutMapping("/{id}/booking")
    @PreAuthorize(COORDINATORS)
    @Operation(
            summary = "Book or reschedule a visit",
            description = "If-Match required. Every hard rule is checked; a 422 rules-violated problem lists each "
                    + "broken rule and nothing is stored. A reschedule keeps the earlier booking in the history.")
    ResponseEntity<Visit> book(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody BookingRequest request) {
        if (ifMatch == null) {
            Versions.require(null, 0);
        }
        VisitRepository.Versioned booked = booking.book(
                id,
                Versions.expected(ifMatch),
                new VisitBooking.Request(
                        request.clinicianId(),
                        request.start(),
                        request.end(),
                        request.type(),
                        request.telehealthLink()),
                Caller.subject());
        return ResponseEntity.ok().eTag(Versions.etag(booked.version())).body(booked.visit());
    }

    @PostMapping("/{id}/check-in")
    @PreAuthorize(CLINICIANS)
    @Operation(
            summary = "EVV check-in by the assigned clinician",
            description = "Send the device's position; away from the home (or none) is recorded as an EVV exception")
    ResponseEntity<Visit> checkIn(@PathVariable String id, @Valid @RequestBody PositionRequest position) {
        var done = evv.checkIn(id, Caller.subject(), new VisitEvv.Position(position.latitude(), position.longitude()));
        return ResponseEntity.ok().eTag(Versions.etag(done.version())).body(done.visit());
    }

    @PostMapping("/{id}/check-out")
    @PreAuthorize(CLINICIANS)
    @Operation(summary = "EVV check-out by the assigned clinician; completes the visit")
    ResponseEntity<Visit> checkOut(@PathVariable String id, @Valid @RequestBody PositionRequest position) {
        var done = evv.checkOut(id, Caller.subject(), new VisitEvv.Position(position.latitude(), position.longitude()));
        return ResponseEntity.ok().eTag(Versions.etag(done.version())).body(done.visit());
    }

    @PostMapping("/{id}/missed")
    @PreAuthorize(COORDINATORS)
    @Operation(summary = "Record that a scheduled visit did not happen, with the reason")
    ResponseEntity<Visit> missed(@PathVariable String id, @Valid @RequestBody Missed request) {
        return change(id, v -> v.miss(request.reason().name(), Caller.subject(), clock.instant()));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize(COORDINATORS)
    @Operation(summary = "Cancel a visit that has not started, with the reason")
    ResponseEntity<Visit> cancel(@PathVariable String id, @Valid @RequestBody Cancellation request) {
        return change(id, v -> v.cancel(request.reason().name(), Caller.subject(), clock.instant()));
    }

    private ResponseEntity<Visit> change(
            String id, Function<Visit, org.hearth.platform.events.WithEvents<Visit>> transition) {
        VisitRepository.Versioned stored = visits.find(id).orElseThrow(() -> ApiException.notFound("Visit " + id));
        org.hearth.platform.events.WithEvents<Visit> next;
        try {
            next = transition.apply(stored.visit());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(capitalized(e.getMessage()));
        }
        if (!visits.update(next, stored.version())) {
            throw ApiException.conflict("The visit changed at the same time; try again");
        }
        return ResponseEntity.ok().eTag(Versions.etag(stored.version() + 1)).body(next.result());
    }

    /** Staff who see the patient, or the clinician booked for the visit. */
    private VisitRepository.Versioned readable(String id) {
        VisitRepository.Versioned stored = visits.find(id).orElseThrow(() -> ApiException.notFound("Visit " + id));
        try {
            if (access.sightOf(stored.visit().patientId()) == VisitAccess.Sight.FULL) {
                return stored;
            }
        } catch (ApiException notTheirPatient) {
            // fall through: the clinician booked for this visit may still read it
        }
        if (booking.isAssigned(stored.visit(), Caller.subject())) {
            return stored;
        }
        throw ApiException.notFound("Visit " + id);
    }

    private java.time.ZoneId bookingZone() {
        return booking.zone();
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
