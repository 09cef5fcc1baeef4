package org.spinepathway.patient.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.spinepathway.patient.boundary.NewPatient;
import org.spinepathway.patient.boundary.PatientRegistration;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Sex;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.ClientLimits;
import org.spinepathway.security.control.PasswordRules;

/**
 * {@code /register.xhtml}: a patient creates their own account, then is asked to check their
 * e-mail and sign in; the answer is the same when the address already has an account. Request scoped:
 * the whole form arrives in one request, and a stranger's page keeps nothing on the server.
 */
@Named
@RequestScoped
public class RegistrationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> INPUTS = Map.of(
            "person.givenName", "registration:givenName",
            "person.familyName", "registration:familyName",
            "person.birthDate", "registration:birthDate",
            "person.sex", "registration:sex",
            "person.email", "registration:email",
            "person.phone", "registration:phone",
            "password", "registration:password",
            "passwordRepeated", "registration:passwordRepeated");

    @Inject
    PatientService patients;

    @Inject
    ClientLimits limits;

    @Inject
    Clock clock;

    private String givenName;
    private String familyName;
    private LocalDate birthDate;
    private Sex sex;
    private String email;
    private String phone;
    private String password;
    private String passwordRepeated;

    public void register() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        OptionalLong wait = limits.attempt(ClientLimits.Limit.REGISTRATIONS, (HttpServletRequest) external.getRequest());
        if (wait.isPresent()) {
            external.setResponseStatus(429);
            ((HttpServletResponse) external.getResponse()).setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.format(context, "register.rateLimited", (wait.getAsLong() + 59) / 60), null));
            return;
        }
        try {
            patients.register(new PatientRegistration(
                    new NewPatient(givenName, familyName, birthDate, sex == null ? null : sex.name(), email, phone, null),
                    password, passwordRepeated));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, INPUTS);
            return;
        } catch (ConflictException conflict) {
            FieldMessages.show(context, conflict, INPUTS);
            return;
        }
        // The same answer whether the address was new or already had an account: the e-mail says which.
        external.redirect(external.getRequestContextPath() + "/registered.xhtml");
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public String getPasswordRule() {
        return PasswordRules.RULE;
    }

    public LocalDate getToday() {
        return LocalDate.now(clock);
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeated() {
        return passwordRepeated;
    }

    public void setPasswordRepeated(String passwordRepeated) {
        this.passwordRepeated = passwordRepeated;
    }
}
