package org.spinepathway.platform.boundary.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Request bodies the API takes (the README's examples) and bodies it refuses, each with the
 * schema it is sent as. OpenApiDocumentTest checks the schemas agree; OpenApiIT sends them.
 */
final class ApiExamples {

    record Example(String schema, String json) {
        Example {
            json = dated(json);
        }
    }

    /** Dates in the past as the server sees it, wherever the tests run: care started 30 days ago. */
    static String dated(String json) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return json.replace("{start}", today.minusDays(30).toString()).replace("{given}", today.minusDays(22).toString())
                .replace("{seen}", today.minusDays(12).toString()).replace("{review}", today.plusDays(12).toString());
    }

    static final String STAFF = "{\"username\":\"oa.physio\",\"password\":\"Physio-pass-2026\",\"role\":\"PHYSIO\",\"displayName\":\"Pat Physio\"}";
    static final String PATIENT = "{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"birthDate\":\"1970-02-03\",\"sex\":\"FEMALE\",\"email\":\"ada@example.org\"}";
    static final String EPISODE = "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}";
    static final String INTAKE = "{\"painNow\":6,\"painWorst\":8,\"disability\":{\"instrument\":\"ODI\",\"answers\":[2,1,3,2,1,2,1,2,2,null]},"
            + "\"redFlags\":{\"saddleNumbness\":true},\"symptoms\":{\"painTravels\":[\"BUTTOCK\",\"LEG\"]}}";
    static final String PLAN = dated("{\"startDate\":\"{start}\",\"reviewDate\":\"{review}\",\"goals\":\"Walk 2 km without leg pain\",\"interventions\":["
            + "{\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"{start}\",\"status\":\"ACTIVE\",\"details\":{\"programme\":\"McKenzie\",\"sessionsPerWeek\":2}},"
            + "{\"type\":\"INJECTION\",\"startDate\":\"{given}\",\"status\":\"COMPLETED\","
            + "\"details\":{\"kind\":\"EPIDURAL_STEROID\",\"level\":\"L4-L5\",\"givenOn\":\"{given}\"}}]}");
    static final String MEDICATION = dated("{\"type\":\"MEDICATION\",\"startDate\":\"{start}\",\"status\":\"ACTIVE\","
            + "\"details\":{\"drug\":\"Naproxen\",\"dose\":\"500 mg\",\"frequency\":\"twice a day\",\"drugClass\":\"NSAID\"}}");
    static final String REST = dated("{\"type\":\"REST\",\"startDate\":\"{start}\",\"status\":\"PLANNED\"}");
    static final String ASSESSMENT = dated("{\"date\":\"{seen}\",\"source\":\"CLINICIAN\",\"nrs\":5,\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":4}]}");

    static final List<Example> TAKEN = List.of(
            new Example("NewStaffAccount", STAFF),
            new Example("NewPatient", PATIENT),
            new Example("NewEpisode", EPISODE),
            new Example("Intake", INTAKE),
            new Example("Plan", PLAN),
            new Example("Intervention", MEDICATION),
            new Example("Intervention", REST),
            new Example("Assessment", ASSESSMENT),
            new Example("Decision", "{\"decision\":\"CONTINUE\",\"reason\":\"Trial of nerve-root block\",\"recheckOn\":\"2026-12-19\"}"),
            new Example("Acknowledgement", "{\"contactedAt\":\"2026-11-21T10:35:00Z\",\"method\":\"PHONE\",\"note\":\"Advised to go to the emergency department now\"}"),
            new Example("EvaluationRequest", "{\"asOf\":\"2026-11-21\"}"));

    /** Each refused by the server with 400 (nothing stored), and by the schema. */
    static final List<Example> REFUSED_INTAKES = List.of(
            new Example("Intake", "{\"painNow\":11,\"painWorst\":11}"),
            new Example("Intake", "{\"painWorst\":8}"),
            new Example("Intake", "{\"painNow\":6,\"painWorst\":8,\"disability\":{\"instrument\":\"ODI\",\"answers\":[6,1,3,2,1,2,1,2,2,0]}}"),
            new Example("Intake", "{\"painNow\":6,\"painWorst\":8,\"disability\":{\"instrument\":\"ODI\",\"answers\":[2,1,3,2,1,2,1,2,2]}}"),
            new Example("Intake", "{\"painNow\":6,\"painWorst\":8,\"redFlags\":{\"headache\":true}}"),
            new Example("Intake", "{\"painNow\":6,\"painWorst\":8,\"symptoms\":{\"onsetDate\":\"last spring\"}}"));

    /**
     * Not JSON integers where the contract (api.md) takes only integers. The schemas refuse them; the
     * server on this branch still reads 6.5 as 6 (JSON-B's conversion), so OpenApiIT does not send them.
     */
    static final List<Example> NOT_INTEGERS = List.of(
            new Example("Intake", "{\"painNow\":6.5,\"painWorst\":8}"),
            new Example("Assessment", "{\"date\":\"{seen}\",\"source\":\"CLINICIAN\",\"nrs\":4.5}"));

    static final List<Example> REFUSED_INTERVENTIONS = List.of(
            new Example("Intervention", "{\"type\":\"INJECTION\",\"startDate\":\"{given}\",\"status\":\"COMPLETED\","
                    + "\"details\":{\"kind\":\"EPIDURAL_STEROID\",\"level\":\"L4-L5\"}}"),
            new Example("Intervention", "{\"type\":\"INJECTION\",\"startDate\":\"{given}\",\"status\":\"COMPLETED\","
                    + "\"details\":{\"kind\":\"EPIDURAL_STEROID\",\"level\":\"the lower back\",\"givenOn\":\"{given}\"}}"),
            new Example("Intervention", "{\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"{start}\",\"status\":\"ACTIVE\","
                    + "\"details\":{\"programme\":\"McKenzie\",\"sessionsPerWeek\":15}}"),
            new Example("Intervention", "{\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"{start}\",\"status\":\"ACTIVE\"}"),
            new Example("Intervention", "{\"type\":\"MEDICATION\",\"startDate\":\"{start}\",\"status\":\"ACTIVE\","
                    + "\"details\":{\"drug\":\"Naproxen\",\"kind\":\"FACET\"}}"),
            new Example("Intervention", "{\"type\":\"REST\",\"startDate\":\"{start}\",\"status\":\"PAUSED\"}"),
            new Example("Intervention", "{\"type\":\"YOGA\",\"startDate\":\"{start}\",\"status\":\"ACTIVE\"}"));

    static final List<Example> REFUSED_ASSESSMENTS = List.of(
            new Example("Assessment", "{\"date\":\"{seen}\",\"source\":\"CLINICIAN\",\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":6}]}"),
            new Example("Assessment", "{\"date\":\"{seen}\",\"source\":\"CLINICIAN\",\"motor\":[{\"myotome\":\"L5\",\"grade\":4}]}"),
            new Example("Assessment", "{\"date\":\"{seen}\",\"source\":\"CLINICIAN\",\"nrs\":-1}"),
            new Example("Assessment", "{\"date\":\"{seen}\",\"source\":\"NURSE\",\"nrs\":4}"),
            new Example("Assessment", "{\"source\":\"CLINICIAN\",\"nrs\":4}"));

    private ApiExamples() {
    }
}
