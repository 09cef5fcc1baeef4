package org.spinepathway.care.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.control.CaseloadRepository;
import org.spinepathway.care.control.CaseloadRow;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.UserAccount;

/** The signed-in physiotherapist's own episodes, and those whose follow-up is overdue. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseloadService {

    @Inject
    AuditLog audit;

    @Inject
    CaseloadRepository caseload;

    @Inject
    AccountService accounts;

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    /** FOLLOW_UP_OVERDUE's N: no assessment in this many days (escalation-rules.md default 21). */
    @Inject
    @ConfigProperty(name = "clinic.escalation.follow-up-overdue-days")
    int followUpDays;

    public long count(String state, PatientSearch search) {
        return caseload.count(me(), state, search, today());
    }

    /** A page of the signed-in physiotherapist's caseload; reading it is audited. */
    public List<CaseloadRow> page(String state, PatientSearch search, CaseloadRepository.Order order, int first, int max) {
        List<CaseloadRow> page = caseload.page(me(), state, search, order, today(), first, max);
        audit.recordListRead("Caseload", first, page.size(), search == null ? null : search.text());
        return page;
    }

    public long countOverdue() {
        return caseload.countOverdue(me(), today());
    }

    /** A page of the caseload's overdue follow-ups; reading it is audited. */
    public List<CaseloadRow> overdue(int first, int max) {
        List<CaseloadRow> page = caseload.overdue(me(), today(), first, max);
        audit.recordListRead("CaseloadOverdue", first, page.size(), null);
        return page;
    }

    public int followUpDays() {
        return followUpDays;
    }

    private long me() {
        return accounts.findByUsername(securityContext.getCallerPrincipal().getName()).map(UserAccount::getId).orElse(-1L);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
