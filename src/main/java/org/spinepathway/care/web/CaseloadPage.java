package org.spinepathway.care.web;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.care.boundary.CaseloadService;
import org.spinepathway.care.control.CaseloadRepository.Order;
import org.spinepathway.care.control.CaseloadRow;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.web.PagedModel;

/**
 * {@code /physio/caseload.xhtml}: the physiotherapist's follow-ups that are overdue, then their
 * whole caseload, filtered by state and a patient's name, record number or date of birth, and sorted
 * by time in care or since the last assessment.
 */
@Named
@ViewScoped
public class CaseloadPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseloadService caseload;

    @Inject
    org.spinepathway.escalation.boundary.FlagDecisions decisions;

    private final java.util.Map<Long, String> closeReasons = new java.util.HashMap<>();
    private String state;
    private Order order = Order.LONGEST_SINCE_ASSESSMENT;
    private String search;

    private final LazyDataModel<CaseloadRow> overdue = new PagedModel<>(
            () -> caseload.countOverdue(),
            (first, max) -> caseload.overdue(first, max));

    private final LazyDataModel<CaseloadRow> episodes = new PagedModel<>(
            () -> caseload.count(state, PatientSearch.of(search).orElse(null)),
            (first, max) -> caseload.page(state, PatientSearch.of(search).orElse(null), order, first, max));

    /** A physiotherapist closes a follow-up task with a reason (a phone call, the patient away...). */
    public void closeTask(long taskId) {
        jakarta.faces.context.FacesContext context = jakarta.faces.context.FacesContext.getCurrentInstance();
        try {
            decisions.closeTask(taskId, closeReasons.get(taskId));
            closeReasons.remove(taskId);
            org.spinepathway.platform.web.FieldMessages.global(context, jakarta.faces.application.FacesMessage.SEVERITY_INFO,
                    org.spinepathway.platform.web.Messages.text(context, "caseload.taskClosed"));
        } catch (org.spinepathway.platform.control.InvalidInputException | org.spinepathway.platform.control.ConflictException
                 | org.spinepathway.platform.control.NotAllowedException | org.spinepathway.platform.control.NotFoundException refused) {
            org.spinepathway.platform.web.FieldMessages.global(context, jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                    refused.getMessage().replaceFirst("^reason: ", ""));
        }
    }

    public java.util.Map<Long, String> getCloseReasons() {
        return closeReasons;
    }

    public List<String> getStates() {
        return List.of("INTAKE", "CONSERVATIVE_CARE", "UNDER_REVIEW", "REFERRED", "RESOLVED", "DISCHARGED");
    }

    public List<Order> getOrders() {
        return List.of(Order.values());
    }

    public int getFollowUpDays() {
        return caseload.followUpDays();
    }

    public LazyDataModel<CaseloadRow> getOverdue() { return overdue; }
    public LazyDataModel<CaseloadRow> getEpisodes() { return episodes; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state == null || state.isBlank() ? null : state; }
    public Order getOrder() { return order; }
    public void setOrder(Order order) { this.order = order == null ? Order.LONGEST_SINCE_ASSESSMENT : order; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public int getSearchLength() { return PatientSearch.MAX_LENGTH; }
}
