package org.spinepathway.intake.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.control.QueueRow;

/** {@code /physio/intakes.xhtml}: submitted intakes, red flags on top, newest first, paged in the database. */
@Named
@ViewScoped
public class IntakeQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intakes;

    private final LazyDataModel<QueueRow> queue = new Queue();

    public LazyDataModel<QueueRow> getQueue() {
        return queue;
    }

    private final class Queue extends LazyDataModel<QueueRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(intakes.countQueue());
        }

        @Override
        public List<QueueRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return intakes.queue(first, pageSize);
        }
    }
}
