package org.spinepathway.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

import org.spinepathway.security.entity.Role;

/**
 * The application's roles. Authentication is {@link ClinicAuthenticationMechanism}, which checks
 * passwords through {@link SignInService}; which role may reach which URL is declared in {@code web.xml} and
 * on the REST resources, and every pair is tested by {@code AccessMatrixIT}.
 */
@ApplicationScoped
@DeclareRoles({Role.PATIENT_NAME, Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
public class SecurityConfiguration {
}
