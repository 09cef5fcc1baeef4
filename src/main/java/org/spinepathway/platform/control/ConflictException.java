package org.spinepathway.platform.control;

/**
 * The change cannot be made in the record's current state: someone else changed it first, or it
 * would duplicate what exists. The JSON API answers 409.
 */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
