package org.spinepathway.security.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spinepathway.platform.control.LogSafe;

/**
 * The password strength rule, said the same way everywhere: at least 12 characters, at most 128,
 * with letters and at least one number or symbol, and not containing the username. Length matters
 * more than symbols (NIST SP 800-63B), so the rule asks for length first.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final String RULE = "Use 12 to 128 characters, with letters and at least one number or symbol,"
            + " and not your username or email.";

    private PasswordRules() {
    }

    /** What is wrong with the password, in words for the user; empty when it is acceptable. */
    public static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Enter a password. " + RULE);
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("The password is too short (" + length + " characters). " + RULE);
        } else if (length > MAX_LENGTH) {
            problems.add("The password is too long (" + length + " characters). " + RULE);
        }
        if (LogSafe.hasControlCharacters(password)) {
            // Never typed, only injected; sign-in refuses credentials that hold them.
            problems.add("The password must not contain control characters such as tabs or line breaks. " + RULE);
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            problems.add("Mix letters with at least one number or symbol. " + RULE);
        }
        if (username != null && !username.isBlank()) {
            String lowerPassword = password.toLowerCase(Locale.ROOT);
            String lowerUser = username.strip().toLowerCase(Locale.ROOT);
            String localPart = lowerUser.contains("@") ? lowerUser.substring(0, lowerUser.indexOf('@')) : lowerUser;
            if (lowerPassword.contains(lowerUser) || (localPart.length() >= 4 && lowerPassword.contains(localPart))) {
                problems.add("The password must not contain your username or email. " + RULE);
            }
        }
        return problems;
    }
}
