package org.spinepathway.patient.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * What a patient gives to register themselves: the same person details staff would enter, with an
 * email that is required here because it becomes their username, and a password.
 */
public record PatientRegistration(
        @NotNull @Valid NewPatient person,
        String password,
        String passwordRepeated) {

    @Override
    public String toString() {
        // Never let a password reach a log through toString.
        return "PatientRegistration[" + (person == null ? null : person.email()) + "]";
    }
}
