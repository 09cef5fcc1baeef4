package org.spinepathway.platform.control;

/**
 * Text a clinical record can keep: no control characters other than tab and line breaks (PostgreSQL
 * cannot store U+0000 at all, and the others are never typed, only injected) and no half of an
 * emoji (a lone UTF-16 surrogate). Everything else, markup and emoji included, is text like any
 * other; pages escape it when they show it.
 */
public final class StorableText {

    public static final String MESSAGE = "This text contains control characters that cannot be stored; please remove them.";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
