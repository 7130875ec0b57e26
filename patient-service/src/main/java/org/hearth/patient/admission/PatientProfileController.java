package org.hearth.patient.admission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.patient.record.DischargeReason;
import org.hearth.patient.record.HoldReason;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.patient.record.PatientView;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clinical profile (homebound status, ICD-10 diagnoses, allergies), holds and the end of care; all with If-Match. */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}")
@Tag(name = "Patients")
class PatientProfileController {

    private final PatientRepository patients;
    private final PatientAccess access;
    private final Clock clock;

    PatientProfileController(PatientRepository patients, PatientAccess access, Clock clock) {
        this.patients = patients;
        this.access = access;
        this.clock = clock;
    }

    record HomeboundRequest(
            boolean homebound, @Size(max = 500) String reason) {}

    record DiagnosisRequest(
            @NotBlank @Size(max = 8) String code,
            @NotBlank @Size(max = 200) String description,
            boolean primary) {}

    record AllergyRequest(
            @NotBlank @Size(max = 100) String substance,
            @Size(max = 200) String reaction,
            @NotNull ClinicalProfile.AllergySeverity severity) {}

    record ClinicalProfileRequest(
            @NotNull @Valid HomeboundRequest homebound,
            @NotNull @Size(max = 25) List<@Valid @NotNull DiagnosisRequest> diagnoses,
            @NotNull @Size(max = 50) List<@Valid @NotNull AllergyRequest> allergies) {}

    record DischargeRequest(
            @NotNull LocalDate dischargedOn,
            @NotNull DischargeReason reason,
            @Size(max = 1000) String note) {}

    @PutMapping("/clinical-profile")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse')")
    @Operation(
            summary = "Replace the clinical profile",
            description = "Diagnoses in ICD-10-CM (e.g. I50.9), at most "
                    + "one primary; homebound needs a reason. If-Match required")
    ResponseEntity<PatientView> profile(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ClinicalProfileRequest request) {
        return change(
                patientId,
                ifMatch,
                patient -> WithEvents.of(patient.withClinicalProfile(new ClinicalProfile(
                        new ClinicalProfile.Homebound(
                                request.homebound().homebound(),
                                request.homebound().reason()),
                        request.diagnoses().stream()
                                .map(d -> new ClinicalProfile.Diagnosis(
                                        d.code(), d.description().strip(), d.primary()))
                                .toList(),
                        request.allergies().stream()
                                .map(a -> new ClinicalProfile.Allergy(
                                        a.substance().strip(), a.reaction(), a.severity()))
                                .toList()))));
    }

    @PostMapping("/discharge")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Discharge the patient",
            description = "Publishes PatientDischarged.v1 (reason as a code, "
                    + "the note stays here); 409 if already discharged. If-Match required")
    ResponseEntity<PatientView> discharge(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DischargeRequest request) {
        return change(
                patientId,
                ifMatch,
                patient ->
                        patient.discharge(request.dischargedOn(), request.reason(), request.note(), clock.instant()));
    }

    record HoldRequest(@NotNull HoldReason reason) {}

    @PostMapping("/hold")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Put care on hold",
            description = "Publishes PatientStatusChanged.v1 (ON_HOLD); 409 unless " + "ACTIVE. If-Match required")
    ResponseEntity<PatientView> hold(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody HoldRequest request) {
        return change(patientId, ifMatch, patient -> patient.hold(request.reason(), clock.instant()));
    }

    @PostMapping("/resumption")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Resume care after a hold",
            description = "Publishes PatientStatusChanged.v1 (ACTIVE); 409 " + "unless ON_HOLD. If-Match required")
    ResponseEntity<PatientView> resume(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(patientId, ifMatch, patient -> patient.resume(clock.instant()));
    }

    private ResponseEntity<PatientView> change(
            String patientId, String ifMatch, Function<Patient, WithEvents<Patient>> change) {
        PatientRepository.Versioned stored =
                patients.findVersioned(patientId).orElseThrow(() -> ApiException.notFound("Patient " + patientId));
        access.requireRelationship(patientId, Purpose.CLINICAL);
        Versions.require(ifMatch, stored.version());
        WithEvents<Patient> changed;
        try {
            changed = change.apply(stored.patient());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(FieldError.fromRuleMessage(e.getMessage())));
        }
        if (!patients.update(changed, stored.version())) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(stored.version() + 1)).body(PatientView.of(changed.result()));
    }
}
