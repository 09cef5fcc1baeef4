package org.spinepathway.platform.boundary.api;

import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;

/** The calls an OpenAPI document describes, each as "POST /api/v1/staff". */
final class OpenApiCalls {

    private OpenApiCalls() {
    }

    static Set<String> of(OpenAPI document) {
        Set<String> calls = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> calls.add(method.name() + " " + path)));
        return calls;
    }
}
