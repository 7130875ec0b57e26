package org.hearth.patient.admission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.record.AdmitPatientRequest;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.patient.record.PatientView;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.platform.web.Versions;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Admit and read patients of the caller's agency. */
@RestController
@RequestMapping("/api/patients/v1/patients")
@Tag(name = "Patients")
class PatientController {

    static final String STAFF = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'social-worker','case-manager','billing')";
    /** A partner system reads back one patient by id, but cannot browse the agency's list. */
    static final String STAFF_OR_PARTNER = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist',"
            + "'aide','social-worker','case-manager','billing','partner','family')";

    private final PatientRepository patients;
    private final PatientAccess access;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    PatientController(
            PatientRepository patients,
            PatientAccess access,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.patients = patients;
        this.access = access;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Coordinators admit; so does the agency's own partner system (client credentials, bound to that agency),
     * which is how a referral source's EHR integration hands a patient over.
     */
    @PostMapping
    @PreAuthorize(
            "hasAnyRole('coordinator','agency-admin') or (hasRole('partner') and hasAuthority('SCOPE_hearth.referrals'))")
    @Operation(
            summary = "Admit a patient",
            description = "Publishes PatientAdmitted.v1 on hearth.patient.events. "
                    + "With Idempotency-Key, a retry of the same request answers the same patient (201, same Location) and "
                    + "admits nobody twice; the same key with another body is 422")
    ResponseEntity<PatientView> admit(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody AdmitPatientRequest request) {
        WithEvents<Patient> admitted;
        try {
            admitted = Patient.admit(
                    UUID.randomUUID().toString(),
                    request.givenName(),
                    request.familyName(),
                    request.birthDate(),
                    request.address().toAddress(),
                    request.phone(),
                    request.language(),
                    ClinicalProfile.none(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String id = idempotency
                .claim(
                        key,
                        Caller.subject(),
                        json.writeValueAsString(request),
                        admitted.result().id())
                .resourceId();
        if (!id.equals(admitted.result().id())) { // a retry: admit under the id the first attempt claimed
            admitted = Patient.admit(
                    id,
                    request.givenName(),
                    request.familyName(),
                    request.birthDate(),
                    request.address().toAddress(),
                    request.phone(),
                    request.language(),
                    ClinicalProfile.none(),
                    clock.instant());
        }
        patients.insertIfAbsent(admitted); // false when the first attempt stored it: answer what it stored
        Patient patient = patients.findById(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/patients/v1/patients/" + patient.id()))
                .body(PatientView.of(patient));
    }

    @GetMapping("/{patientId}")
    @PreAuthorize(STAFF_OR_PARTNER)
    @Operation(summary = "Read one patient", description = "Another agency's patient answers 404")
    ResponseEntity<PatientView> get(@PathVariable("patientId") String id) {
        PatientRepository.Versioned stored =
                patients.findVersioned(id).orElseThrow(() -> ApiException.notFound("Patient " + id));
        access.requireRelationship(id, Purpose.RECORD);
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(view(stored.patient()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','social-worker',"
            + "'case-manager','billing','family')")
    @Operation(
            summary = "List patients",
            description = "Coordinators see the whole agency, clinicians their care teams' patients, family their "
                    + "care circles'. Sorted by family name; page from 0, size 1-200 (default 50)")
    PageResponse<PatientView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(
                patients.findAll(
                        access.listable(),
                        Paging.of(page, size).withSort(Sort.by("patient.familyName", "patient.givenName", "_id"))),
                PatientController::view);
    }

    /** Family read the record without its clinical part, whatever their consent scopes (issue 9, T2). */
    private static PatientView view(Patient patient) {
        PatientView full = PatientView.of(patient);
        return Caller.hasRole("family") ? full.forFamily() : full;
    }
}
