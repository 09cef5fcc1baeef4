package org.spinepathway.care.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.spinepathway.intake.entity.DisabilityInstrument;

class SpineRegionTest {

    @Test
    void instrument_shouldBeTheNdiForTheNeck_andTheOdiForTheBack() {
        assertEquals(DisabilityInstrument.NDI, SpineRegion.CERVICAL.instrument());
        assertEquals(DisabilityInstrument.ODI, SpineRegion.THORACIC.instrument());
        assertEquals(DisabilityInstrument.ODI, SpineRegion.LUMBAR.instrument());
    }
}
