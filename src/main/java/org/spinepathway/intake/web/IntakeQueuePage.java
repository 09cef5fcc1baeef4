package org.spinepathway.intake.web;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.platform.web.PagedModel;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.control.QueueRow;

/** {@code /physio/intakes.xhtml}: submitted intakes, red flags on top, newest first, paged in the database. */
@Named
@ViewScoped
public class IntakeQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intakes;

    private final LazyDataModel<QueueRow> queue = new PagedModel<>(
            () -> intakes.countQueue(),
            (first, max) -> intakes.queue(first, max));

    public LazyDataModel<QueueRow> getQueue() {
        return queue;
    }
}
