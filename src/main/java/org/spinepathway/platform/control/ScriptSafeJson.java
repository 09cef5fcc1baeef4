package org.spinepathway.platform.control;

/**
 * JSON made safe to write inside a page's {@code <script>}: {@code <}, {@code >} and {@code &}
 * become {@code \u003c}, {@code \u003e} and {@code \u0026}, so no text in the data can close the
 * script ({@code </script>}) or open a comment ({@code <!--}); U+2028 and U+2029 become
 * {@code \u2028} and {@code \u2029}, which older JavaScript engines read as line ends.
 * <p>
 * In valid JSON these characters occur only inside strings, where the escape means the same
 * character, so the data a script reads is unchanged. Applying it twice changes nothing more.
 */
public final class ScriptSafeJson {

    private ScriptSafeJson() {
    }

    public static String escape(String json) {
        if (json == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String replacement = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? json : out.toString();
    }
}
