package org.spinepathway.security.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.platform.web.ClinicTime;
import org.spinepathway.platform.web.CsvDownload;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.platform.web.PagedModel;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.boundary.AuditTrail;
import org.spinepathway.security.control.AuditEventFilter;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.AuditEvent;

/** {@code /admin/audit.xhtml}: the audit log, newest first, filtered and paged in the database, exportable as CSV. */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog auditLog;

    @Inject
    AuditTrail auditTrail;

    @Inject
    ClinicTime clinicTime;

    private String username;
    private AuditAction action;
    private Long patientId;
    private LocalDate from;
    private LocalDate to;
    private String trailResult;
    private boolean trailIntact;

    private final LazyDataModel<AuditEvent> events = new PagedModel<>(
            () -> auditLog.count(getFilter()),
            (first, max) -> auditLog.page(getFilter(), first, max));

    /** Checks the whole hash chain and says, in words, whether it holds or where it first breaks. */
    public void verifyTrail() {
        AuditTrail.Verification result = auditTrail.verify();
        FacesContext context = FacesContext.getCurrentInstance();
        trailIntact = result.intact();
        if (result.intact()) {
            trailResult = Messages.format(context, "audit.trail.intact", result.sealed(), result.unsealed());
        } else {
            AuditTrail.Break broken = result.broken().get();
            trailResult = Messages.format(context, "audit.trail.broken", String.valueOf(broken.eventId()),
                    broken.eventTime() == null ? "?" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .withZone(clinicTime.getZone().toZoneId()).format(broken.eventTime()),
                    broken.problem(), result.sealed());
        }
    }

    public String getTrailResult() {
        return trailResult;
    }

    public boolean isTrailIntact() {
        return trailIntact;
    }

    public AuditEventFilter getFilter() {
        return new AuditEventFilter(username, action, patientId, from, to);
    }

    /** Streams the filtered log as a CSV download. */
    public void exportCsv() throws IOException {
        CsvDownload.send("audit-log-" + LocalDate.now() + ".csv", out -> auditLog.exportCsv(getFilter(), out));
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public Long getPatientId() {
        return patientId;
    }

    public void setPatientId(Long patientId) {
        this.patientId = patientId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
