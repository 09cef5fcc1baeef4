package org.spinepathway.followup.web;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.followup.boundary.FollowUpLinks;

/**
 * {@code /follow-up-stop.xhtml?t=...}: the "stop these e-mails" link of every follow-up e-mail. The
 * page has one button that stops them (and, once stopped, one that starts them again). Opening the
 * link changes nothing: mail filters open links before the patient does. Mail programs that offer
 * a one-click "unsubscribe" post to {@link OneClickStop} instead.
 */
@Named
@RequestScoped
public class FollowUpStopPage {

    @Inject
    FollowUpLinks links;

    @Inject
    FacesContext facesContext;

    private String t;
    private String state;

    /** On opening: whether the link works, and whether the e-mails are on or stopped. */
    public void open() {
        if (!facesContext.isPostback()) {
            Optional<Boolean> stopped = links.stopped(t);
            state = stopped.isEmpty() ? "NOT_VALID" : stopped.get() ? "OFF" : "ON";
        }
    }

    public void stop() {
        state = links.stop(t, true) == FollowUpLinks.Stopped.NOT_VALID ? "NOT_VALID" : "STOPPED";
    }

    public void startAgain() {
        state = links.stop(t, false) == FollowUpLinks.Stopped.NOT_VALID ? "NOT_VALID" : "STARTED_AGAIN";
    }

    /**
     * ON, OFF, STOPPED, STARTED_AGAIN or NOT_VALID. Coming back with a button, before it is acted on,
     * the form must be there to be read (ON): the link is checked again when it is used.
     */
    public String getState() {
        return state == null ? (facesContext.isPostback() ? "ON" : "NOT_VALID") : state;
    }

    public String getT() {
        return t;
    }

    public void setT(String t) {
        this.t = t;
    }
}
