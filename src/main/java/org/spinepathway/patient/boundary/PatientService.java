package org.spinepathway.patient.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.patient.control.ContactCheck;
import org.spinepathway.patient.control.ContactCheck.Audience;
import org.spinepathway.patient.control.PatientRepository;
import org.spinepathway.patient.control.PhoneNumbers;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InputValidation;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.boundary.EmailConfirmation;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * Patients as other features and the pages see them. Reading a patient checks that the caller may
 * see that patient (staff: any; a patient: only themselves) and writes a READ audit event. How to
 * reach a patient (their phone, an emergency contact) is checked with libphonenumber and stored in
 * E.164 form; a patient registering gives a phone, and changes only their own details.
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
    EmailConfirmation emailConfirmation;

    @Inject
    SecurityContext securityContext;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    /** The country of numbers written without a country code (ISO 3166, such as GB). */
    @Inject
    @ConfigProperty(name = "clinic.phone.default-region")
    String defaultPhoneRegion;

    private ContactCheck contactCheck;

    @PostConstruct
    void phoneNumbers() {
        // An unknown region stops the deployment here rather than refusing every number later.
        contactCheck = new ContactCheck(new PhoneNumbers(defaultPhoneRegion));
    }

    /**
     * A patient registers themselves: a PATIENT account (username = email) and a patient record, and
     * an e-mail with the link that confirms the address. An address that already has an account
     * changes nothing: its holder is told by e-mail. The caller cannot tell the two apart (nothing is
     * returned, and both hash the password), so registration does not reveal who is registered.
     */
    public void register(PatientRegistration registration) {
        NewPatient person = registration.person();
        List<FieldError> extra = new ArrayList<>(birthDateProblems("person.birthDate", person.birthDate()));
        if (person.email() == null || person.email().isBlank()) {
            extra.add(new FieldError("person.email", "Enter an email address: it will be your username."));
        }
        ContactCheck.Checked contact = check(Audience.PATIENT, "person.", true, person.contactDetails());
        extra.addAll(contact.errors());
        extra.addAll(accounts.passwordProblems("password", registration.password(), registration.passwordRepeated(), person.email()));
        InputValidation.require(validator, registration, extra);
        if (accounts.usernameTaken(person.email())) {
            accounts.spendPasswordWork(registration.password().toCharArray());
            emailConfirmation.tellAlreadyRegistered(UserAccount.normalizeUsername(person.email()));
            return;
        }
        String displayName = person.givenName().strip() + " " + person.familyName().strip();
        UserAccount account = accounts.createAccount("person.email", person.email(), registration.password().toCharArray(),
                Role.PATIENT, displayName);
        Patient patient = new Patient(patients.nextMrn(), person.givenName().strip(), person.familyName().strip(),
                person.birthDate(), person.sexValue(), UserAccount.normalizeUsername(person.email()), account.getId());
        patient.changeContactDetails(contact.phone(), contact.emergencyContactName(), contact.emergencyContactPhone());
        patients.add(patient);
        audit.record(AuditAction.CREATE, patient.getId(), "Patient", patient.getId(), "self-registration, MRN " + patient.getMrn());
        emailConfirmation.sendLink(account);
    }

    /** Staff (or an import) enter a patient who has no login yet. */
    public Patient create(NewPatient input) {
        List<FieldError> extra = new ArrayList<>(birthDateProblems("birthDate", input.birthDate()));
        ContactCheck.Checked contact = check(Audience.STAFF, "", false, input.contactDetails());
        extra.addAll(contact.errors());
        InputValidation.require(validator, input, extra);
        String email = input.email() == null || input.email().isBlank() ? null : input.email().strip();
        Patient patient = new Patient(patients.nextMrn(), input.givenName().strip(), input.familyName().strip(),
                input.birthDate(), input.sexValue(), email, null);
        patient.changeContactDetails(contact.phone(), contact.emergencyContactName(), contact.emergencyContactPhone());
        patients.add(patient);
        audit.record(AuditAction.CREATE, patient.getId(), "Patient", patient.getId(), "MRN " + patient.getMrn());
        return patient;
    }

    /**
     * The signed-in patient changes how the clinic reaches them: a phone is required, the emergency
     * contact optional. {@code expectedVersion} is the version of the record they were shown.
     */
    public Patient updateOwnContactDetails(int expectedVersion, ContactDetails details) {
        Patient patient = ownRecord().orElseThrow(() -> new NotAllowedException(words().getString("patientHome.noRecord")));
        return changeContactDetails(patient, expectedVersion, Audience.PATIENT, details);
    }

    /**
     * Staff change how the clinic reaches a patient (a number given on the phone, a new emergency
     * contact); the phone may be cleared. {@code expectedVersion} is the version they were shown.
     */
    public Patient updateContactDetails(long patientId, int expectedVersion, ContactDetails details) {
        if (!isStaff()) {
            throw new NotAllowedException(words().getString("contactDetails.staffOnly"));
        }
        Patient patient = patients.find(patientId)
                .orElseThrow(() -> new NotFoundException("There is no patient " + patientId + " that you may see."));
        return changeContactDetails(patient, expectedVersion, Audience.STAFF, details);
    }

    private Patient changeContactDetails(Patient patient, int expectedVersion, Audience audience, ContactDetails details) {
        if (patient.getVersion() != expectedVersion) {
            throw stale(audience, patient.getUpdatedBy(), patient.getUpdatedAt());
        }
        ContactCheck.Checked checked = check(audience, "", audience == Audience.PATIENT, details);
        if (!checked.errors().isEmpty()) {
            throw new InvalidInputException(checked.errors());
        }
        List<String> changes = new ArrayList<>();
        change(changes, "phone", patient.getPhone(), checked.phone());
        change(changes, "emergency contact name", patient.getEmergencyContactName(), checked.emergencyContactName());
        change(changes, "emergency contact phone", patient.getEmergencyContactPhone(), checked.emergencyContactPhone());
        if (patient.changeContactDetails(checked.phone(), checked.emergencyContactName(), checked.emergencyContactPhone())) {
            try {
                patients.flush();
            } catch (OptimisticLockException raced) {
                // Someone saved between our read and our write: theirs stands, nothing of this is stored.
                throw stale(audience, "someone else", null);
            }
            audit.record(AuditAction.UPDATE, patient.getId(), "Patient", patient.getId(),
                    "contact details" + (audience == Audience.PATIENT ? " (by the patient)" : "") + ": " + String.join("; ", changes));
        }
        return patient;
    }

    private ContactCheck.Checked check(Audience audience, String prefix, boolean phoneRequired, ContactDetails details) {
        return contactCheck.check(audience, prefix, phoneRequired, details.phone(), details.contactName(), details.contactPhone());
    }

    private static void change(List<String> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after));
        }
    }

    private ConflictException stale(Audience audience, String changedBy, OffsetDateTime changedAt) {
        String at = changedAt == null ? "just now" : "at " + changedAt.atZoneSameInstant(clock.getZone()).toLocalDateTime()
                .withSecond(0).withNano(0).toString().replace('T', ' ');
        return new ConflictException("version", words().getString("contactDetails.changed." + audience.key())
                .replace("{0}", changedBy == null ? "someone else" : changedBy).replace("{1}", at));
    }

    private static ResourceBundle words() {
        return ResourceBundle.getBundle("org.spinepathway.platform.web.messages", Locale.ENGLISH);
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

    /**
     * The signed-in patient stops their follow-up e-mails (invitations and reminders), or starts them
     * again; their care and their check-ins on the portal go on either way. Audited; returns the record.
     */
    public Patient setOwnFollowUpEmails(boolean wanted) {
        Patient patient = ownRecord().orElseThrow(() -> new NotAllowedException(words().getString("patientHome.noRecord")));
        int changed = patients.setFollowUpEmails(patient, wanted);
        if (changed > 0) {
            audit.record(AuditAction.UPDATE, patient.getId(), "Patient", patient.getId(),
                    wanted ? "follow-up e-mails started again by the patient" : "follow-up e-mails stopped by the patient");
        }
        return patient;
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

    private boolean isStaff() {
        return securityContext.isCallerInRole(Role.PHYSIO_NAME) || securityContext.isCallerInRole(Role.PHYSICIAN_NAME)
                || securityContext.isCallerInRole(Role.ADMIN_NAME);
    }

    private boolean callerMaySee(Patient patient) {
        if (isStaff()) {
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
