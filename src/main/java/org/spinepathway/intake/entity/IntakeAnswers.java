package org.spinepathway.intake.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Every answer of the intake, as the patient gave them; stored as JSON with the intake. Scales,
 * dates and text lengths are Bean Validation constraints here (the pages check them at the input,
 * the service on every save); codes, cross-field and per-step rules are in {@code IntakeCheck}.
 * Unanswered questions are {@code null} or empty.
 * <p>
 * A plain mutable bean because the stepped form binds to it field by field.
 */
public class IntakeAnswers {

    public static final int DISABILITY_SECTIONS = 10;
    public static final int START_BACK_ITEMS = 9;

    // Step 1: where it hurts
    private String mainArea;
    private List<String> otherAreas = new ArrayList<>();
    private String side;
    private List<String> painTravels = new ArrayList<>();
    @Min(value = 0, message = "{intake.scale}")
    @Max(value = 10, message = "{intake.scale}")
    private Integer painNow;
    @Min(value = 0, message = "{intake.scale}")
    @Max(value = 10, message = "{intake.scale}")
    private Integer painWorst;
    private List<String> painCharacter = new ArrayList<>();
    @PastOrPresent(message = "{intake.onsetDate.future}")
    private LocalDate onsetDate;
    private String onsetCause;

    // Step 2: nerve symptoms, each with where it is felt (empty: not present)
    private List<String> numbness = new ArrayList<>();
    private List<String> tingling = new ArrayList<>();
    private List<String> weakness = new ArrayList<>();
    private List<String> dexterityLoss = new ArrayList<>();
    private List<String> spasms = new ArrayList<>();
    private List<String> tremor = new ArrayList<>();
    private List<String> wasting = new ArrayList<>();

    // Step 3: red flags, by RedFlag code; null until answered
    private Map<String, Boolean> redFlags = new LinkedHashMap<>();

    // Step 4: medicines, treatments tried, tests done
    private List<String> medications = new ArrayList<>();
    @Size(max = 500, message = "{intake.text.tooLong}")
    private String otherMedication;
    private List<String> priorTreatments = new ArrayList<>();
    private List<String> imaging = new ArrayList<>();

    // Step 5: wellbeing and work; STarT Back is optional
    private String stress;
    private String anxiety;
    private String workStatus;
    private List<Integer> startBack = blanks(START_BACK_ITEMS);

    // Step 6: ODI or NDI sections, 0-5 each
    private List<@Min(value = 0, message = "{intake.statement}") @Max(value = 5, message = "{intake.statement}") Integer> disabilityAnswers = blanks(DISABILITY_SECTIONS);

    @Size(max = 2000, message = "{intake.text.tooLong}")
    private String notes;

    public IntakeAnswers() {
        for (RedFlag flag : RedFlag.values()) {
            redFlags.put(flag.code(), null);
        }
    }

    private static List<Integer> blanks(int size) {
        return new ArrayList<>(Collections.nCopies(size, null));
    }

    /** The ODI or NDI, chosen by where the main pain is. */
    public DisabilityInstrument instrument() {
        return "NECK".equals(mainArea) ? DisabilityInstrument.NDI : DisabilityInstrument.ODI;
    }

    /** The red flags answered "yes", in screen order. */
    public List<RedFlag> redFlagsYes() {
        List<RedFlag> yes = new ArrayList<>();
        for (RedFlag flag : RedFlag.values()) {
            if (Boolean.TRUE.equals(redFlags.get(flag.code()))) {
                yes.add(flag);
            }
        }
        return yes;
    }

    /** Keeps lists at their fixed sizes after JSON that sent fewer or more items. */
    public void normalize() {
        startBack = resized(startBack, START_BACK_ITEMS);
        disabilityAnswers = resized(disabilityAnswers, DISABILITY_SECTIONS);
        for (RedFlag flag : RedFlag.values()) {
            redFlags.putIfAbsent(flag.code(), null);
        }
    }

    private static List<Integer> resized(List<Integer> list, int size) {
        List<Integer> fixed = blanks(size);
        if (list != null) {
            for (int i = 0; i < Math.min(size, list.size()); i++) {
                fixed.set(i, list.get(i));
            }
        }
        return fixed;
    }

    public String getMainArea() { return mainArea; }
    public void setMainArea(String mainArea) { this.mainArea = mainArea; }
    public List<String> getOtherAreas() { return otherAreas; }
    public void setOtherAreas(List<String> otherAreas) { this.otherAreas = orEmpty(otherAreas); }
    public String getSide() { return side; }
    public void setSide(String side) { this.side = side; }
    public List<String> getPainTravels() { return painTravels; }
    public void setPainTravels(List<String> painTravels) { this.painTravels = orEmpty(painTravels); }
    public Integer getPainNow() { return painNow; }
    public void setPainNow(Integer painNow) { this.painNow = painNow; }
    public Integer getPainWorst() { return painWorst; }
    public void setPainWorst(Integer painWorst) { this.painWorst = painWorst; }
    public List<String> getPainCharacter() { return painCharacter; }
    public void setPainCharacter(List<String> painCharacter) { this.painCharacter = orEmpty(painCharacter); }
    public LocalDate getOnsetDate() { return onsetDate; }
    public void setOnsetDate(LocalDate onsetDate) { this.onsetDate = onsetDate; }
    public String getOnsetCause() { return onsetCause; }
    public void setOnsetCause(String onsetCause) { this.onsetCause = onsetCause; }
    public List<String> getNumbness() { return numbness; }
    public void setNumbness(List<String> numbness) { this.numbness = orEmpty(numbness); }
    public List<String> getTingling() { return tingling; }
    public void setTingling(List<String> tingling) { this.tingling = orEmpty(tingling); }
    public List<String> getWeakness() { return weakness; }
    public void setWeakness(List<String> weakness) { this.weakness = orEmpty(weakness); }
    public List<String> getDexterityLoss() { return dexterityLoss; }
    public void setDexterityLoss(List<String> dexterityLoss) { this.dexterityLoss = orEmpty(dexterityLoss); }
    public List<String> getSpasms() { return spasms; }
    public void setSpasms(List<String> spasms) { this.spasms = orEmpty(spasms); }
    public List<String> getTremor() { return tremor; }
    public void setTremor(List<String> tremor) { this.tremor = orEmpty(tremor); }
    public List<String> getWasting() { return wasting; }
    public void setWasting(List<String> wasting) { this.wasting = orEmpty(wasting); }
    public Map<String, Boolean> getRedFlags() { return redFlags; }
    public void setRedFlags(Map<String, Boolean> redFlags) { this.redFlags = redFlags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(redFlags); }
    public List<String> getMedications() { return medications; }
    public void setMedications(List<String> medications) { this.medications = orEmpty(medications); }
    public String getOtherMedication() { return otherMedication; }
    public void setOtherMedication(String otherMedication) { this.otherMedication = otherMedication; }
    public List<String> getPriorTreatments() { return priorTreatments; }
    public void setPriorTreatments(List<String> priorTreatments) { this.priorTreatments = orEmpty(priorTreatments); }
    public List<String> getImaging() { return imaging; }
    public void setImaging(List<String> imaging) { this.imaging = orEmpty(imaging); }
    public String getStress() { return stress; }
    public void setStress(String stress) { this.stress = stress; }
    public String getAnxiety() { return anxiety; }
    public void setAnxiety(String anxiety) { this.anxiety = anxiety; }
    public String getWorkStatus() { return workStatus; }
    public void setWorkStatus(String workStatus) { this.workStatus = workStatus; }
    public List<Integer> getStartBack() { return startBack; }
    public void setStartBack(List<Integer> startBack) { this.startBack = startBack == null ? blanks(START_BACK_ITEMS) : new ArrayList<>(startBack); }
    public List<Integer> getDisabilityAnswers() { return disabilityAnswers; }
    public void setDisabilityAnswers(List<Integer> disabilityAnswers) { this.disabilityAnswers = disabilityAnswers == null ? blanks(DISABILITY_SECTIONS) : new ArrayList<>(disabilityAnswers); }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }
}
