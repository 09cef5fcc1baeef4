package org.spinepathway.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Configuration defaults live in one place, {@code META-INF/microprofile-config.properties}: no
 * {@code @ConfigProperty} carries a default of its own, and every key the code reads has its line
 * there (empty for a setting that is off unless given).
 */
class ConfigurationDefaultsTest {

    private static final Pattern INJECTED = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"([^)]*)\\)");
    private static final Pattern LOOKED_UP = Pattern.compile("get(?:Optional)?Value\\(\"(clinic\\.[^\"]+)\"");

    @Test
    void everyKeyTheCodeReads_shouldHaveItsDefaultInThePropertiesFile_andNoneInTheCode() throws IOException {
        Properties packaged = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            packaged.load(in);
        }
        TreeSet<String> withoutDefault = new TreeSet<>();
        TreeSet<String> defaultInCode = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher injected = INJECTED.matcher(text);
                while (injected.find()) {
                    if (injected.group(2).contains("defaultValue")) {
                        defaultInCode.add(injected.group(1) + " in " + source.getFileName());
                    }
                    if (!packaged.containsKey(injected.group(1))) {
                        withoutDefault.add(injected.group(1));
                    }
                }
                Matcher lookedUp = LOOKED_UP.matcher(text);
                while (lookedUp.find()) {
                    if (!packaged.containsKey(lookedUp.group(1))) {
                        withoutDefault.add(lookedUp.group(1));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), defaultInCode, "defaults written in the code");
        assertEquals(new TreeSet<>(), withoutDefault, "keys without a line in microprofile-config.properties");
    }
}
