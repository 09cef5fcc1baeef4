package org.spinepathway.care.entity;

import org.spinepathway.intake.entity.DisabilityInstrument;

/** Where along the spine the complaint is. */
public enum SpineRegion {
    CERVICAL,
    THORACIC,
    LUMBAR;

    /**
     * The disability questionnaire of this region: the Neck Disability Index for the neck, the
     * Oswestry Disability Index for the lower and mid back. The one place this is decided.
     */
    public DisabilityInstrument instrument() {
        return this == CERVICAL ? DisabilityInstrument.NDI : DisabilityInstrument.ODI;
    }
}
