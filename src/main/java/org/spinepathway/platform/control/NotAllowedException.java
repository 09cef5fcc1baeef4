package org.spinepathway.platform.control;

/**
 * The caller's role may see the record but not make this change (a physician editing a
 * physiotherapist's plan, say). Pages show the message; the JSON API answers 403.
 */
public class NotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}
