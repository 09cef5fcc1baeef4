package org.spinepathway.care.entity;

/** Which side the symptoms are on; {@code BOTH} also covers pain in the middle. */
public enum Side {
    LEFT,
    RIGHT,
    BOTH
}
