package org.spinepathway.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One form of a served page, read as a browser would: every named field with the value the page
 * gave it. {@link #sendWith} posts the form with one field replaced, pressing a button, or as the
 * AJAX request a change of that field sends when the form has no button.
 */
public final class FormProbe {

    /** A field of the form and what the page filled in (several values for check boxes). */
    public record Field(String name, String kind, List<String> values) {
        public boolean isChoice() {
            return kind.equals("radio") || kind.equals("checkbox") || kind.equals("select");
        }
    }

    private final String page;
    private final String formId;
    private final Map<String, Field> fields;
    private final String button;
    private final String viewState;
    private final String nonce;

    private FormProbe(String page, String formId, Map<String, Field> fields, String button, String viewState, String nonce) {
        this.page = page;
        this.formId = formId;
        this.fields = fields;
        this.button = button;
        this.viewState = viewState;
        this.nonce = nonce;
    }

    /**
     * Opens {@code page} in {@code session} and reads form {@code formId}; {@code buttonPattern}
     * picks the button pressed (the first whose name matches), null for a form sent by AJAX.
     * Empty when the page does not show that form (it redirected, or the form is not rendered).
     */
    public static Optional<FormProbe> open(WebSession session, String page, String formId, String buttonPattern) {
        HttpResponse<String> answer = session.get(page);
        if (answer.statusCode() != 200) {
            return Optional.empty();
        }
        return read(answer.body(), page, formId, buttonPattern);
    }

    /**
     * The same form, as the page that answered a send drew it again (a refusal with its messages):
     * its fields as first read, with the new page's view state. Saves opening the page again.
     */
    public Optional<FormProbe> againFrom(String answeredPage) {
        Document html = Jsoup.parse(answeredPage);
        Element form = html.getElementById(formId);
        Element state = form == null ? null : form.selectFirst("input[name=jakarta.faces.ViewState]");
        if (state == null) {
            return Optional.empty();
        }
        Element script = html.selectFirst("script[nonce]");
        return Optional.of(new FormProbe(page, formId, fields, button, state.attr("value"), script == null ? nonce : script.attr("nonce")));
    }

    private static Optional<FormProbe> read(String page, String path, String formId, String buttonPattern) {
        Document html = Jsoup.parse(page);
        Element form = html.getElementById(formId);
        if (form == null || !form.tagName().equals("form")) {
            return Optional.empty();
        }
        Element state = form.selectFirst("input[name=jakarta.faces.ViewState]");
        Element script = html.selectFirst("script[nonce]");
        Map<String, Field> fields = new LinkedHashMap<>();
        String button = null;
        Pattern wanted = buttonPattern == null ? null : Pattern.compile(buttonPattern);
        for (Element input : form.select("input[name], textarea[name], select[name], button[name]")) {
            String name = input.attr("name");
            String type = input.tagName().equals("input") ? input.attr("type").toLowerCase() : input.tagName();
            if (type.equals("submit") || type.equals("button") || type.equals("image") || type.equals("reset")) {
                if (button == null && wanted != null && wanted.matcher(name).find()) {
                    button = name;
                }
                continue;
            }
            if (name.equals("jakarta.faces.ViewState") || name.equals(formId) || name.equals("primefaces.nonce")
                    || name.endsWith("_focus") || name.startsWith("jakarta.faces.")) {
                continue;
            }
            Field known = fields.get(name);
            List<String> values = known == null ? new ArrayList<>() : new ArrayList<>(known.values());
            switch (type) {
                case "radio", "checkbox" -> {
                    if (input.hasAttr("checked")) {
                        values.add(input.attr("value").isEmpty() ? "on" : input.attr("value"));
                    }
                }
                case "select" -> {
                    Element chosen = input.selectFirst("option[selected]");
                    if (chosen == null) {
                        chosen = input.selectFirst("option");
                    }
                    if (chosen != null) {
                        values.add(chosen.attr("value"));
                    }
                }
                case "textarea" -> values.add(input.text());
                default -> values.add(input.attr("value"));
            }
            String kind = switch (type) {
                case "radio", "checkbox", "select" -> type;
                default -> "text";
            };
            fields.put(name, new Field(name, kind, values));
        }
        if (state == null || (wanted != null && button == null)) {
            return Optional.empty();
        }
        return Optional.of(new FormProbe(path, formId, fields, button, state.attr("value"), script == null ? null : script.attr("nonce")));
    }

    public boolean isAjax() {
        return button == null;
    }

    /**
     * This form's field for one read from an earlier copy of it: the same name, or in a table, the
     * same input in the row whose button this form presses (after a row was used up, another row
     * takes its place).
     */
    public Optional<Field> sameField(Field earlier) {
        if (fields.containsKey(earlier.name())) {
            return Optional.of(fields.get(earlier.name()));
        }
        java.util.regex.Matcher row = ROW.matcher(button == null ? "" : button);
        if (!row.find()) {
            return Optional.empty();
        }
        String inThisRow = ROW.matcher(earlier.name()).replaceFirst(row.group());
        return Optional.ofNullable(fields.get(inThisRow));
    }

    private static final Pattern ROW = Pattern.compile(":\\d+:");

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The field's name without the form's prefix: "registration:email" -> "email". */
    public String shortName(Field field) {
        return field.name().startsWith(formId + ":") ? field.name().substring(formId.length() + 1) : field.name();
    }

    /**
     * Sends the form with {@code field} set to {@code value} and the other fields as the page
     * filled them, or as {@code defaults} (by short name) says.
     */
    public HttpResponse<String> sendWith(WebSession session, Field field, String value, Map<String, String> defaults) {
        List<Map.Entry<String, String>> body = new ArrayList<>();
        body.add(Map.entry(formId, formId));
        for (Field f : fields.values()) {
            if (f == field) {
                body.add(Map.entry(f.name(), value));
            } else if (defaults.containsKey(shortName(f))) {
                body.add(Map.entry(f.name(), defaults.get(shortName(f))));
            } else {
                f.values().forEach(v -> body.add(Map.entry(f.name(), v)));
            }
        }
        body.add(Map.entry("jakarta.faces.ViewState", viewState));
        if (nonce != null) {
            body.add(Map.entry("primefaces.nonce", nonce));
        }
        if (button != null) {
            body.add(Map.entry(button, ""));
            return session.postForm(page, body, false);
        }
        String source = field.name().replaceAll("_(input|hinput)$", "");
        body.add(Map.entry("jakarta.faces.partial.ajax", "true"));
        body.add(Map.entry("jakarta.faces.source", source));
        body.add(Map.entry("jakarta.faces.partial.execute", source));
        body.add(Map.entry("jakarta.faces.partial.render", formId));
        body.add(Map.entry("jakarta.faces.behavior.event", "change"));
        return session.postForm(page, body, true);
    }

    @Override
    public String toString() {
        return page + "#" + formId + (button == null ? " (AJAX)" : " [" + button + "]");
    }
}
