package org.spinepathway.platform.control;

/** A problem with one input field, said for the person who typed it. {@code field} is null for the whole input. */
public record FieldError(String field, String message) {
}
