package org.spinepathway.platform.control;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The clinic's words for its codes (rules, priorities, statuses, record types, red-flag questions),
 * read from the application's message bundle outside a page: in audit details, letters, e-mails and
 * exports a person reads. Pages read the same bundle as {@code msg}.
 */
public final class ClinicWords {

    /** The application's message bundle. */
    public static final String BUNDLE = "org.spinepathway.platform.web.messages";

    private ClinicWords() {
    }

    /** The words for {@code key}; the key itself only if the bundle lacks it (a test keeps every code worded). */
    public static String of(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString(key);
        } catch (MissingResourceException unworded) {
            return key;
        }
    }

    /** The words for a code of an enum, under {@code prefix + "." + name}. */
    public static String of(String prefix, Enum<?> code) {
        return of(prefix + "." + code.name());
    }
}
