package org.spinepathway.followup.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.spinepathway.care.web.AssessmentPage;
import org.spinepathway.followup.boundary.FollowUpLinks;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.security.boundary.TaskLinks;

/**
 * {@code /follow-up.xhtml?t=...}: the page a follow-up e-mail's link opens, on a phone as much as
 * anywhere. The link's session (see {@link TaskLinks}) shows that one check-in, its first question
 * in the first page load, and the patient's first name; nothing else. A link that cannot be used
 * says why, in words.
 */
@Named
@RequestScoped
public class FollowUpLinkPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    @Inject
    FollowUpLinks links;

    @Inject
    AssessmentPage assessment;

    @Inject
    HttpServletRequest request;

    private Optional<FollowUpLinks.Task> task;

    /** On opening: the check-in's form, for the link's episode (never one named in the address). */
    public void load() {
        if (request.getAttribute(ClinicAuthenticationMechanism.DATABASE_UNAVAILABLE) != null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(503);
            return;
        }
        getTask().filter(t -> !t.answered() && !t.expired()).ifPresent(t -> assessment.loadForTaskLink(t.episodeId()));
    }

    public Optional<FollowUpLinks.Task> getTask() {
        if (task == null) {
            task = ClinicAuthenticationMechanism.taskOf(request).stream().boxed().findFirst().flatMap(links::task);
        }
        return task;
    }

    /**
     * The form, or what it recorded, is shown: once this page loaded the check-in (it was open then),
     * it stays, so answers sent just after the window closed are still read and kept (as an ordinary
     * check-in) rather than dropped.
     */
    public boolean isFormShown() {
        return getTask().isPresent() && assessment.getChart() != null;
    }

    /** Opened while the check-in was answered already (elsewhere, or earlier). */
    public boolean isAnsweredElsewhere() {
        return getTask().map(t -> assessment.getChart() == null && t.answered()).orElse(false);
    }

    /** Opened after the check-in's window closed. */
    public boolean isExpired() {
        return getTask().map(t -> assessment.getChart() == null && !t.answered() && t.expired()).orElse(false);
    }

    /** Why the opened link cannot be used (a {@link TaskLinks.Refusal}, or {@code UNAVAILABLE} while the database is), or null. */
    public String getRefusal() {
        if (request.getAttribute(ClinicAuthenticationMechanism.DATABASE_UNAVAILABLE) != null) {
            return "UNAVAILABLE";
        }
        Object refusal = request.getAttribute(TaskLinks.REFUSED);
        return refusal == null ? (getTask().isEmpty() ? TaskLinks.Refusal.UNKNOWN.name() : null) : refusal.toString();
    }

    public String getHello() {
        return getTask().map(t -> Messages.format(FacesContext.getCurrentInstance(), "followUpLink.hello",
                t.givenName() == null ? "" : t.givenName().strip(), DAY.format(t.closes()))).orElse("");
    }

    /** Said when the check-in asks the outcome questions too (inside an outcome time point's window). */
    public String getOutcomeNote() {
        return assessment.isOutcomeQuestions() ? Messages.text(FacesContext.getCurrentInstance(), "followUpLink.outcome") : null;
    }
}
