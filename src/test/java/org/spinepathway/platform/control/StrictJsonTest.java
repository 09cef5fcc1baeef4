package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static Optional<FieldError> problem(String json) {
        return StrictJson.firstProblem(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFieldGivenTwice_isNamedWithItsPath() {
        assertEquals("painNow", problem("{\"painNow\":2,\"painWorst\":5,\"painNow\":9}").orElseThrow().field());
        assertEquals("symptoms.onsetDate", problem("{\"painNow\":2,\"symptoms\":{\"onsetDate\":\"2026-01-01\",\"onsetDate\":null}}").orElseThrow().field());
        assertEquals("motor[].grade", problem("{\"motor\":[{\"myotome\":\"L5\",\"grade\":4,\"grade\":5}]}").orElseThrow().field());
        assertTrue(problem("{\"a\":1,\"a\":1}").orElseThrow().message().contains("more than once"));
    }

    @Test
    void theSameNameInDifferentObjects_isNotADuplicate() {
        assertEquals(Optional.empty(), problem("{\"motor\":[{\"side\":\"LEFT\",\"grade\":4},{\"side\":\"RIGHT\",\"grade\":5}],\"side\":\"BOTH\"}"));
        assertEquals(Optional.empty(), problem("{\"a\":{\"b\":{\"c\":1}},\"b\":{\"c\":2},\"c\":[1,1,1]}"));
    }

    @Test
    void malformedOrTrailingContent_isNotValidJson() {
        for (String bad : new String[] {"{\"painNow\":", "<xml/>", "{}{}", "{\"a\":1} trailing", "{\"a\":1,}", "{'a':1}"}) {
            FieldError error = problem(bad).orElseThrow(() -> new AssertionError(bad));
            assertNull(error.field(), bad);
            assertEquals("The body is not valid JSON for this call.", error.message(), bad);
        }
    }

    @Test
    void textThatCannotBeStored_isNamedWithItsPath() {
        FieldError error = problem("{\"notes\":\"x\\u0000y\"}").orElseThrow();
        assertEquals("notes", error.field());
        assertEquals(StorableText.MESSAGE, error.message());
        assertEquals("medications[]", problem("{\"medications\":[\"NSAID\",\"\\u001b[31m\"]}").orElseThrow().field());
    }

    @Test
    void cleanBodies_haveNoProblem() {
        assertEquals(Optional.empty(), problem("{\"painNow\":2,\"notes\":\"<b>bold</b>\\u00e9\",\"answers\":[1,null,3]}"));
        assertEquals(Optional.empty(), problem("[]"));
        assertEquals(Optional.empty(), problem("null"));
    }
}
