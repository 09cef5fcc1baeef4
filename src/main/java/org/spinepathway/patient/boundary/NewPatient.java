package org.spinepathway.patient.boundary;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.spinepathway.patient.entity.Sex;

/**
 * A patient as staff or an import enter it ({@code POST /api/v1/patients}). {@code phone} and
 * {@code emergencyContact} are optional (a patient registering must give a phone); numbers are
 * checked by the service and stored in E.164 form.
 */
public record NewPatient(
        @NotBlank(message = "{patient.givenName.required}")
        @Size(max = 100, message = "{patient.name.tooLong}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{text.noControlCharacters}")
        String givenName,

        @NotBlank(message = "{patient.familyName.required}")
        @Size(max = 100, message = "{patient.name.tooLong}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{text.noControlCharacters}")
        String familyName,

        @NotNull(message = "{patient.birthDate.required}")
        @Past(message = "{patient.birthDate.past}")
        LocalDate birthDate,

        @NotNull(message = "{patient.sex.required}")
        @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN", message = "{patient.sex.required}")
        String sex,

        @Size(max = 254, message = "{patient.email.tooLong}")
        @Email(message = "{patient.email.invalid}")
        String email,

        String phone,

        EmergencyContact emergencyContact) {

    /** The sex, once the input has been validated. */
    public Sex sexValue() {
        return Sex.valueOf(sex);
    }

    public ContactDetails contactDetails() {
        return new ContactDetails(phone, emergencyContact);
    }
}
