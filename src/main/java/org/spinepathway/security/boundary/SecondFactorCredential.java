package org.spinepathway.security.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * The code typed on the sign-in page's second step: a one-time code from the authenticator app or a
 * recovery code. It completes the sign-in whose password this browser's session has just proved.
 */
public final class SecondFactorCredential implements Credential {

    private final String code;

    public SecondFactorCredential(String code) {
        this.code = code == null ? "" : code;
    }

    public String code() {
        return code;
    }

    @Override
    public void clear() {
        // A one-time code is worth nothing once it is taken or refused.
    }
}
