/**
 * Who is asking: login accounts with one role each ({@code PATIENT}, {@code PHYSIO},
 * {@code PHYSICIAN}, {@code ADMIN}), the database identity store behind Jakarta Security, form
 * sign-in, and the first administrator created from configuration.
 */
package org.spinepathway.security;
