package org.spinepathway.security.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.platform.web.PagedModel;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.NewStaffAccount;
import org.spinepathway.security.boundary.PasswordReset;
import org.spinepathway.security.boundary.SecondFactor;
import org.spinepathway.security.control.PasswordRules;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/** {@code /admin/accounts.xhtml}: the clinic's staff accounts, paged in the database; create, disable, enable. */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> INPUTS = Map.of(
            "username", "newAccount:username",
            "displayName", "newAccount:displayName",
            "email", "newAccount:email",
            "role", "newAccount:role",
            "password", "newAccount:password",
            "passwordRepeated", "newAccount:password");

    @Inject
    AccountService accountService;

    @Inject
    PasswordReset passwordReset;

    @Inject
    SecondFactor secondFactor;

    private final LazyDataModel<UserAccount> staff = new PagedModel<>(
            () -> accountService.countStaff(),
            (first, max) -> accountService.staffPage(first, max));

    private String username;
    private String displayName;
    private String email;
    private Role role = Role.PHYSIO;
    private String password;
    private String issuedLink;
    private String issuedFor;

    public void create() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            UserAccount created = accountService.createStaff(new NewStaffAccount(username, password, role == null ? null : role.name(), displayName,
                    email == null || email.isBlank() ? null : email));
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO,
                    Messages.text(context, "accounts.created.message").replace("{0}", created.getUsername()));
            username = null;
            displayName = null;
            email = null;
            role = Role.PHYSIO;
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, INPUTS);
        } catch (ConflictException conflict) {
            FieldMessages.show(context, conflict, INPUTS);
        } finally {
            password = null;
        }
    }

    public void setEnabled(long accountId, boolean enabled) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            UserAccount account = accountService.setEnabled(accountId, enabled);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context,
                    enabled ? "accounts.enabled.message" : "accounts.disabled.message").replace("{0}", account.getUsername()));
        } catch (ConflictException conflict) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, conflict.getMessage());
        }
    }

    /**
     * Issues a one-time link for a staff member to choose a new password, shown once to the
     * administrator to hand over; the administrator never sees or sets the password.
     */
    public void issuePasswordLink(long accountId) {
        FacesContext context = FacesContext.getCurrentInstance();
        issuedLink = null;
        issuedFor = null;
        try {
            issuedLink = passwordReset.issueForStaff(accountId);
            issuedFor = accountService.find(accountId).map(UserAccount::getDisplayName).orElse(null);
        } catch (ConflictException | NotFoundException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    /** A staff member lost their phone: their second factor goes, their sessions end, and they enrol again at their next sign-in. */
    public void resetSecondFactor(long accountId) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            UserAccount account = secondFactor.reset(accountId);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO,
                    Messages.format(context, "accounts.secondFactorReset.message", account.getDisplayName()));
        } catch (ConflictException | NotFoundException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    /** Marks a staff account as a system's account for the JSON API, or takes the mark away. */
    public void setIntegration(long accountId, boolean integration) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            UserAccount account = secondFactor.setIntegration(accountId, integration);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.format(context,
                    integration ? "accounts.integration.marked" : "accounts.integration.unmarked", account.getUsername()));
        } catch (ConflictException | NotFoundException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    public String getIssuedLink() {
        return issuedLink;
    }

    public String getIssuedFor() {
        return issuedFor;
    }

    public int getStaffLinkHours() {
        return passwordReset.getStaffLinkHours();
    }

    public List<Role> getStaffRoles() {
        return List.of(Role.PHYSIO, Role.PHYSICIAN, Role.ADMIN);
    }

    public String getPasswordRule() {
        return PasswordRules.RULE;
    }

    public LazyDataModel<UserAccount> getStaff() {
        return staff;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
