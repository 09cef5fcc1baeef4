package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void text_shouldWriteLineBreaksAndControlCharactersAsVisibleEscapes() {
        assertEquals("admin\\r\\n[forged] line", LogSafe.text("admin\r\n[forged] line"));
        assertEquals("admin\\u0000x\\t\\u001b[31m\\u2028", LogSafe.text("admin\u0000x\t\u001b[31m\u2028"));
        assertEquals("\\u0085\\u007f", LogSafe.text("\u0085\u007f"));
    }

    @Test
    void text_shouldLeavePlainTextMarkupAndEmojiAlone() {
        String plain = "pat.physio <b>Zoë</b> 😀 /api/v1/episodes/7";
        assertSame(plain, LogSafe.text(plain));
        assertEquals("null", LogSafe.text(null));
    }

    @Test
    void hasControlCharacters_shouldFindEveryOneThatCouldForgeALine() {
        assertTrue(LogSafe.hasControlCharacters("admin\u0000x"));
        assertTrue(LogSafe.hasControlCharacters("admin\r\n[forged] line"));
        assertTrue(LogSafe.hasControlCharacters("pw\u2029".toCharArray()));
        assertFalse(LogSafe.hasControlCharacters("Zoë.O'Neil@example.org"));
        assertFalse(LogSafe.hasControlCharacters((String) null));
    }

    @Test
    void throwable_shouldPrintTheSameTraceWithEveryMessageEscaped() {
        Exception original = new IllegalStateException("sign-in of admin\r\n[forged] line",
                new SQLException("invalid byte sequence 0x00 in admin\u0000\n[forged] cause"));
        StringWriter printed = new StringWriter();
        LogSafe.throwable(original).printStackTrace(new PrintWriter(printed));
        String log = printed.toString();
        assertTrue(log.startsWith("java.lang.IllegalStateException: sign-in of admin\\r\\n[forged] line"), log);
        assertTrue(log.contains("Caused by: java.sql.SQLException: invalid byte sequence 0x00 in admin\\u0000\\n[forged] cause"), log);
        assertTrue(log.contains("LogSafeTest.throwable_shouldPrintTheSameTraceWithEveryMessageEscaped"), "the frames are kept: " + log);
        assertFalse(log.lines().anyMatch(l -> l.startsWith("[forged]")), log);
    }
}
