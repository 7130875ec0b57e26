package org.hearth.scheduling.clinicians;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.platform.web.Versions;
import org.hearth.scheduling.clinicians.Clinician.TimeOff;
import org.hearth.scheduling.clinicians.Clinician.WorkingHours;
import org.hearth.scheduling.geo.GeoPoint;
import org.springframework.data.domain.Sort;
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

/** The agency's clinician roster; coordinators and admins maintain it, clinicians read it. */
@RestController
@RequestMapping("/api/scheduling/v1/clinicians")
@Tag(name = "Clinicians")
class ClinicianController {

    static final String MAINTAINERS = "hasAnyRole('agency-admin','coordinator')";

    private final ClinicianRepository clinicians;

    private final IdempotencyKeys idempotency;
    private final JsonMapper json;

    ClinicianController(ClinicianRepository clinicians, IdempotencyKeys idempotency, JsonMapper json) {
        this.clinicians = clinicians;
        this.idempotency = idempotency;
        this.json = json;
    }

    record ClinicianRequest(
            @Size(max = 100) String subject,
            @NotBlank @Size(max = 200) String name,
            @NotNull Clinician.Discipline discipline,

            @NotNull @Size(max = 30)
            Set<
                            @NotBlank
                            @Pattern(
                                    regexp = "[a-z0-9-]{2,40}",
                                    message = "must be a lower-case skill code such as wound-care")
                            String>
                    skills,

            @NotNull @Size(max = 20) List<@Valid @NotNull Certification> certifications,
            @NotNull @Valid Base homeBase,
            @NotNull @Size(min = 1, max = 7) List<@Valid @NotNull WorkingHours> hours,
            @Min(1) @Max(12) int maxVisitsPerDay,
            @NotNull @Size(max = 50) List<@Valid @NotNull TimeOff> timeOff,
            boolean active,

            @Size(max = 10)
            Set<
                            @NotBlank
                            @Pattern(
                                    regexp = "[a-z]{2,3}(-[A-Z]{2})?",
                                    message = "must be a language tag such as en or es-MX")
                            String>
                    languages) {}

    record Certification(
            @NotBlank @Size(max = 100) String name, @NotNull java.time.LocalDate expiresOn) {}

    record Base(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    @PostMapping
    @PreAuthorize(MAINTAINERS)
    @Operation(
            summary = "Add a clinician to the roster",
            description = "With Idempotency-Key, a retry of the same "
                    + "request answers the same clinician and adds nobody twice; the same key with another body is 422")
    ResponseEntity<Clinician> add(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody ClinicianRequest request) {
        toClinician(UUID.randomUUID().toString(), request); // refuse an invalid request before claiming its key
        ClinicianRepository.Versioned stored = idempotency
                .createOnce(key, Caller.subject(), json.writeValueAsString(request), clinicians::find, id -> {
                    clinicians.insert(toClinician(id, request));
                    return clinicians.find(id).orElseThrow();
                })
                .resource();
        return ResponseEntity.created(URI.create(
                        "/api/scheduling/v1/clinicians/" + stored.clinician().id()))
                .eTag(Versions.etag(stored.version()))
                .body(stored.clinician());
    }

    @GetMapping
    @PreAuthorize(MAINTAINERS + " or hasAnyRole('physician','nurse','therapist','aide')")
    @Operation(summary = "The roster, by name", description = "Filter by discipline; paged (max 200)")
    PageResponse<Clinician> list(
            @RequestParam(required = false) Clinician.Discipline discipline,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(
                clinicians.list(discipline, Paging.of(page, size).withSort(Sort.by("clinician.name", "_id"))), c -> c);
    }

    @GetMapping("/{id}")
    @PreAuthorize(MAINTAINERS + " or hasAnyRole('physician','nurse','therapist','aide')")
    ResponseEntity<Clinician> get(@PathVariable String id) {
        ClinicianRepository.Versioned stored =
                clinicians.find(id).orElseThrow(() -> ApiException.notFound("Clinician " + id));
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.clinician());
    }

    @PutMapping("/{id}")
    @PreAuthorize(MAINTAINERS)
    @Operation(summary = "Replace a clinician's details", description = "If-Match required (428/412)")
    ResponseEntity<Clinician> replace(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ClinicianRequest request) {
        ClinicianRepository.Versioned stored =
                clinicians.find(id).orElseThrow(() -> ApiException.notFound("Clinician " + id));
        Versions.require(ifMatch, stored.version());
        Clinician clinician = toClinician(id, request);
        if (!clinicians.update(clinician, stored.version())) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(stored.version() + 1)).body(clinician);
    }

    private static Clinician toClinician(String id, ClinicianRequest r) {
        try {
            return new Clinician(
                    id,
                    r.subject(),
                    r.name().strip(),
                    r.discipline(),
                    r.skills(),
                    r.certifications().stream()
                            .map(c -> new Clinician.Certification(c.name().strip(), c.expiresOn()))
                            .toList(),
                    new GeoPoint(r.homeBase().latitude(), r.homeBase().longitude()),
                    r.hours(),
                    r.maxVisitsPerDay(),
                    r.timeOff(),
                    r.active(),
                    r.languages());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(FieldError.fromRuleMessage(e.getMessage())));
        }
    }
}
