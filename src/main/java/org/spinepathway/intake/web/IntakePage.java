package org.spinepathway.intake.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.boundary.IntakeService.IntakeView;
import org.spinepathway.intake.control.DisabilityScore;
import org.spinepathway.intake.control.IntakeCheck;
import org.spinepathway.intake.entity.DisabilityInstrument;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.intake.entity.IntakeStatus;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;

/**
 * {@code /patient/intake.xhtml?episode=&step=}: the intake, one step per page. Answers are saved to
 * the database as the patient goes (each change, and each "Save and continue"), so a closed tab or
 * an expired session loses nothing; the page reopens on the step where the patient stopped. Each
 * step has its own URL, so the browser's back button and reloads behave.
 */
@Named
@ViewScoped
public class IntakePage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int STEPS = 7;
    private static final Pattern INDEXED = Pattern.compile("(startBack|disabilityAnswers)\\[(\\d+)]");

    @Inject
    IntakeService intakes;

    @Inject
    Clock clock;

    private Long episode;
    private Integer step;
    private int reachedStep = 1;
    private IntakeAnswers answers = new IntakeAnswers();

    /** Loads the draft named by the URL; a submitted intake goes to its result page. */
    public void load() throws IOException {
        if (episode == null) {
            step = 1;
            return;
        }
        IntakeView view;
        try {
            view = intakes.open(episode).orElse(null);
        } catch (NotFoundException notYours) {
            view = null;
        }
        if (view == null) {
            redirect("/patient/home.xhtml");
            return;
        }
        if (view.intake().getStatus() != IntakeStatus.DRAFT) {
            redirect("/patient/intake-result.xhtml?episode=" + episode);
            return;
        }
        answers = view.answers();
        reachedStep = view.intake().getCurrentStep();
        if (step == null || step < 1 || step > reachedStep) {
            // Resume where the patient stopped; steps not reached yet cannot be skipped to.
            step = reachedStep;
        }
    }

    /** Saves the step and moves to the next; its required questions must be answered. */
    public void next() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            if (episode == null) {
                episode = intakes.start(answers);
            } else {
                intakes.saveDraft(episode, answers, step, true);
            }
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, this::clientIdOf);
            return;
        } catch (ConflictException submitted) {
            redirect("/patient/intake-result.xhtml?episode=" + episode);
            return;
        }
        redirect(stepUrl(step + 1));
    }

    /** Saves what is there, without requiring anything, and goes back a step. */
    public void back() throws IOException {
        if (saveQuietly()) {
            redirect(stepUrl(Math.max(1, step - 1)));
        }
    }

    /** Called on every change of an answer: the draft is saved at once. */
    public void autosave() {
        if (episode != null) {
            saveQuietly();
        }
    }

    public void submit() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            intakes.submit(episode);
        } catch (InvalidInputException invalid) {
            // Problems may sit on earlier steps: say which, with the message.
            invalid.errors().forEach(e -> FieldMessages.global(context, FacesMessage.SEVERITY_ERROR,
                    Messages.text(context, "intake.step") + " " + stepOf(e.field()) + ": " + e.message()));
            context.validationFailed();
            return;
        }
        redirect("/patient/intake-result.xhtml?episode=" + episode);
    }

    private boolean saveQuietly() {
        try {
            if (episode != null) {
                intakes.saveDraft(episode, answers, step, false);
            }
            return true;
        } catch (InvalidInputException invalid) {
            FieldMessages.show(FacesContext.getCurrentInstance(), invalid, this::clientIdOf);
            return false;
        } catch (ConflictException submitted) {
            return true;
        }
    }

    /** The input that shows a field's message on this page; fields of other steps show at the top. */
    String clientIdOf(String field) {
        if (stepOf(field) != step) {
            return null;
        }
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            return "intake:" + indexed.group(1) + ":" + indexed.group(2) + ":answer";
        }
        if (field.startsWith("redFlags.")) {
            return RedFlag.ofCode(field.substring("redFlags.".length()))
                    .map(f -> "intake:redFlags:" + f.ordinal() + ":answer").orElse(null);
        }
        return "intake:" + field;
    }

    static int stepOf(String field) {
        if (field == null) {
            return 7;
        }
        if (field.startsWith("redFlags")) {
            return 3;
        }
        if (field.startsWith("disabilityAnswers")) {
            return 6;
        }
        if (field.startsWith("startBack") || List.of("stress", "anxiety", "workStatus").contains(field)) {
            return 5;
        }
        if (List.of("medications", "otherMedication", "priorTreatments", "imaging").contains(field)) {
            return 4;
        }
        if (List.of("numbness", "tingling", "weakness", "dexterityLoss", "spasms", "tremor", "wasting").contains(field)) {
            return 2;
        }
        return "notes".equals(field) ? 7 : 1;
    }

    private String stepUrl(int target) {
        return "/patient/intake.xhtml?episode=" + episode + "&step=" + target;
    }

    private static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }

    // Choices offered on each step, as codes; the page labels them from the message bundle.

    public List<Integer> getStepNumbers() { return List.of(1, 2, 3, 4, 5, 6, 7); }
    public List<String> getAreas() { return List.of("LOWER_BACK", "NECK", "MID_BACK"); }
    public List<String> getSides() { return List.of("LEFT", "RIGHT", "BOTH"); }
    public List<String> getTravels() {
        return "NECK".equals(answers.getMainArea()) ? List.of("SHOULDER", "ARM", "HAND") : List.of("BUTTOCK", "THIGH", "LEG", "FOOT", "SHOULDER", "ARM", "HAND");
    }
    public List<Integer> getScale() { return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10); }
    public List<String> getCharacters() { return List.of("SHARP", "SHOOTING", "BURNING", "ACHING"); }
    public List<String> getCauses() { return List.of("INJURY", "LIFTING", "GRADUAL", "UNKNOWN"); }
    public List<String> getNerveLocations() { return List.of("LEFT_ARM", "RIGHT_ARM", "LEFT_LEG", "RIGHT_LEG"); }
    public List<String> getNerveSymptoms() { return List.of("numbness", "tingling", "weakness", "dexterityLoss", "spasms", "tremor", "wasting"); }
    public List<RedFlag> getRedFlagQuestions() { return List.of(RedFlag.values()); }
    public List<String> getMedicationChoices() { return List.of("PARACETAMOL", "NSAID", "OPIOID", "MUSCLE_RELAXANT", "NERVE_PAIN", "STEROID"); }
    public List<String> getTreatmentChoices() { return List.of("REST", "ICE_HEAT", "OTC_PAIN_RELIEF", "PHYSIOTHERAPY", "INJECTIONS", "MANIPULATION"); }
    public List<String> getImagingChoices() { return List.of("XRAY", "MRI", "CT", "EMG"); }
    public List<String> getLevels() { return List.of("NONE", "MILD", "MODERATE", "SEVERE"); }
    public List<String> getWorkChoices() { return List.of("WORKING", "MODIFIED_DUTIES", "OFF_WORK", "NOT_WORKING", "RETIRED", "STUDENT"); }
    public List<Integer> getStartBackItems() { return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8); }
    // Integer, not an EL literal: EL literals are Longs, and JSF compares the chosen value with the items.
    public Integer getAgree() { return 1; }
    public Integer getDisagree() { return 0; }
    public List<Integer> getBotherLevels() { return List.of(0, 1, 2, 3, 4); }
    public List<Integer> getSections() { return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9); }
    public List<Integer> getStatements() { return List.of(0, 1, 2, 3, 4, 5); }
    public int getMaxOtherMedication() { return IntakeCheck.MAX_OTHER_MEDICATION; }
    public int getMaxNotes() { return IntakeCheck.MAX_NOTES; }

    /** ODI or NDI, by where the main pain is; the questionnaire bundle's keys start with it. */
    public String getInstrumentKey() {
        return answers.instrument() == DisabilityInstrument.NDI ? "ndi" : "odi";
    }

    public DisabilityScore getDisabilityScore() {
        return DisabilityScore.of(answers.getDisabilityAnswers());
    }

    /**
     * The most urgent advice the red-flag answers so far call for: "emergency", "sameDay", or null
     * when every answer is "no". Shown on the red-flag step as soon as an answer is saved, and on
     * every later step, since the patient may go on with the intake.
     */
    public String getRedFlagAdvice() {
        List<RedFlag> yes = answers.redFlagsYes();
        return yes.isEmpty() ? null : yes.stream().anyMatch(RedFlag::isEmergency) ? "emergency" : "sameDay";
    }

    public LocalDate getToday() {
        return LocalDate.now(clock);
    }

    public boolean isFirstStep() {
        return step == null || step == 1;
    }

    public boolean isLastStep() {
        return step != null && step == STEPS;
    }

    public Long getEpisode() { return episode; }
    public void setEpisode(Long episode) { this.episode = episode; }
    public Integer getStep() { return step; }
    public void setStep(Integer step) { this.step = step; }
    public IntakeAnswers getAnswers() { return answers; }
}
