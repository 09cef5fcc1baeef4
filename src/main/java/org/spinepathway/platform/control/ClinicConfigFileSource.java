package org.spinepathway.platform.control;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The per-environment file from {@code config/}, named by the environment variable
 * {@code CLINIC_CONFIG_FILE} (or the system property {@code clinic.config.file}).
 * <p>
 * Its ordinal, 250, puts it above the defaults packaged in the WAR (100) and below environment
 * variables (300) and system properties (400): an environment's file sets its usual values, and a
 * variable such as {@code CLINIC_DB_URL} still overrides them. A named file that does not exist
 * stops the start-up rather than silently running on defaults.
 */
public class ClinicConfigFileSource implements ConfigSource {

    public static final String FILE_VARIABLE = "CLINIC_CONFIG_FILE";
    public static final String FILE_PROPERTY = "clinic.config.file";
    public static final int ORDINAL = 250;

    private final Map<String, String> properties;
    private final String name;

    /** Used by MicroProfile Config's service loader. */
    public ClinicConfigFileSource() {
        this(System.getProperty(FILE_PROPERTY, System.getenv(FILE_VARIABLE)));
    }

    ClinicConfigFileSource(String file) {
        if (file == null || file.isBlank()) {
            properties = Map.of();
            name = "clinic config file (none)";
        } else {
            properties = load(Path.of(file));
            name = "clinic config file " + file;
        }
    }

    private static Map<String, String> load(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + file.toAbsolutePath()
                    + " named by " + FILE_VARIABLE, e);
        }
        Map<String, String> values = new TreeMap<>();
        loaded.stringPropertyNames().forEach(key -> values.put(key, loaded.getProperty(key).trim()));
        return Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
