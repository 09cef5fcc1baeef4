package org.spinepathway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.spinepathway.escalation.control.EscalationThresholds;

/**
 * The configuration defaults the WAR ships ({@code META-INF/microprofile-config.properties}, the one
 * place they are written), for unit tests and tools that run the rules without a server.
 */
public final class PackagedSettings {

    private static final Properties PACKAGED = load();

    private PackagedSettings() {
    }

    /** A key's packaged default, or null. */
    public static String get(String name) {
        return PACKAGED.getProperty(name);
    }

    /** The escalation thresholds as shipped: escalation-rules.md's published values. */
    public static EscalationThresholds thresholds() {
        return EscalationThresholds.from(PACKAGED::getProperty);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = PackagedSettings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/microprofile-config.properties is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
