package org.spinepathway.security.web;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.security.boundary.PasswordReset;
import org.spinepathway.security.control.PasswordRules;

/**
 * {@code /reset-password.xhtml?token=...}: the page a reset link opens. Opening it changes nothing;
 * the form sets the new password, once.
 */
@Named
@RequestScoped
public class PasswordResetPage {

    private static final Map<String, String> INPUTS = Map.of(
            "newPassword", "reset:newPassword",
            "newPasswordRepeated", "reset:newPasswordRepeated");

    @Inject
    PasswordReset passwordReset;

    @Inject
    FacesContext facesContext;

    private String token;
    private String newPassword;
    private String newPasswordRepeated;
    private PasswordReset.Outcome result;
    private Boolean usable;

    public void reset() {
        try {
            result = passwordReset.reset(token, newPassword, newPasswordRepeated);
        } catch (InvalidInputException invalid) {
            FieldMessages.show(facesContext, invalid, INPUTS);
        } finally {
            newPassword = null;
            newPasswordRepeated = null;
        }
    }

    /**
     * Whether to show the form: on opening the link, when the link can still set a password (looked
     * up once); on sending it, until the password is set (the form must be there to be read, the
     * link is checked again when it is used).
     */
    public boolean isFormShown() {
        return result == null && (facesContext.isPostback() || isUsable());
    }

    /** Whether to say the link cannot be used: it was found so on opening it, or on using it. */
    public boolean isNotValid() {
        return result == PasswordReset.Outcome.NOT_VALID || (result == null && !facesContext.isPostback() && !isUsable());
    }

    public boolean isDone() {
        return result == PasswordReset.Outcome.RESET;
    }

    private boolean isUsable() {
        if (usable == null) {
            usable = passwordReset.isUsable(token);
        }
        return usable;
    }

    public String getPasswordRule() {
        return PasswordRules.RULE;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordRepeated() {
        return newPasswordRepeated;
    }

    public void setNewPasswordRepeated(String newPasswordRepeated) {
        this.newPasswordRepeated = newPasswordRepeated;
    }
}
