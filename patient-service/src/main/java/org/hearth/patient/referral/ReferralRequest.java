package org.hearth.patient.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hearth.patient.careplan.Discipline;
import org.hearth.patient.record.AdmitPatientRequest;
import org.hearth.patient.transitions.TransitionOfCare;

/** What a referrer sends. Unknown fields are refused (platform default). */
record ReferralRequest(
        @NotNull ReferralSource source,
        @NotNull @Valid Physician referringPhysician,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Size(min = 1, max = 25) List<@Valid @NotNull Diagnosis> diagnoses,
        @NotNull @Size(min = 1, max = 7) List<@NotNull Discipline> requestedDisciplines,
        LocalDate dischargeDate,
        TransitionOfCare.Complexity complexity,
        @NotNull @Valid Person patient) {

    record Physician(
            @NotBlank @Size(max = 200) String name,

            @NotBlank @Pattern(regexp = "[0-9]{10}", message = "must be a 10-digit NPI")
            String npi) {}

    record Diagnosis(
            @NotBlank @Size(max = 8) String code,
            @NotBlank @Size(max = 200) String description,
            boolean primary) {}

    record Person(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate birthDate,
            @NotNull @Valid AdmitPatientRequest.AddressRequest address,

            @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number")
            String phone,

            @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en or es-MX")
            String language) {}
}
