package org.spinepathway.intake.entity;

import java.util.Arrays;
import java.util.Optional;

import org.spinepathway.platform.control.ClinicWords;

/**
 * The red-flag screen (NICE NG59, GIRFT cauda equina pathway). Any "yes" raises an URGENT flag. The
 * signs of cauda equina compression (bladder or bowel change, saddle numbness, symptoms in both legs)
 * send the patient to emergency care at once; the rest need to be seen the same day.
 */
public enum RedFlag {
    BLADDER_BOWEL_CHANGE("bladderBowelChange", true),
    SADDLE_NUMBNESS("saddleNumbness", true),
    BILATERAL_LEG_SYMPTOMS("bilateralLegSymptoms", true),
    PROGRESSIVE_WEAKNESS("progressiveWeakness", false),
    UNSTEADY_GAIT("unsteadyGait", false),
    BILATERAL_HAND_CLUMSINESS("bilateralHandClumsiness", false),
    FEVER("fever", false),
    UNEXPLAINED_WEIGHT_LOSS("unexplainedWeightLoss", false),
    CANCER_HISTORY("cancerHistory", false),
    MAJOR_TRAUMA("majorTrauma", false);

    private final String code;
    private final boolean emergency;

    RedFlag(String code, boolean emergency) {
        this.code = code;
        this.emergency = emergency;
    }

    /** The name used in the API and in stored answers. */
    public String code() {
        return code;
    }

    /** True when the patient must go to emergency care now, not only be seen today. */
    public boolean isEmergency() {
        return emergency;
    }

    /**
     * The question as the patient was asked it, in the clinic's language: the words a flag's evidence
     * carries, so the physician reads what was answered "yes".
     */
    public String question() {
        return ClinicWords.of("intake.redFlag." + code);
    }

    /** A short name for lists and audit details, such as "saddle numbness". */
    public String words() {
        return ClinicWords.of("redFlag.short." + code);
    }

    public static Optional<RedFlag> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
