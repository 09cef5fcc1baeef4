package org.spinepathway.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the application. {@code Json.createObjectBuilder()} and its siblings look
 * the provider up through the ServiceLoader on every call, which made building a flag's evidence
 * cost about a millisecond; the nightly evaluation builds hundreds of thousands.
 */
public final class JsonValues {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {
    }
}
