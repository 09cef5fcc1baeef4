package org.spinepathway.intake.web;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.control.IntakeQueue;
import org.spinepathway.intake.control.QueueRow;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.web.PagedModel;

/**
 * {@code /physio/intakes.xhtml}: submitted intakes, red flags on top, newest first, paged in the
 * database; by default only those still waiting for a physiotherapist (the queue empties as work is
 * done), or all of them with where each stands; narrowed to a patient's name, record number or date
 * of birth.
 */
@Named
@ViewScoped
public class IntakeQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the queue shows. */
    public enum Show { WAITING, ALL }

    @Inject
    IntakeService intakes;

    private Show show = Show.WAITING;
    private String search;

    private final LazyDataModel<QueueRow> queue = new PagedModel<>(
            () -> intakes.countQueue(filter()),
            (first, max) -> intakes.queue(filter(), first, max));

    private IntakeQueue.Filter filter() {
        return new IntakeQueue.Filter(show == Show.ALL, PatientSearch.of(search).orElse(null));
    }

    public LazyDataModel<QueueRow> getQueue() {
        return queue;
    }

    public List<Show> getShows() {
        return List.of(Show.values());
    }

    public Show getShow() { return show; }
    public void setShow(Show show) { this.show = show == null ? Show.WAITING : show; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public int getSearchLength() { return PatientSearch.MAX_LENGTH; }
}
