package org.spinepathway.platform.control;

/**
 * No such record, or none the caller may see: the two are answered alike (404) so that ids of
 * other patients' records reveal nothing.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
