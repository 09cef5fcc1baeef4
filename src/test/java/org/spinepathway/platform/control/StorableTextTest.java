package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextMarkupEmojiAndLineBreaks_areStorable() {
        assertTrue(StorableText.isStorable("Pain down the left leg, worse when sitting."));
        assertTrue(StorableText.isStorable("<script>alert(1)</script> ' OR '1'='1"));
        assertTrue(StorableText.isStorable("Zo\u00eb \ud83d\ude00\ud83e\uddb4 \u202eRTL"));
        assertTrue(StorableText.isStorable("line one\r\nline two\tindented"));
        assertTrue(StorableText.isStorable(""));
    }

    @Test
    void controlCharactersAndHalfEmoji_areNot() {
        assertFalse(StorableText.isStorable("x\u0000y"));
        assertFalse(StorableText.isStorable("\u001b[31mred"));
        assertFalse(StorableText.isStorable("bell\u0007"));
        assertFalse(StorableText.isStorable("del\u007f"));
        assertFalse(StorableText.isStorable("half \ud83d"));
        assertFalse(StorableText.isStorable("\ude00 other half"));
    }
}
