package org.spinepathway.security.web;

import java.io.Serializable;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.security.control.PasswordRules;

/** {@code /account/password.xhtml}: any signed-in user changes their own password. */
@Named
@ViewScoped
public class ChangePasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> INPUTS = Map.of(
            "currentPassword", "password:currentPassword",
            "newPassword", "password:newPassword",
            "newPasswordRepeated", "password:newPasswordRepeated");

    @Inject
    AccountService accounts;

    @Inject
    ClinicAuthenticationMechanism mechanism;

    private String currentPassword;
    private String newPassword;
    private String newPasswordRepeated;

    public void change() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            accounts.changeOwnPassword(currentPassword == null ? new char[0] : currentPassword.toCharArray(), newPassword, newPasswordRepeated);
            mechanism.renewSessionStamp((HttpServletRequest) context.getExternalContext().getRequest());
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "password.changed"));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, INPUTS);
        } finally {
            currentPassword = null;
            newPassword = null;
            newPasswordRepeated = null;
        }
    }

    public String getPasswordRule() {
        return PasswordRules.RULE;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
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
