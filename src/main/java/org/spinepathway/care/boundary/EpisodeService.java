package org.spinepathway.care.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.control.EmergencyAccesses;
import org.spinepathway.care.control.EpisodeRepository;
import org.spinepathway.care.entity.EmergencyAccess;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.control.StorableText;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/** Episodes of care: opened for a patient, read with the patient's access rules, moved through their states. */
@ApplicationScoped
@Transactional
public class EpisodeService {

    /** The answer for an episode that does not exist and for one the caller may not see: the same words, no id. */
    public static final String NO_SUCH_EPISODE = "There is no such episode that you may see.";

    @Inject
    Acting acting;

    @Inject
    EpisodeRepository episodes;

    @Inject
    PatientService patients;

    @Inject
    AuditLog audit;

    @Inject
    AccountService accounts;

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    @Inject
    EmergencyAccesses emergencyAccesses;

    /** How long an emergency access lasts. */
    @Inject
    @ConfigProperty(name = "clinic.security.emergency-access-hours")
    int emergencyAccessHours;

    /** The answer to a physiotherapist changing an episode in another's care without emergency access. */
    public static final String NOT_IN_YOUR_CARE = "This episode is in the care of another physiotherapist. To change it in an"
            + " emergency, open emergency access to it with your reason first; the access is recorded and the administrator reviews it.";

    /** Staff open an episode for a patient. */
    public EpisodeOfCare open(long patientId, SpineRegion region, Side side) {
        Patient patient = patients.requireAccess(patientId);
        return add(patient, region, side);
    }

    /** A signed-in patient opens an episode for a new complaint, by starting its intake. */
    public EpisodeOfCare openForSignedInPatient(SpineRegion region, Side side) {
        Patient patient = patients.signedInPatient()
                .orElseThrow(() -> InvalidInputException.of(null, "There is no patient record for this account; please contact your clinic."));
        return add(patient, region, side);
    }

    private EpisodeOfCare add(Patient patient, SpineRegion region, Side side) {
        EpisodeOfCare episode = episodes.add(new EpisodeOfCare(patient.getId(), region, side, LocalDate.now(clock)));
        audit.record(AuditAction.CREATE, patient.getId(), "EpisodeOfCare", episode.getId(),
                ClinicWords.of("region", region) + ", " + ClinicWords.of("intake.side", side).toLowerCase());
        return episode;
    }

    /**
     * A physiotherapist takes a submitted intake into care: assigns the physiotherapist and the
     * physician, and freezes the intake's pain and ODI/NDI as the baseline.
     */
    public EpisodeOfCare openForCare(long episodeId, Long physioId, Long physicianId) {
        UserAccount[] team = team(physioId, physicianId);
        EpisodeOfCare episode = requireForChange(episodeId);
        if (episode.isOpenedForCare()) {
            throw new ConflictException(null, "This episode was opened for care already, by " + episode.getCareOpenedBy()
                    + " on " + episode.getCareOpenedAt().atZoneSameInstant(clock.getZone()).toLocalDate() + ".");
        }
        EpisodeOfCare.Baseline baseline = episodes.baselineFromIntake(episodeId)
                .orElseThrow(() -> new ConflictException(null, "The patient has not submitted the intake of this episode yet."));
        episode.openForCare(physioId, physicianId, baseline, caller(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.record(AuditAction.UPDATE, episode.getPatientId(), "EpisodeOfCare", episode.getId(),
                "opened for care: physiotherapist " + team[0].getUsername() + ", physician " + team[1].getUsername()
                        + ", baseline pain " + baseline.nrs() + ", " + baseline.instrument() + " " + baseline.disability());
        return episode;
    }

    /**
     * A plan written before anyone opened the episode (through the API, or for an episode without
     * an intake) opens it on the way: the writer becomes its physiotherapist; the physician is
     * assigned later.
     */
    void openByPlanWriter(EpisodeOfCare episode) {
        if (episode.isOpenedForCare()) {
            return;
        }
        UserAccount writer = accounts.findByUsername(caller()).orElseThrow();
        // Without an intake (a paper referral, say) the baseline is the earliest assessment, as the rules define it.
        EpisodeOfCare.Baseline baseline = episodes.baselineFromIntake(episode.getId())
                .orElse(new EpisodeOfCare.Baseline(null, null, null, null));
        episode.openForCare(writer.getId(), episode.getPhysicianId(), baseline, caller(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.record(AuditAction.UPDATE, episode.getPatientId(), "EpisodeOfCare", episode.getId(),
                "opened for care with its plan: physiotherapist " + writer.getUsername() + ", baseline pain " + baseline.nrs()
                        + ", " + baseline.instrument() + " " + baseline.disability());
    }

    /** Hands the episode to another physiotherapist or physician. */
    public EpisodeOfCare assign(long episodeId, Long physioId, Long physicianId) {
        UserAccount[] team = team(physioId, physicianId);
        EpisodeOfCare episode = requireForChange(episodeId);
        if (!physioId.equals(episode.getPhysioId()) || !physicianId.equals(episode.getPhysicianId())) {
            episode.assign(physioId, physicianId);
            audit.record(AuditAction.UPDATE, episode.getPatientId(), "EpisodeOfCare", episode.getId(),
                    "assigned: physiotherapist " + team[0].getUsername() + ", physician " + team[1].getUsername());
        }
        return episode;
    }

    /** The chosen physiotherapist and physician, both active in their roles; a physiotherapist chooses them. */
    private UserAccount[] team(Long physioId, Long physicianId) {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME)) {
            throw new NotAllowedException("A physiotherapist opens the episode for care and assigns it.");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<UserAccount> physio = colleague(physioId, Role.PHYSIO, "physioId", "physiotherapist", errors);
        Optional<UserAccount> physician = colleague(physicianId, Role.PHYSICIAN, "physicianId", "physician", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new UserAccount[] {physio.get(), physician.get()};
    }

    private Optional<UserAccount> colleague(Long id, Role role, String field, String what, List<FieldError> errors) {
        if (id == null) {
            errors.add(new FieldError(field, "Choose the " + what + "."));
            return Optional.empty();
        }
        Optional<UserAccount> account = accounts.find(id).filter(a -> a.getRole() == role && a.isEnabled());
        if (account.isEmpty()) {
            errors.add(new FieldError(field, "Choose a " + what + " from the list; account " + id + " is not an active " + what + "."));
        }
        return account;
    }

    private String caller() {
        return acting.name();
    }

    /** The episode if the caller may see its patient; otherwise the same 404 as for an unknown id. */
    public EpisodeOfCare require(long episodeId) {
        EpisodeOfCare episode = episodes.find(episodeId).orElseThrow(() -> notFound(episodeId));
        requireAccess(episode);
        return episode;
    }

    /** As {@link #require}, and locked until the transaction ends: changes to one episode go one at a time. */
    public EpisodeOfCare requireForUpdate(long episodeId) {
        EpisodeOfCare episode = episodes.findForUpdate(episodeId).orElseThrow(() -> notFound(episodeId));
        requireAccess(episode);
        return episode;
    }

    /**
     * As {@link #requireForUpdate}, for a change by staff: a physiotherapist changes only the episodes
     * in their care (the episode's physiotherapist, or any while none is assigned), or one they have
     * opened emergency access to.
     *
     * @throws NotAllowedException for another physiotherapist's episode (403 on the API)
     */
    public EpisodeOfCare requireForChange(long episodeId) {
        EpisodeOfCare episode = requireForUpdate(episodeId);
        if (!mayChange(episode)) {
            throw new NotAllowedException(NOT_IN_YOUR_CARE);
        }
        return episode;
    }

    /** Whether the caller may change the episode as far as its care team goes (a role's own limits aside). */
    public boolean mayChange(EpisodeOfCare episode) {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME) || episode.getPhysioId() == null) {
            return true;
        }
        return isInCallersCare(episode) || emergencyAccesses.isOpen(episode.getId(), caller(), clock.instant());
    }

    /** Whether the episode's physiotherapist is the caller. */
    public boolean isInCallersCare(EpisodeOfCare episode) {
        return episode.getPhysioId() != null
                && accounts.findByUsername(caller()).map(a -> a.getId().equals(episode.getPhysioId())).orElse(false);
    }

    /**
     * "Break-glass": a physiotherapist opens emergency access to an episode in another's care, with
     * the reason, for {@code clinic.security.emergency-access-hours}. Audited; the administrator lists them.
     */
    public EmergencyAccess openEmergencyAccess(long episodeId, String reason) {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME)) {
            throw new NotAllowedException("Emergency access is for physiotherapists changing an episode in another's care.");
        }
        String why = reason == null ? "" : reason.strip();
        // Counted in characters, as the database's CHECK counts them (an emoji is one, not two).
        int length = why.codePointCount(0, why.length());
        if (length < 10) {
            throw InvalidInputException.of("reason", "Say why you must change this episode now (at least 10 characters).");
        }
        if (length > 1000) {
            throw InvalidInputException.of("reason", "Please keep the reason to 1000 characters or fewer.");
        }
        if (!StorableText.isStorable(why)) {
            throw InvalidInputException.of("reason", StorableText.MESSAGE);
        }
        EpisodeOfCare episode = requireForUpdate(episodeId);
        if (isInCallersCare(episode) || episode.getPhysioId() == null) {
            throw new ConflictException(null, "This episode is in your care already: you can change it without emergency access.");
        }
        Instant now = clock.instant();
        EmergencyAccess access = emergencyAccesses.open(new EmergencyAccess(episode.getId(), episode.getPatientId(), caller(), why,
                now, now.plus(Duration.ofHours(emergencyAccessHours))));
        audit.record(AuditAction.UPDATE, episode.getPatientId(), "EpisodeOfCare", episode.getId(), "emergency access opened by "
                + caller() + " for " + emergencyAccessHours + " hours (the episode is in another physiotherapist's care): " + why);
        return access;
    }

    /** How many emergency accesses were ever opened (the administrator's list). */
    public long emergencyAccessCount() {
        requireAdministrator();
        return emergencyAccesses.count();
    }

    /** A page of the emergency accesses, newest first, for the administrator to review; the read is audited. */
    public List<EmergencyAccesses.Row> emergencyAccessPage(int first, int max) {
        requireAdministrator();
        List<EmergencyAccesses.Row> page = emergencyAccesses.page(first, max);
        audit.recordListRead("EmergencyAccessList", first, page.size(), null);
        return page;
    }

    private void requireAdministrator() {
        if (!securityContext.isCallerInRole(Role.ADMIN_NAME)) {
            throw new NotAllowedException("The list of emergency accesses is the administrator's.");
        }
    }

    public int getEmergencyAccessHours() {
        return emergencyAccessHours;
    }

    public List<EpisodeOfCare> ofSignedInPatient() {
        return patients.signedInPatient().map(p -> episodes.ofPatient(p.getId())).orElse(List.of());
    }

    /** An open REVIEW or URGENT flag puts the episode under a physician's review. */
    public void putUnderReview(long episodeId) {
        episodes.find(episodeId).ifPresent(EpisodeOfCare::putUnderReview);
    }

    /** Another patient's episode reads as one that does not exist: the answer names no patient id. */
    private void requireAccess(EpisodeOfCare episode) {
        try {
            patients.requireAccess(episode.getPatientId());
        } catch (NotFoundException notYours) {
            throw notFound(episode.getId());
        }
    }

    private static NotFoundException notFound(long episodeId) {
        return new NotFoundException(NO_SUCH_EPISODE);
    }
}
