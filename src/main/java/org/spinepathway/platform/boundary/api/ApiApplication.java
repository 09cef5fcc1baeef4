package org.spinepathway.platform.boundary.api;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON integration API under {@code /api/v1} (see the API contract). Callers authenticate with
 * HTTP Basic as a clinic account; {@code @RolesAllowed} on each resource method says which roles
 * may call it.
 * <p>
 * The resources are {@code @ApplicationScoped}: one instance each, holding only injected services.
 * Request-scoped, Jersey and Weld made and injected a new instance on every call, analysing its
 * injection points each time (about a twentieth of a call's CPU under the benchmark's load).
 */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Makes Jersey enforce @RolesAllowed on resource methods (403 for a signed-in caller without the role).
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
