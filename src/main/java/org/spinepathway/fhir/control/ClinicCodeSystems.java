package org.spinepathway.fhir.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.spinepathway.care.entity.Myotome;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.escalation.entity.FlagRule;

/**
 * Spine Pathway's own code systems, as FHIR R4 {@code CodeSystem}s: the escalation rules, the
 * intervention types and the measures (ODI, NDI). Their canonical URLs are stable identifiers under
 * {@link EpisodeBundle#SYSTEM_BASE}; the application serves them at
 * {@code GET /api/v1/fhir/CodeSystem/{name}} so a receiver can look the codes up. The exported
 * codings take their display text from here, so code and display always agree.
 */
public final class ClinicCodeSystems {

    public static final String ESCALATION_RULE = "escalation-rule";
    public static final String INTERVENTION_TYPE = "intervention-type";
    public static final String MEASURE = "measure";
    public static final List<String> NAMES = List.of(ESCALATION_RULE, INTERVENTION_TYPE, MEASURE);

    private ClinicCodeSystems() {
    }

    public static String url(String name) {
        return EpisodeBundle.SYSTEM_BASE + "CodeSystem/" + name;
    }

    public static String display(FlagRule rule) {
        return switch (rule) {
            case RED_FLAG -> "Red flag";
            case MOTOR_DECLINE -> "Motor decline";
            case WORSENING -> "Worsening";
            case NOT_IMPROVING -> "Not improving";
            case PERSISTENT_SEVERE -> "Persistent severe pain";
            case INJECTIONS_NO_RELIEF -> "Injections without relief";
            case NOT_RESOLVED_12_WEEKS -> "Not resolved after 12 weeks";
            case FOLLOW_UP_OVERDUE -> "Follow-up overdue";
        };
    }

    public static String display(InterventionType type) {
        return type.words();
    }

    public static String displayMeasure(String instrument) {
        return instrument.equals("ODI") ? "Oswestry Disability Index, total" : "Neck Disability Index, total";
    }

    /** The measure code of a myotome's MRC grade, such as "MRC-L5". */
    public static String motorCode(Myotome myotome) {
        return "MRC-" + myotome.name();
    }

    public static String displayMotor(Myotome myotome) {
        return myotome.words() + " muscle strength, MRC grade (0-5)";
    }

    public static Optional<CodeSystem> named(String name) {
        Map<String, String> concepts = new LinkedHashMap<>();
        String title;
        switch (name) {
            case ESCALATION_RULE -> {
                title = "Spine Pathway escalation rules";
                for (FlagRule rule : FlagRule.values()) {
                    concepts.put(rule.name(), display(rule));
                }
            }
            case INTERVENTION_TYPE -> {
                title = "Spine Pathway conservative-care intervention types";
                for (InterventionType type : InterventionType.values()) {
                    concepts.put(type.name(), display(type));
                }
            }
            case MEASURE -> {
                title = "Spine Pathway outcome measures";
                concepts.put("ODI", displayMeasure("ODI"));
                concepts.put("NDI", displayMeasure("NDI"));
                for (Myotome myotome : Myotome.values()) {
                    concepts.put(motorCode(myotome), displayMotor(myotome));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        CodeSystem system = new CodeSystem();
        system.setId(name);
        system.setUrl(url(name));
        system.setName("SpinePathway" + Character.toUpperCase(name.charAt(0)) + name.substring(1).replace("-", "").toLowerCase(Locale.ROOT));
        system.setTitle(title);
        system.setStatus(PublicationStatus.ACTIVE);
        system.setPublisher("Spine Pathway");
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        concepts.forEach((code, display) -> system.addConcept().setCode(code).setDisplay(display));
        system.setCount(concepts.size());
        Narratives.set(system, title + ": " + String.join(", ", concepts.values()) + ".");
        return Optional.of(system);
    }
}
