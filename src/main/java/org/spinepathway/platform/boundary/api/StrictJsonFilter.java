package org.spinepathway.platform.boundary.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.spinepathway.platform.control.StrictJson;

/**
 * Refuses with a 400, before any resource reads it, a JSON body that names a field twice or has
 * something after its value (see {@link StrictJson}); and with a 413 a body larger than any request
 * of the clinic's API needs, since the body is held in memory to be checked.
 */
@Provider
public class StrictJsonFilter implements ContainerRequestFilter {

    /** The largest JSON body taken: an intake with every free-text answer at its longest is far below it. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            request.abortWith(ApiErrors.response(413, null, "The request body is larger than " + MAX_BODY_BYTES / 1024
                    + " kB; the clinic's API takes no request that large."));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        StrictJson.firstProblem(body).ifPresent(problem -> request.abortWith(
                ApiErrors.response(400, problem.field(), problem.message())));
    }
}
