package org.spinepathway.followup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.followup.boundary.FollowUpLinks;

/**
 * {@code /follow-up-stop.xhtml?t=...}: the "stop these e-mails" link of every follow-up e-mail. Opening
 * it stops them, in one click, and offers to start them again (a mail filter that opens links
 * before the patient does can so be undone by them).
 */
@Named
@RequestScoped
public class FollowUpStopPage {

    @Inject
    FollowUpLinks links;

    @Inject
    FacesContext facesContext;

    private String t;
    private FollowUpLinks.Stopped outcome;

    public void open() {
        if (!facesContext.isPostback()) {
            outcome = links.stop(t, true);
        }
    }

    public void startAgain() {
        outcome = links.stop(t, false);
    }

    public String getOutcome() {
        if (outcome == null) {
            // Coming back with "start again": the form must be there to be read; the link is checked again when it is used.
            return (facesContext.isPostback() ? FollowUpLinks.Stopped.STOPPED : FollowUpLinks.Stopped.NOT_VALID).name();
        }
        return outcome.name();
    }

    public String getT() {
        return t;
    }

    public void setT(String t) {
        this.t = t;
    }
}
