package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ScriptSafeJsonTest {

    private static final String PLANTED = "</script><meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\"><b id=\"planted\">x</b>"
            + " & <!-- \u2028\u2029";

    @Test
    void escape_shouldLeaveNothingThatEndsAScriptOrALine() {
        String json = Json.createObjectBuilder().add("label", PLANTED).build().toString();
        String safe = ScriptSafeJson.escape(json);
        assertFalse(safe.contains("<"), safe);
        assertFalse(safe.contains(">"), safe);
        assertFalse(safe.contains("&"), safe);
        assertFalse(safe.contains("\u2028") || safe.contains("\u2029"), safe);
        assertTrue(safe.startsWith("{\"label\":\"\\u003c/script\\u003e\\u003cmeta"), safe);
    }

    @Test
    void escape_shouldKeepTheDataTheScriptReads() {
        String safe = ScriptSafeJson.escape(Json.createObjectBuilder().add("label", PLANTED).add("n", 3).build().toString());
        JsonObject read = Json.createReader(new StringReader(safe)).readObject();
        assertEquals(PLANTED, read.getString("label"));
        assertEquals(3, read.getInt("n"));
    }

    @Test
    void escape_shouldChangeNothingTwiceOrWhenThereIsNothingToEscape() {
        String plain = "{\"label\":\"Heat 20 min\"}";
        assertSame(plain, ScriptSafeJson.escape(plain));
        String once = ScriptSafeJson.escape("{\"a\":\"<b>\"}");
        assertEquals(once, ScriptSafeJson.escape(once));
        assertNull(ScriptSafeJson.escape(null));
    }
}
