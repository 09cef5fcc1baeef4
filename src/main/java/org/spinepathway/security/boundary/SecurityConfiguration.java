package org.spinepathway.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.spinepathway.platform.boundary.DatabaseMigration;
import org.spinepathway.security.control.PasswordHashing;
import org.spinepathway.security.entity.Role;

/**
 * Jakarta Security set-up: accounts live in {@code user_account}, passwords are PBKDF2 hashes,
 * the account's role is its only group, and web pages sign in through {@code /login.xhtml}.
 * A disabled account cannot sign in because the queries only see enabled accounts.
 */
@ApplicationScoped
@DeclareRoles({Role.PATIENT_NAME, Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = DatabaseMigration.DATASOURCE,
        callerQuery = "SELECT password_hash FROM user_account WHERE username = lower(?) AND enabled",
        groupsQuery = "SELECT role FROM user_account WHERE username = lower(?) AND enabled",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                PasswordHashing.ALGORITHM, PasswordHashing.ITERATIONS, PasswordHashing.SALT_SIZE, PasswordHashing.KEY_SIZE
        })
public class SecurityConfiguration {
}
