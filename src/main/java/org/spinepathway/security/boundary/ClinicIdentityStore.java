package org.spinepathway.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The one identity store behind the sign-in form and the API's Basic authentication. It replaces
 * Jakarta Security's built-in database store because sign-in must also count failures, lock
 * accounts and audit every attempt.
 */
@ApplicationScoped
public class ClinicIdentityStore implements IdentityStore {

    @Inject
    SignInService signIn;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential usernamePassword) {
            return signIn.verify(usernamePassword.getCaller(), usernamePassword.getPassword().getValue());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}
