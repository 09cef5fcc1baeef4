package org.spinepathway.fhir.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.spinepathway.intake.entity.RedFlag;

/**
 * The questionnaires behind Spine Pathway's answers, as FHIR R4 {@code Questionnaire}s: the intake
 * ({@code spine-intake}) and the two disability indexes ({@code odi}, {@code ndi}), with the wording
 * the patient saw (questionnaires.properties). Exported {@code QuestionnaireResponse}s refer to them
 * by canonical URL, {@code <api base>/fhir/Questionnaire/<name>}, where the application serves them.
 */
public final class ClinicQuestionnaires {

    public static final String INTAKE = "spine-intake";
    public static final String ODI = "odi";
    public static final String NDI = "ndi";
    public static final List<String> NAMES = List.of(INTAKE, ODI, NDI);

    /** The intake's answers exported as items: (linkId, text, type, repeats). */
    record IntakeItem(String linkId, String text, QuestionnaireItemType type, boolean repeats) {
    }

    static final List<IntakeItem> INTAKE_ITEMS = List.of(
            new IntakeItem("mainArea", "Where is the pain mainly?", QuestionnaireItemType.STRING, false),
            new IntakeItem("otherAreas", "Other painful areas", QuestionnaireItemType.STRING, true),
            new IntakeItem("side", "Which side?", QuestionnaireItemType.STRING, false),
            new IntakeItem("painTravels", "Where the pain travels", QuestionnaireItemType.STRING, true),
            new IntakeItem("painNow", "Pain now (0-10)", QuestionnaireItemType.INTEGER, false),
            new IntakeItem("painWorst", "Worst pain in the last week (0-10)", QuestionnaireItemType.INTEGER, false),
            new IntakeItem("painCharacter", "What the pain feels like", QuestionnaireItemType.STRING, true),
            new IntakeItem("onsetDate", "When it started", QuestionnaireItemType.DATE, false),
            new IntakeItem("onsetCause", "How it started", QuestionnaireItemType.STRING, false),
            new IntakeItem("numbness", "Numbness", QuestionnaireItemType.STRING, true),
            new IntakeItem("tingling", "Tingling or pins and needles", QuestionnaireItemType.STRING, true),
            new IntakeItem("weakness", "Weakness", QuestionnaireItemType.STRING, true),
            new IntakeItem("dexterityLoss", "Loss of hand dexterity", QuestionnaireItemType.STRING, true),
            new IntakeItem("spasms", "Muscle spasms", QuestionnaireItemType.STRING, true),
            new IntakeItem("tremor", "Tremor", QuestionnaireItemType.STRING, true),
            new IntakeItem("wasting", "Muscle wasting", QuestionnaireItemType.STRING, true),
            new IntakeItem("medications", "Medicines taken for the pain", QuestionnaireItemType.STRING, true),
            new IntakeItem("otherMedication", "Other medicines", QuestionnaireItemType.STRING, false),
            new IntakeItem("priorTreatments", "Treatments tried before", QuestionnaireItemType.STRING, true),
            new IntakeItem("imaging", "Scans and X-rays done", QuestionnaireItemType.STRING, true),
            new IntakeItem("stress", "Stress", QuestionnaireItemType.STRING, false),
            new IntakeItem("anxiety", "Worry about the pain", QuestionnaireItemType.STRING, false),
            new IntakeItem("workStatus", "Work", QuestionnaireItemType.STRING, false),
            new IntakeItem("notes", "Anything else", QuestionnaireItemType.TEXT, false));

    private ClinicQuestionnaires() {
    }

    /** The canonical URL of a questionnaire, under the API's base address (ending in '/'). */
    public static String url(String apiBase, String name) {
        return apiBase + "fhir/Questionnaire/" + name;
    }

    public static Optional<Questionnaire> named(String name, String apiBase) {
        return switch (name) {
            case INTAKE -> Optional.of(intake(apiBase));
            case ODI, NDI -> Optional.of(disability(name, apiBase));
            default -> Optional.empty();
        };
    }

    static Questionnaire intake(String apiBase) {
        Questionnaire q = header(INTAKE, apiBase, "SpinePathwayIntake", "Spine Pathway intake: neck or back pain");
        for (IntakeItem item : INTAKE_ITEMS) {
            q.addItem().setLinkId(item.linkId()).setText(item.text()).setType(item.type()).setRepeats(item.repeats());
        }
        Questionnaire.QuestionnaireItemComponent redFlags = q.addItem().setLinkId("redFlags").setText("Important safety questions")
                .setType(QuestionnaireItemType.GROUP);
        for (RedFlag flag : RedFlag.values()) {
            redFlags.addItem().setLinkId("redFlags." + flag.code()).setText(redFlagQuestion(flag)).setType(QuestionnaireItemType.BOOLEAN);
        }
        return q;
    }

    static Questionnaire disability(String name, String apiBase) {
        ResourceBundle text = questionnaireTexts();
        boolean odi = name.equals(ODI);
        Questionnaire q = header(name, apiBase, odi ? "SpinePathwayODI" : "SpinePathwayNDI",
                odi ? "Oswestry Disability Index (Spine Pathway wording)" : "Neck Disability Index (Spine Pathway wording)");
        q.setDescription(text.getString(name + ".intro") + " Each section scores 0 (no disability) to 5; the index is the sum"
                + " over the sections answered, as a percentage of the most those sections could score.");
        for (int section = 1; section <= 10; section++) {
            Questionnaire.QuestionnaireItemComponent item = q.addItem().setLinkId(String.valueOf(section))
                    .setText(sectionTitle(name, section)).setType(QuestionnaireItemType.INTEGER);
            for (int score = 0; score <= 5; score++) {
                item.addAnswerOption().setValue(new IntegerType(score));
            }
        }
        return q;
    }

    private static Questionnaire header(String name, String apiBase, String computableName, String title) {
        Questionnaire q = new Questionnaire();
        q.setId(name);
        q.setUrl(url(apiBase, name));
        q.setName(computableName);
        q.setTitle(title);
        q.setStatus(PublicationStatus.ACTIVE);
        q.setPublisher("Spine Pathway");
        q.addSubjectType("Patient");
        Narratives.set(q, title);
        return q;
    }

    /** The title of an ODI/NDI section ({@code name} odi or ndi, section 1-10), as the patient saw it. */
    static String sectionTitle(String name, int section) {
        return questionnaireTexts().getString(name + "." + section + ".title");
    }

    /** A red-flag question in the intake's own wording. */
    static String redFlagQuestion(RedFlag flag) {
        return ResourceBundle.getBundle("org.spinepathway.platform.web.messages", Locale.ENGLISH).getString("intake.redFlag." + flag.code());
    }

    private static ResourceBundle questionnaireTexts() {
        return ResourceBundle.getBundle("org.spinepathway.intake.web.questionnaires", Locale.ENGLISH);
    }
}
