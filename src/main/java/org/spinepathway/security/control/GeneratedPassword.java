package org.spinepathway.security.control;

import java.security.SecureRandom;

/**
 * A random password for the first administrator when none is configured. The alphabet leaves out
 * characters that are easy to misread when copied from a console (0/O, 1/l/I).
 */
public final class GeneratedPassword {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public static final int LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    public static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
