package org.spinepathway.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.spinepathway.security.entity.Role;

/**
 * {@code GET /api/v1/audit/verification}: an administrator (or their monitoring) checks the audit
 * trail's hash chain, as the audit log page's button does; the check is audited.
 */
@Path("audit/verification")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public Result verify() {
        AuditTrail.Verification verification = trail.verify();
        return verification.broken().map(b -> new Result(false, verification.sealed(), verification.unsealed(), b.seq(),
                        b.eventId() == 0 ? null : b.eventId(), b.problem()))
                .orElse(new Result(true, verification.sealed(), verification.unsealed(), null, null, null));
    }

    /** {@code intact}; how many events are sealed unchanged and how many wait; where the chain breaks, if it does. */
    public record Result(boolean intact, long sealedEvents, long unsealedEvents, Long brokenAtSeal, Long brokenAtEvent, String problem) {
    }
}
