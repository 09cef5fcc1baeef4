package org.spinepathway.fhir.control;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;

/** A short human-readable summary as a resource's generated narrative (FHIR's dom-6 best practice). */
final class Narratives {

    private Narratives() {
    }

    static void set(DomainResource resource, String summary) {
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(summary) + "</p></div>");
        resource.setText(narrative);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
