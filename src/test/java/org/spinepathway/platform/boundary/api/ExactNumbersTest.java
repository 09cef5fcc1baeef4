package org.spinepathway.platform.boundary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinepathway.platform.control.FieldError;

/** The API's JSON-B, as Payara's Yasson reads with it: integers exactly, and the failing field named. */
class ExactNumbersTest {

    public record Motor(String side, Integer grade) {
    }

    public record Disability(String instrument, List<Integer> answers) {
    }

    public record Body(Integer painNow, Long id, Disability disability, List<Motor> motor, String notes, JsonObject details) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create(ExactNumbers.config());

    private static Body read(String json) {
        return JSONB.fromJson(json, Body.class);
    }

    private static FieldError refusal(String json) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> read(json), json);
        return ApiExceptionMappers.unreadableError(e);
    }

    @Test
    void integersWrittenExactly_areReadAsWritten_nullsIncluded() {
        Body body = read("""
                {"painNow":7,"id":9223372036854775807,"disability":{"answers":[0,null,5,-0]},"motor":[{"grade":4}],"notes":"7.5"}""");
        assertEquals(7, body.painNow());
        assertEquals(Long.MAX_VALUE, body.id());
        assertEquals(java.util.Arrays.asList(0, null, 5, 0), body.disability().answers());
        assertEquals(4, body.motor().get(0).grade());
        assertNull(read("{\"painNow\":null}").painNow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "7.0", "2.9", "1e2", "1E0", "1e308", "2147483648", "4294967303", "9223372036854775808", "-9223372036854775809",
            "\"7\"", "true", "[7]", "{}"})
    void anIntField_refusesAnythingButAnIntegerWrittenExactly_namingTheField(String value) {
        FieldError error = refusal("{\"painNow\":" + value + "}");
        assertEquals("painNow", error.field(), value);
        assertEquals(ExactNumbers.MESSAGE, error.message(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "1.5", "1e3", "\"1\""})
    void aLongField_refusesWhatDoesNotFitOrIsNotAnInteger(String value) {
        assertEquals("id", refusal("{\"id\":" + value + "}").field(), value);
    }

    @Test
    void anIntegerInAListOrANestedObject_isNamedByItsPath() {
        assertEquals(new FieldError("disability.answers", ExactNumbers.MESSAGE), refusal("{\"disability\":{\"answers\":[1,2.9,1,1,1,1,1,1,1,1]}}"));
        assertEquals(new FieldError("motor.grade", ExactNumbers.MESSAGE), refusal("{\"motor\":[{\"side\":\"LEFT\",\"grade\":1e308}]}"));
    }

    @Test
    void anObjectTakenAsSent_keepsItsIntegersAsWritten_andRefusesOtherNumbers_namingTheMember() {
        JsonObject details = read("{\"details\":{\"sessions\":3,\"technique\":\"HVLA\",\"given\":true,\"none\":null,"
                + "\"levels\":[{\"n\":-0}],\"big\":9223372036854775807}}").details();
        assertEquals("{\"sessions\":3,\"technique\":\"HVLA\",\"given\":true,\"none\":null,\"levels\":[{\"n\":0}],\"big\":9223372036854775807}",
                details.toString());
        for (String value : List.of("3e0", "3.0", "2.5", "18446744073709551619")) {
            assertEquals(new FieldError("details.sessions", ExactNumbers.MESSAGE), refusal("{\"details\":{\"technique\":\"x\",\"sessions\":" + value + "}}"), value);
        }
        assertEquals("details.levels", refusal("{\"details\":{\"levels\":[1,1.5]}}").field());
    }

    public record Plan(List<Intervention> interventions) {
    }

    public record Intervention(String type, JsonObject details) {
    }

    @Test
    void aNumberThreeLevelsDown_isNamedOnceByItsWholePath() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> JSONB.fromJson(
                "{\"interventions\":[{\"type\":\"PHYSICAL_THERAPY\",\"details\":{\"sessionsPerWeek\":2.5}}]}", Plan.class));
        assertEquals("interventions.details.sessionsPerWeek", ApiExceptionMappers.unreadableError(e).field());
    }

    /**
     * JSON-B takes the exact readers only for {@code Integer} and {@code Long}: a primitive, a
     * floating or a narrower number in a request body would be read leniently again. Every body of
     * every resource method that takes one (a parameter without annotations), down to its nested
     * records, lists and maps, is held to boxed integers.
     */
    @Test
    void everyApiBody_declaresItsNumbersAsIntegerOrLong() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> lenient = new ArrayList<>();
        int bodies = 0;
        for (Class<?> resource : applicationClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(POST.class) && !method.isAnnotationPresent(PUT.class)) {
                    continue;
                }
                for (var parameter : method.getParameters()) {
                    if (parameter.getAnnotations().length == 0) {
                        bodies++;
                        check(parameter.getParameterizedType(), resource.getSimpleName() + "." + method.getName(), lenient, new HashSet<>());
                    }
                }
            }
        }
        assertTrue(bodies >= 10, "the request bodies were found: " + bodies);
        assertTrue(lenient.isEmpty(), "numbers JSON-B would read leniently: " + lenient);
    }

    private static void check(Type type, String where, List<String> lenient, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, where, lenient, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (c.isPrimitive() && c != boolean.class || Number.class.isAssignableFrom(c) && c != Integer.class && c != Long.class) {
            lenient.add(where + ": " + c.getSimpleName());
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                check(component.getGenericType(), where + "." + component.getName(), lenient, seen);
            }
        }
    }

    private static List<Class<?>> applicationClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ExactNumbers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.class") || f.toString().endsWith("Resources.class")
                    || f.toString().contains("Resources$")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, ExactNumbersTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
