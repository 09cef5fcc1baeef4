package org.spinepathway.security.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.security.boundary.SecondFactor;

/**
 * {@code /account/second-factor.xhtml}: the signed-in user's two-step sign-in. Enrol an
 * authenticator app by its QR code (or its key typed by hand) and its first code, and see the ten
 * recovery codes once; enrol again on a new phone; turn it off where the role allows. An account
 * whose role requires a second factor is sent here from every page until it has one.
 */
@Named
@ViewScoped
public class SecondFactorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecondFactor secondFactor;

    @Inject
    ClinicAuthenticationMechanism mechanism;

    @Inject
    Clock clock;

    private SecondFactor.Status status;
    private SecondFactor.Enrolment offered;
    private List<String> recoveryCodes;
    private String code;
    private String offCode;

    @PostConstruct
    void load() {
        status = secondFactor.status();
        if (!status.enrolled()) {
            offered = secondFactor.offer();
        }
    }

    /** Offers a new secret to enrol on another app or phone; the current one works until the new one is confirmed. */
    public void startAgain() {
        offered = secondFactor.offer();
        recoveryCodes = null;
    }

    public void cancel() {
        offered = null;
    }

    public void enrol() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            recoveryCodes = secondFactor.enrol(offered, code);
            offered = null;
            mechanism.renewSessionStamp((HttpServletRequest) context.getExternalContext().getRequest());
            status = secondFactor.status();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, Map.of("code", "enrol:code"));
        } finally {
            code = null;
        }
    }

    public void turnOff() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            secondFactor.turnOff(offCode);
            mechanism.renewSessionStamp((HttpServletRequest) context.getExternalContext().getRequest());
            status = secondFactor.status();
            offered = secondFactor.offer();
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "secondFactor.turnedOff"));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, Map.of("code", "off:offCode"));
        } catch (ConflictException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        } finally {
            offCode = null;
        }
    }

    // Faces 4's expression language reads no record components: the page reads these.

    public boolean isEnrolled() {
        return status.enrolled();
    }

    public boolean isRequired() {
        return status.required();
    }

    public long getRecoveryCodesLeft() {
        return status.recoveryCodesLeft();
    }

    /** The QR code of the offered key, as a data URI. */
    public String getQrCode() {
        return offered == null ? null : offered.qrCode();
    }

    public String getGroupedKey() {
        return offered == null ? null : offered.grouped();
    }

    /** When the second factor was enrolled, on the clinic's calendar. */
    public String getSince() {
        return status.since() == null ? "" : status.since().atZoneSameInstant(clock.getZone()).toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK));
    }

    public SecondFactor.Enrolment getOffered() {
        return offered;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    /** The role requires a second factor and there is none yet: nothing else can be opened. */
    public boolean isMustEnrol() {
        return status.required() && !status.enrolled();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getOffCode() {
        return offCode;
    }

    public void setOffCode(String offCode) {
        this.offCode = offCode;
    }
}
