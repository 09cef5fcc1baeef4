package org.spinepathway.patient.boundary;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.spinepathway.patient.entity.Sex;

/** What a patient gives to register themselves; the email becomes their username. */
public record PatientRegistration(
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

        @NotBlank(message = "{patient.email.required}")
        @Size(max = 254, message = "{patient.email.tooLong}")
        @Email(message = "{patient.email.invalid}")
        String email,

        String password,
        String passwordRepeated) {

    /** The sex, once the input has been validated. */
    public Sex sexValue() {
        return Sex.valueOf(sex);
    }

    @Override
    public String toString() {
        // Never let a password reach a log through toString.
        return "PatientRegistration[" + email + "]";
    }
}
