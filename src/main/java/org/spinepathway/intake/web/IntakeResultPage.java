package org.spinepathway.intake.web;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.boundary.IntakeService.IntakeView;
import org.spinepathway.intake.boundary.SubmissionResult;
import org.spinepathway.platform.control.NotFoundException;

/**
 * {@code /patient/intake-result.xhtml?episode=}: what the patient sees after submitting. Red flags
 * come first and in plain words: emergency care now for signs of cauda equina compression,
 * same-day care for the others.
 */
@Named
@ViewScoped
public class IntakeResultPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intakes;

    private Long episode;
    private SubmissionResult result;
    private IntakeView view;

    /** An unknown episode, another patient's, or none at all is the 404 page (see DatabaseOutageExceptionHandlerFactory). */
    public void load() {
        if (episode == null) {
            throw new NotFoundException("No episode was named.");
        }
        result = intakes.result(episode);
        view = intakes.open(episode).orElse(null);
    }

    public String correct() {
        intakes.startCorrection(episode);
        return "/patient/intake.xhtml?faces-redirect=true&episode=" + episode + "&step=1";
    }

    public Long getEpisode() { return episode; }
    public void setEpisode(Long episode) { this.episode = episode; }
    public SubmissionResult getResult() { return result; }
    public IntakeView getView() { return view; }
}
