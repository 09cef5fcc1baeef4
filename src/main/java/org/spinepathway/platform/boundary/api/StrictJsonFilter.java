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
 * something after its value (see {@link StrictJson}).
 */
@Provider
public class StrictJsonFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        StrictJson.firstProblem(body).ifPresent(problem -> request.abortWith(
                ApiErrors.response(400, problem.field(), problem.message())));
    }
}
