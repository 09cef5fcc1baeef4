package org.spinepathway.platform.boundary.api;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the served {@code /openapi} document valid OpenAPI 3. Payara adds a top-level
 * {@code endpoints} map to every document with paths (its own index of each application's paths,
 * not a field OpenAPI allows), and validators refuse the document for it. Payara leaves an empty
 * map out of what it serves, so the filter empties it; the field is Payara's, not part of the
 * MicroProfile model, hence reflection. Named by {@code mp.openapi.filter}.
 */
public class PayaraEndpointsFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(PayaraEndpointsFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            Method setEndpoints = openAPI.getClass().getMethod("setEndpoints", Map.class);
            setEndpoints.invoke(openAPI, new LinkedHashMap<String, Object>());
        } catch (ReflectiveOperationException | RuntimeException notPayarasModel) {
            LOG.log(Level.FINE, "No Payara endpoints field to empty in " + openAPI.getClass().getName(), notPayarasModel);
        }
    }
}
