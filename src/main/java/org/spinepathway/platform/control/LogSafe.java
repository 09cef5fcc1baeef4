package org.spinepathway.platform.control;

/**
 * Text from a request made safe for the server log: line breaks and every other control character
 * (and the Unicode line and paragraph separators) written as visible escapes ({@code \r},
 * {@code \n}, {@code \u0000}), so what a caller sends can never start a line of its own and pass
 * for one the server wrote (OWASP ASVS 7.3.1). Every log statement that includes a username, path,
 * header, exception message or other text from outside goes through here.
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = needsEscape(c) ? escape(c) : null;
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the text holds a control character (tab and line breaks included): never part of a username or password. */
    public static boolean hasControlCharacters(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasControlCharacters(char[] text) {
        return text != null && hasControlCharacters(java.nio.CharBuffer.wrap(text));
    }

    /**
     * An exception to log with its stack trace: the same class names, frames and causes, with every
     * message escaped (messages of database and parsing errors quote what the caller sent).
     */
    public static Throwable throwable(Throwable original) {
        return original == null ? null : new Escaped(original, 0);
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static String escape(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    /** A stand-in that prints as the original, escaped; causes are copied to a bounded depth. */
    private static final class Escaped extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String shown;

        Escaped(Throwable original, int depth) {
            super(text(original.getMessage()), original.getCause() == null || depth > 20 ? null : new Escaped(original.getCause(), depth + 1));
            String message = original.getLocalizedMessage();
            shown = original.getClass().getName() + (message == null ? "" : ": " + text(message));
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return shown;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
