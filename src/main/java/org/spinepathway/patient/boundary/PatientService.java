package org.spinepathway.patient.boundary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.spinepathway.patient.control.PatientRepository;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InputValidation;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * Patients as other features and the pages see them. Reading a patient checks that the caller may
 * see that patient (staff: any; a patient: only themselves) and writes a READ audit event.
 */
@ApplicationScoped
@Transactional
public class PatientService {

    /** The answer for a patient who does not exist and for one the caller may not see: the same words, no id. */
    public static final String NO_SUCH_PATIENT = "There is no such patient that you may see.";


    /** Nobody registering or registered is older than this. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    @Inject
    PatientRepository patients;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext securityContext;

    @Inject
    Validator validator;

    /** A patient registers themselves: a PATIENT account (username = email) and a patient record. */
    public Patient register(PatientRegistration registration) {
        NewPatient person = registration.person();
        List<FieldError> extra = new ArrayList<>(birthDateProblems("person.birthDate", person.birthDate()));
        if (person.email() == null || person.email().isBlank()) {
            extra.add(new FieldError("person.email", "Enter an email address: it will be your username."));
        }
        extra.addAll(accounts.passwordProblems("password", registration.password(), registration.passwordRepeated(), person.email()));
        InputValidation.require(validator, registration, extra);
        String displayName = person.givenName().strip() + " " + person.familyName().strip();
        UserAccount account = accounts.createAccount("person.email", person.email(), registration.password().toCharArray(),
                Role.PATIENT, displayName);
        Patient patient = patients.add(new Patient(patients.nextMrn(), person.givenName().strip(), person.familyName().strip(),
                person.birthDate(), person.sexValue(), UserAccount.normalizeUsername(person.email()), account.getId()));
        audit.record(AuditAction.CREATE, patient.getId(), "Patient", patient.getId(), "self-registration, MRN " + patient.getMrn());
        return patient;
    }

    /** Staff (or an import) enter a patient who has no login yet. */
    public Patient create(NewPatient input) {
        InputValidation.require(validator, input, birthDateProblems("birthDate", input.birthDate()));
        String email = input.email() == null || input.email().isBlank() ? null : input.email().strip();
        Patient patient = patients.add(new Patient(patients.nextMrn(), input.givenName().strip(), input.familyName().strip(),
                input.birthDate(), input.sexValue(), email, null));
        audit.record(AuditAction.CREATE, patient.getId(), "Patient", patient.getId(), "MRN " + patient.getMrn());
        return patient;
    }

    /**
     * The patient's chart header, if the caller may see it; reading it is audited. A patient asking
     * for anyone else gets the same answer as for an id that does not exist.
     */
    public Patient read(long patientId) {
        Patient patient = patients.find(patientId)
                .filter(this::callerMaySee)
                .orElseThrow(() -> new NotFoundException(NO_SUCH_PATIENT));
        audit.record(AuditAction.READ, patient.getId(), "Patient", patient.getId(), null);
        return patient;
    }

    /**
     * The patient, if the caller may see them (not audited: for features that check access before
     * reading records of their own, which they audit themselves).
     */
    public Patient requireAccess(long patientId) {
        return patients.find(patientId)
                .filter(this::callerMaySee)
                .orElseThrow(() -> new NotFoundException(NO_SUCH_PATIENT));
    }

    /** The signed-in patient's own record, not audited. */
    public Optional<Patient> signedInPatient() {
        return ownRecord();
    }

    /** The signed-in patient's own record; reading it is audited. */
    public Optional<Patient> readOwn() {
        Optional<Patient> own = ownRecord();
        own.ifPresent(p -> audit.record(AuditAction.READ, p.getId(), "Patient", p.getId(), "own record"));
        return own;
    }

    private Optional<Patient> ownRecord() {
        if (securityContext.getCallerPrincipal() == null) {
            return Optional.empty();
        }
        return accounts.findByUsername(securityContext.getCallerPrincipal().getName())
                .flatMap(account -> patients.findByAccount(account.getId()));
    }

    private boolean callerMaySee(Patient patient) {
        if (securityContext.isCallerInRole(Role.PHYSIO_NAME) || securityContext.isCallerInRole(Role.PHYSICIAN_NAME)
                || securityContext.isCallerInRole(Role.ADMIN_NAME)) {
            return true;
        }
        // The record's own account, compared by id: one look-up of the caller's account, not of their record too.
        return securityContext.isCallerInRole(Role.PATIENT_NAME) && patient.getAccountId() != null && !patient.isVoided()
                && accounts.findByUsername(securityContext.getCallerPrincipal().getName())
                        .map(account -> account.getId().equals(patient.getAccountId())).orElse(false);
    }

    private static List<FieldError> birthDateProblems(String field, LocalDate birthDate) {
        if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return List.of(new FieldError(field, "Enter a date of birth after 1 January 1900."));
        }
        return List.of();
    }
}
