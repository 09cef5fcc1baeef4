package org.spinepathway.care.entity;

/** Where along the spine the complaint is. */
public enum SpineRegion {
    CERVICAL,
    THORACIC,
    LUMBAR
}
