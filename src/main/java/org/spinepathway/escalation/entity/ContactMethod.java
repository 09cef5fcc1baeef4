package org.spinepathway.escalation.entity;

/** How the care team tried to reach a patient with an URGENT flag. Only {@link #NO_ANSWER} reached nobody. */
public enum ContactMethod {
    PHONE, SMS, EMAIL, IN_PERSON, NO_ANSWER;

    /** True when the patient was reached: the flag counts as acknowledged. */
    public boolean reached() {
        return this != NO_ANSWER;
    }
}
