package org.spinepathway.intake.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.EpisodeState;
import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.escalation.boundary.EscalationService;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.intake.control.DisabilityScore;
import org.spinepathway.intake.control.IntakeCheck;
import org.spinepathway.intake.control.IntakeQueue;
import org.spinepathway.intake.control.IntakeRepository;
import org.spinepathway.intake.control.QueueRow;
import org.spinepathway.intake.control.StartBackScore;
import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.intake.entity.IntakeStatus;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InputValidation;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;

/**
 * The intake's life: a patient starts it (which opens the episode), saves each step as a draft,
 * and submits once; submission scores the answers and raises the RED_FLAG flag in the same
 * transaction. A submitted intake is read-only: a correction is a new version that supersedes it.
 * Every operation locks the episode row first, so a double click or a replayed request finds the
 * intake already submitted and creates nothing.
 */
@ApplicationScoped
@Transactional
public class IntakeService {

    /** The answer for an intake that does not exist and for one the caller may not see: the same words, no id. */
    public static final String NO_SUCH_INTAKE = "There is no such submitted intake that you may see.";

    @Inject
    Acting acting;

    @Inject
    IntakeRepository intakes;

    @Inject
    EpisodeService episodes;

    @Inject
    EscalationService escalation;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    private final Jsonb jsonb = JsonbBuilder.create();

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // Shutting down: nothing to recover.
        }
    }

    /** The intake a patient is working on (its draft), else its current submission; empty if it has neither. */
    public Optional<IntakeView> open(long episodeId) {
        EpisodeOfCare episode = episodes.require(episodeId);
        Optional<Intake> intake = intakes.findByStatus(episodeId, IntakeStatus.DRAFT)
                .or(() -> intakes.findByStatus(episodeId, IntakeStatus.SUBMITTED));
        return intake.map(i -> new IntakeView(episode, i, answersOf(i)));
    }

    /** A signed-in patient starts an intake with the answers of step 1: the episode is opened, the draft saved. */
    public long start(IntakeAnswers answers) {
        check(answers, 1, true);
        EpisodeOfCare episode = episodes.openForSignedInPatient(region(answers.getMainArea()), Side.valueOf(answers.getSide()));
        Intake draft = intakes.add(new Intake(episode.getId(), 1, null));
        draft.saveDraft(json(answers), 2);
        audit.record(AuditAction.CREATE, episode.getPatientId(), "Intake", draft.getId(), "draft started");
        return episode.getId();
    }

    /**
     * Saves the draft as it stands on {@code step}; when {@code advancing}, the step's required
     * questions must be answered and the patient resumes on the next step.
     */
    public void saveDraft(long episodeId, IntakeAnswers answers, int step, boolean advancing) {
        check(answers, step, advancing);
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        Intake draft = intakes.findByStatus(episodeId, IntakeStatus.DRAFT)
                .orElseThrow(() -> new ConflictException(null, "This intake has been submitted already; it can no longer be changed."));
        if (answers.getMainArea() != null && answers.getSide() != null && episode.getState() == EpisodeState.INTAKE) {
            episode.describe(region(answers.getMainArea()), Side.valueOf(answers.getSide()));
        }
        draft.saveDraft(json(answers), advancing ? step + 1 : step);
        raiseUnflaggedRedFlags(episode, draft, answers, LocalDate.now(clock), true);
    }

    /** Submits the patient's draft; a second submit returns the first one's result. */
    public SubmissionResult submit(long episodeId) {
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        Optional<Intake> draft = intakes.findByStatus(episodeId, IntakeStatus.DRAFT);
        if (draft.isEmpty()) {
            Intake submitted = intakes.findByStatus(episodeId, IntakeStatus.SUBMITTED)
                    .orElseThrow(() -> new NotFoundException("There is no intake to submit for this episode."));
            return resultOf(episode, submitted);
        }
        IntakeAnswers answers = answersOf(draft.get());
        requireComplete(answers);
        return doSubmit(episode, draft.get(), answers, LocalDate.now(clock));
    }

    /**
     * An intake sent whole through the API. It replaces a draft in progress; if the episode has a
     * submitted intake already, it is a correction and supersedes it.
     */
    public SubmissionResult submitWhole(long episodeId, IntakeAnswers answers, LocalDate submittedOn, String declaredInstrument) {
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        if (answers.getMainArea() == null) {
            answers.setMainArea(areaOf(episode.getRegion()));
        }
        if (answers.getSide() == null) {
            answers.setSide(episode.getSide().name());
        }
        requireComplete(answers);
        if (declaredInstrument != null && !declaredInstrument.equals(answers.instrument().name())) {
            throw InvalidInputException.of("disability.instrument", "A " + areaWords(answers.getMainArea())
                    + " complaint uses the " + answers.instrument() + "; send its answers as " + answers.instrument() + ".");
        }
        if (submittedOn != null && submittedOn.isAfter(LocalDate.now(clock))) {
            throw InvalidInputException.of("submittedOn", "The submission date cannot be in the future.");
        }
        Intake draft = intakes.findByStatus(episodeId, IntakeStatus.DRAFT).orElseGet(() -> {
            Optional<Intake> current = intakes.findByStatus(episodeId, IntakeStatus.SUBMITTED);
            // Not stored as a draft first: doSubmit inserts it already submitted, one row written once.
            return new Intake(episodeId, intakes.nextVersion(episodeId), current.map(Intake::getId).orElse(null));
        });
        return doSubmit(episode, draft, answers, submittedOn == null ? LocalDate.now(clock) : submittedOn);
    }

    /** Starts a correction of the submitted intake: a new draft version with the same answers. */
    public void startCorrection(long episodeId) {
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        if (intakes.findByStatus(episodeId, IntakeStatus.DRAFT).isPresent()) {
            return;
        }
        Intake current = intakes.findByStatus(episodeId, IntakeStatus.SUBMITTED)
                .orElseThrow(() -> new NotFoundException("There is no submitted intake to correct for this episode."));
        Intake correction = intakes.add(new Intake(episodeId, intakes.nextVersion(episodeId), current.getId()));
        correction.saveDraft(current.getAnswers(), 1);
        correction.inheritRaisedRedFlags(current);
        audit.record(AuditAction.CREATE, episode.getPatientId(), "Intake", correction.getId(), "correction of intake " + current.getId());
    }

    /** The current submission's result, for the page the patient sees after submitting. */
    public SubmissionResult result(long episodeId) {
        EpisodeOfCare episode = episodes.require(episodeId);
        Intake submitted = intakes.findByStatus(episodeId, IntakeStatus.SUBMITTED)
                .orElseThrow(() -> new NotFoundException("This episode has no submitted intake."));
        return resultOf(episode, submitted);
    }

    /** The submitted intake with its answers, for a document that already recorded its own read (a referral letter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IntakeView> current(EpisodeOfCare episode) {
        return intakes.findByStatus(episode.getId(), IntakeStatus.SUBMITTED).map(i -> new IntakeView(episode, i, answersOf(i)));
    }

    /** A submitted intake for staff; opening it is audited. */
    public IntakeView read(long intakeId) {
        Intake intake = intakes.find(intakeId).filter(i -> i.getStatus() != IntakeStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException(NO_SUCH_INTAKE));
        EpisodeOfCare episode;
        try {
            episode = episodes.require(intake.getEpisodeId());
        } catch (NotFoundException notYours) {
            // An intake of an episode the caller may not see reads as one that does not exist.
            throw new NotFoundException(NO_SUCH_INTAKE);
        }
        audit.record(AuditAction.READ, episode.getPatientId(), "Intake", intake.getId(), null);
        return new IntakeView(episode, intake, answersOf(intake));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countQueue(IntakeQueue.Filter filter) {
        return intakes.countQueue(filter);
    }

    /** A page of the intake queue; reading it is audited. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<QueueRow> queue(IntakeQueue.Filter filter, int first, int max) {
        List<QueueRow> page = intakes.queue(filter, first, max);
        audit.recordListRead("IntakeQueue", first, page.size(), filter.search() == null ? null : filter.search().text());
        return page;
    }

    /** Submits {@code draft}: a stored draft, or a new version from the API not stored yet. */
    private SubmissionResult doSubmit(EpisodeOfCare episode, Intake draft, IntakeAnswers answers, LocalDate submittedOn) {
        if (draft.getSupersedesId() != null) {
            // The old version leaves the "current" slot before the new one takes it.
            intakes.find(draft.getSupersedesId()).filter(i -> i.getStatus() == IntakeStatus.SUBMITTED).ifPresent(Intake::supersede);
            intakes.flush();
        }
        DisabilityScore disability = DisabilityScore.of(answers.getDisabilityAnswers());
        Optional<StartBackScore> startBack = StartBackScore.of(answers.getStartBack());
        List<RedFlag> redFlags = answers.redFlagsYes();
        draft.submit(json(answers), new Intake.Derived(answers.getPainNow(), answers.getPainWorst(), answers.instrument(),
                        disability.percent(), startBack.map(StartBackScore::total).orElse(null),
                        startBack.map(StartBackScore::psychosocial).orElse(null),
                        startBack.map(s -> s.risk().name()).orElse(null), redFlags.stream().map(RedFlag::code).toList()),
                submittedOn, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), acting.caller().orElse(null));
        if (draft.getId() == null) {
            intakes.add(draft);
        } else {
            intakes.flush();
        }
        List<EscalationFlag> raised = new ArrayList<>();
        raiseUnflaggedRedFlags(episode, draft, answers, submittedOn, false).ifPresent(raised::add);
        if (raised.isEmpty() && !redFlags.isEmpty()) {
            // Raised while the draft was filled in: the answer names that flag, and no second one.
            escalation.findOpen(episode.getId(), FlagRule.RED_FLAG).ifPresent(raised::add);
        }
        audit.record(AuditAction.CREATE, episode.getPatientId(), "Intake", draft.getId(),
                "submitted version " + draft.getVersionNo() + (redFlags.isEmpty() ? "" : ", red flags answered yes: " + words(redFlags)));
        return new SubmissionResult(draft, answers.instrument(), disability, startBack, redFlags, raised);
    }

    /**
     * Raises the URGENT RED_FLAG flag for the "yes" answers this intake version has not raised one for
     * yet: on the save of a draft, the moment the answer is saved; on submission, for any the draft
     * did not save first (an intake sent whole through the API). The flag goes to the worklist and
     * the physician in the caller's transaction, exactly as a submitted intake's does.
     */
    private Optional<EscalationFlag> raiseUnflaggedRedFlags(EpisodeOfCare episode, Intake intake, IntakeAnswers answers,
                                                            LocalDate recordedOn, boolean beforeSubmission) {
        List<RedFlag> yes = answers.redFlagsYes();
        List<String> fresh = intake.takeUnflaggedRedFlags(yes.stream().map(RedFlag::code).toList(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        List<RedFlag> raising = yes.stream().filter(f -> fresh.contains(f.code())).toList();
        JsonArrayBuilder codes = JSON.createArrayBuilder();
        JsonArrayBuilder questions = JSON.createArrayBuilder();
        raising.forEach(f -> {
            codes.add(f.code());
            questions.add(f.question());
        });
        var evidence = JSON.createObjectBuilder().add("source", "intake").add("intakeId", intake.getId())
                .add("recordedOn", recordedOn.toString()).add("redFlags", codes).add("questions", questions)
                .add("emergency", raising.stream().anyMatch(RedFlag::isEmergency));
        if (beforeSubmission) {
            evidence.add("beforeSubmission", true);
            audit.record(AuditAction.UPDATE, episode.getPatientId(), "Intake", intake.getId(),
                    "red flags answered yes in the draft: "
                    + words(raising));
        }
        return Optional.of(escalation.raise(episode, FlagRule.RED_FLAG, evidence.build()));
    }

    /** Red flags named for a person, as in "saddle numbness, fever". */
    private static String words(List<RedFlag> flags) {
        return String.join(", ", flags.stream().map(RedFlag::words).toList());
    }

    private SubmissionResult resultOf(EpisodeOfCare episode, Intake submitted) {
        IntakeAnswers answers = answersOf(submitted);
        List<EscalationFlag> none = List.of();
        return new SubmissionResult(submitted, answers.instrument(), DisabilityScore.of(answers.getDisabilityAnswers()),
                StartBackScore.of(answers.getStartBack()), answers.redFlagsYes(), none);
    }

    private void check(IntakeAnswers answers, int step, boolean advancing) {
        List<FieldError> problems = new ArrayList<>(InputValidation.errorsOf(validator, answers));
        problems.addAll(IntakeCheck.wellFormed(answers, LocalDate.now(clock)));
        if (advancing) {
            problems.addAll(IntakeCheck.requiredFor(step, answers));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void requireComplete(IntakeAnswers answers) {
        List<FieldError> problems = new ArrayList<>(InputValidation.errorsOf(validator, answers));
        problems.addAll(IntakeCheck.completeForSubmission(answers, LocalDate.now(clock)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public IntakeAnswers answersOf(Intake intake) {
        IntakeAnswers answers = jsonb.fromJson(intake.getAnswers(), IntakeAnswers.class);
        answers.normalize();
        return answers;
    }

    private String json(IntakeAnswers answers) {
        return jsonb.toJson(answers);
    }


    static SpineRegion region(String mainArea) {
        return switch (mainArea) {
            case "NECK" -> SpineRegion.CERVICAL;
            case "MID_BACK" -> SpineRegion.THORACIC;
            default -> SpineRegion.LUMBAR;
        };
    }

    private static String areaWords(String mainArea) {
        return switch (mainArea) {
            case "NECK" -> "neck";
            case "MID_BACK" -> "mid-back";
            default -> "lower-back";
        };
    }

    static String areaOf(SpineRegion region) {
        return switch (region) {
            case CERVICAL -> "NECK";
            case THORACIC -> "MID_BACK";
            case LUMBAR -> "LOWER_BACK";
        };
    }

    /** An intake with its episode and parsed answers, for pages. */
    public record IntakeView(EpisodeOfCare episode, Intake intake, IntakeAnswers answers) {
    }
}
