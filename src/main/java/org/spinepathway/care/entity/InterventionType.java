package org.spinepathway.care.entity;

/** The conservative treatments a plan can hold, with the words pages, charts and exports show for them. */
public enum InterventionType {
    REST("Rest"),
    PHYSICAL_THERAPY("Physical therapy"),
    MEDICATION("Medication"),
    INJECTION("Injection"),
    HEAT_COLD("Heat or cold"),
    MANIPULATION("Manipulation");

    private final String words;

    InterventionType(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
