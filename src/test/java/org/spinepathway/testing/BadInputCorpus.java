package org.spinepathway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

/**
 * The hostile and malformed values of {@code src/test/resources/resilience/bad-input-corpus.json}:
 * text for any field, raw JSON tokens, whole bodies that are not a request, wrong content types.
 */
public record BadInputCorpus(List<String> text, List<String> literals, List<String> bodies, List<String> contentTypes) {

    private static final String HUNDRED_KB = "{{100kB}}";

    public static BadInputCorpus load() {
        try (InputStream in = BadInputCorpus.class.getResourceAsStream("/resilience/bad-input-corpus.json");
             JsonReader reader = Json.createReader(in)) {
            JsonObject corpus = reader.readObject();
            return new BadInputCorpus(strings(corpus, "text"), strings(corpus, "literals"), strings(corpus, "bodies"), strings(corpus, "contentTypes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonObject corpus, String name) {
        return corpus.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .map(s -> s.equals(HUNDRED_KB) ? "A".repeat(50_000) + "\u00e9".repeat(25_000) : s)
                .toList();
    }

    /** A few values for fields that only offer choices: markup, injection, huge, control characters, out of range, empty. */
    public List<String> forChoices() {
        return text.stream().filter(v -> v.startsWith("<script") || v.startsWith("' OR") || v.length() > 10_000
                || v.startsWith("x\u0000") || v.equals("-1") || v.equals("999999999999999999999") || v.isEmpty() || v.startsWith("\ud83d")).toList();
    }

    /** Whether a value would run or change the page if it were written into HTML unescaped. */
    public static boolean isMarkup(String value) {
        return value.contains("<") || value.contains("\">");
    }
}
