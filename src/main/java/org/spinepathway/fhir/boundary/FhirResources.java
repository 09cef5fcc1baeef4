package org.spinepathway.fhir.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import org.spinepathway.platform.control.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.spinepathway.fhir.control.ClinicCodeSystems;
import org.spinepathway.fhir.control.ClinicQuestionnaires;
import org.spinepathway.security.entity.Role;

/** The FHIR R4 export of an episode and the questionnaires its answers refer to. */
public final class FhirResources {

    public static final String FHIR_JSON = "application/fhir+json";

    private FhirResources() {
    }

    /** {@code GET /api/v1/episodes/{id}/fhir}: the episode as a FHIR R4 {@code Bundle} of type collection. */
    @Path("episodes/{episodeId}/fhir")
    @RequestScoped
    public static class EpisodeExport {

        @Inject
        FhirExport export;

        @Context
        UriInfo uri;

        @GET
        @Produces({FHIR_JSON, "application/json"})
        @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.PATIENT_NAME})
        public Response episode(@PathParam("episodeId") long episodeId) {
            return Response.ok(export.episodeJson(episodeId, uri.getBaseUri().toString()), FHIR_JSON + ";charset=UTF-8").build();
        }
    }

    /** {@code GET /api/v1/fhir/CodeSystem/{name}}: escalation-rule, intervention-type or measure, for any signed-in user. */
    @Path("fhir/CodeSystem/{name}")
    @RequestScoped
    public static class CodeSystems {

        @GET
        @Produces({FHIR_JSON, "application/json"})
        @RolesAllowed({Role.PATIENT_NAME, Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
        public Response codeSystem(@PathParam("name") String name) {
            return ClinicCodeSystems.named(name)
                    .map(c -> Response.ok(FhirExport.context().newJsonParser().encodeResourceToString(c), FHIR_JSON + ";charset=UTF-8").build())
                    .orElseThrow(() -> new NotFoundException("There is no code system " + name + "; there are " + ClinicCodeSystems.NAMES + "."));
        }
    }

    /** {@code GET /api/v1/fhir/Questionnaire/{name}}: spine-intake, odi or ndi, for any signed-in user. */
    @Path("fhir/Questionnaire/{name}")
    @RequestScoped
    public static class Questionnaires {

        @Context
        UriInfo uri;

        @GET
        @Produces({FHIR_JSON, "application/json"})
        @RolesAllowed({Role.PATIENT_NAME, Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
        public Response questionnaire(@PathParam("name") String name) {
            return ClinicQuestionnaires.named(name, uri.getBaseUri().toString())
                    .map(q -> Response.ok(FhirExport.context().newJsonParser().encodeResourceToString(q), FHIR_JSON + ";charset=UTF-8").build())
                    .orElseThrow(() -> new NotFoundException("There is no questionnaire " + name + "; there are " + ClinicQuestionnaires.NAMES + "."));
        }
    }
}
