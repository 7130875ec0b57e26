package org.hearth.patient.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a coordinator sends to admit a patient. Unknown fields are refused (platform default). */
public record AdmitPatientRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Past LocalDate birthDate,
        @NotNull @Valid AddressRequest address,

        @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number")
        String phone,

        @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en or es-MX")
        String language) {

    /** The home address; coordinates are optional but scheduling cannot route without them. */
    public record AddressRequest(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 50) String state,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9 -]{3,10}", message = "must be a postal code")
            String postalCode,

            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        public Address toAddress() {
            return new Address(line1, line2, city, state, postalCode, latitude, longitude);
        }
    }
}
