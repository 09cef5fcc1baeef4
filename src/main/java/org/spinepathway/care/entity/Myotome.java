package org.spinepathway.care.entity;

import java.util.Arrays;
import java.util.Optional;

import org.spinepathway.platform.control.ClinicWords;

/**
 * The myotomes a clinician grades on the MRC scale (0 to 5): C5 to T1 for the neck, L2 to S1 for the
 * lower back. Each is named with the movement that tests it, in the clinic's words.
 */
public enum Myotome {
    C5, C6, C7, C8, T1, L2, L3, L4, L5, S1;

    /** For example "L5 (big toe extension)". */
    public String words() {
        return ClinicWords.of("myotome", this);
    }

    public static Optional<Myotome> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
    }
}
