package org.spinepathway.escalation.web;

import java.io.IOException;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.escalation.boundary.Worklist;
import org.spinepathway.escalation.control.WorklistQuery;
import org.spinepathway.escalation.control.WorklistRow;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.web.CsvDownload;
import org.spinepathway.platform.web.PagedModel;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * {@code /physician/worklist.xhtml}: one row per episode with open URGENT or REVIEW flags, URGENT
 * first, oldest first, paged in the database; filtered by priority, rule, physiotherapist, days open
 * and a patient's name, record number or date of birth; exported as CSV.
 */
@Named
@ViewScoped
public class WorklistPage implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Worklist worklist;

    @Inject
    AccountService accounts;

    private String priority;
    private FlagRule rule;
    private Long physioId;
    private Integer daysOpen;
    private String search;
    private List<UserAccount> physios;

    private final LazyDataModel<WorklistRow> rows = new PagedModel<>(
            () -> worklist.count(filter()),
            (first, max) -> worklist.page(filter(), first, max));

    public WorklistQuery.Filter filter() {
        return new WorklistQuery.Filter(priority == null || priority.isBlank() ? null : priority, rule, physioId, daysOpen,
                PatientSearch.of(search).orElse(null));
    }

    /** The filtered list as a CSV download. */
    public void exportCsv() throws IOException {
        CsvDownload.send("worklist.csv", out -> worklist.exportCsv(filter(), out));
    }

    public List<UserAccount> getPhysios() {
        if (physios == null) {
            physios = accounts.colleagues(Role.PHYSIO);
        }
        return physios;
    }

    public List<FlagRule> getRules() {
        return List.of(FlagRule.RED_FLAG, FlagRule.MOTOR_DECLINE, FlagRule.WORSENING, FlagRule.NOT_IMPROVING, FlagRule.PERSISTENT_SEVERE,
                FlagRule.INJECTIONS_NO_RELIEF, FlagRule.NOT_RESOLVED_12_WEEKS);
    }

    public LazyDataModel<WorklistRow> getRows() { return rows; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public FlagRule getRule() { return rule; }
    public void setRule(FlagRule rule) { this.rule = rule; }
    public Long getPhysioId() { return physioId; }
    public void setPhysioId(Long physioId) { this.physioId = physioId; }
    public Integer getDaysOpen() { return daysOpen; }
    public void setDaysOpen(Integer daysOpen) { this.daysOpen = daysOpen; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public int getSearchLength() { return PatientSearch.MAX_LENGTH; }
}
