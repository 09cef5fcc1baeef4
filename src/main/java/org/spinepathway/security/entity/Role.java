package org.spinepathway.security.entity;

/** The four kinds of user; each account has exactly one. Names are the Jakarta Security groups. */
public enum Role {
    PATIENT,
    PHYSIO,
    PHYSICIAN,
    ADMIN;

    public static final String PATIENT_NAME = "PATIENT";
    public static final String PHYSIO_NAME = "PHYSIO";
    public static final String PHYSICIAN_NAME = "PHYSICIAN";
    public static final String ADMIN_NAME = "ADMIN";
}
