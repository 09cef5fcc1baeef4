package org.spinepathway.platform.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

/**
 * What JSON-B lets through but a clinical record must not take: a field named twice in one object
 * ({@code {"painNow":2,"painNow":9}}, where JSON-B silently keeps the last value), anything after
 * the JSON value ({@code {}{}}, {@code {"painNow":2} trailing}) and text that cannot be stored
 * ({@link StorableText}).
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The body's first such problem as a field error (the field as a dotted path), or empty if it is clean. */
    public static Optional<FieldError> firstProblem(byte[] json) {
        // One entry per open object or array: the object's names so far (an empty set for an array) ...
        Deque<Set<String>> names = new ArrayDeque<>();
        // ... and where in it the parser is: the current name, or "[]" inside an array.
        Deque<String> path = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> {
                        names.push(new HashSet<>());
                        path.push("");
                    }
                    case START_ARRAY -> {
                        names.push(Set.of());
                        path.push("[]");
                    }
                    case KEY_NAME -> {
                        String name = parser.getString();
                        path.pop();
                        path.push(name);
                        if (!names.peek().add(name)) {
                            return Optional.of(new FieldError(dotted(path), "This field is given more than once; send it once."));
                        }
                    }
                    case VALUE_STRING -> {
                        if (!StorableText.isStorable(parser.getString())) {
                            return Optional.of(new FieldError(dotted(path), StorableText.MESSAGE));
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        names.pop();
                        path.pop();
                    }
                    default -> {
                        // Values need no bookkeeping.
                    }
                }
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException notJson) {
            return Optional.of(new FieldError(null, "The body is not valid JSON for this call."));
        }
        return Optional.empty();
    }

    private static String dotted(Deque<String> path) {
        StringBuilder dotted = new StringBuilder();
        for (Iterator<String> outermostFirst = path.descendingIterator(); outermostFirst.hasNext(); ) {
            String step = outermostFirst.next();
            if (step.equals("[]")) {
                dotted.append(step);
            } else if (!step.isEmpty()) {
                dotted.append(dotted.isEmpty() ? "" : ".").append(step);
            }
        }
        return dotted.toString();
    }
}
