package org.spinepathway.escalation.boundary;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.spinepathway.care.entity.EpisodeState;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.escalation.control.FlagRepository;
import org.spinepathway.escalation.control.WorklistRow;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/** {@code GET /api/v1/worklist?priority=&page=&size=}: the physicians' worklist, oldest URGENT first, paged in the database. */
@Path("worklist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    FlagRepository flags;

    @GET
    @RolesAllowed(Role.PHYSICIAN_NAME)
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> worklist(@QueryParam("priority") String priority,
                                @QueryParam("page") @DefaultValue("0") String page,
                                @QueryParam("size") @DefaultValue("25") String size) {
        FlagPriority wanted = null;
        if (priority != null && !priority.isBlank()) {
            if (!priority.equals("URGENT") && !priority.equals("REVIEW")) {
                throw InvalidInputException.of("priority", "Use URGENT or REVIEW, or leave it out for both.");
            }
            wanted = FlagPriority.valueOf(priority);
        }
        int pageNumber = number(page, "page", 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = number(size, "size", 1, MAX_PAGE_SIZE);
        return flags.worklist(wanted, pageNumber * pageSize, pageSize).stream().map(Entry::of).toList();
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

    public record Entry(long id, FlagRule rule, FlagPriority priority, FlagStatus status, LocalDate raisedOn, JsonObject evidence,
                        long episodeId, SpineRegion region, EpisodeState episodeState, long patientId, String mrn, String patientName) {
        static Entry of(WorklistRow row) {
            try (JsonReader reader = Json.createReader(new StringReader(row.evidence()))) {
                return new Entry(row.flagId(), row.rule(), row.priority(), row.status(), row.raisedOn(), reader.readObject(),
                        row.episodeId(), row.region(), row.episodeState(), row.patientId(), row.mrn(),
                        row.givenName() + " " + row.familyName());
            }
        }
    }
}
