package org.spinepathway.escalation.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.spinepathway.escalation.control.WorklistQuery;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/**
 * {@code GET /api/v1/worklist?priority=&rule=&physioId=&daysOpen=&search=&page=&size=}: the physicians'
 * worklist, one row per episode, URGENT first, oldest first, paged in the database; each row as
 * {@link WorklistJson} writes it. {@code search}: a name, medical record number or date of birth
 * ({@link PatientSearch}).
 */
@Path("worklist")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    Worklist worklist;

    @GET
    @RolesAllowed(Role.PHYSICIAN_NAME)
    public String worklist(@QueryParam("priority") String priority, @QueryParam("rule") String rule,
                                @QueryParam("physioId") String physioId, @QueryParam("daysOpen") String daysOpen,
                                @QueryParam("search") String search,
                                @QueryParam("page") @DefaultValue("0") String page,
                                @QueryParam("size") @DefaultValue("25") String size) {
        if (priority != null && !priority.isBlank() && !priority.equals("URGENT") && !priority.equals("REVIEW")) {
            throw InvalidInputException.of("priority", "Use URGENT or REVIEW, or leave it out for both.");
        }
        FlagRule wantedRule = null;
        if (rule != null && !rule.isBlank()) {
            try {
                wantedRule = FlagRule.valueOf(rule);
            } catch (IllegalArgumentException unknown) {
                throw InvalidInputException.of("rule", "Use one of the rule codes of escalation-rules.md, such as NOT_IMPROVING.");
            }
        }
        WorklistQuery.Filter filter = new WorklistQuery.Filter(priority == null || priority.isBlank() ? null : priority, wantedRule,
                physioId == null || physioId.isBlank() ? null : (long) number(physioId, "physioId", 1, Integer.MAX_VALUE),
                daysOpen == null || daysOpen.isBlank() ? null : number(daysOpen, "daysOpen", 0, 3650),
                PatientSearch.of(search).orElse(null));
        int pageNumber = number(page, "page", 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = number(size, "size", 1, MAX_PAGE_SIZE);
        return WorklistJson.write(worklist.page(filter, pageNumber * pageSize, pageSize));
    }

    private static int number(String value, String field, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInputException(List.of(new FieldError(field, "Use a whole number from " + min + " to " + max + ".")));
    }
}
