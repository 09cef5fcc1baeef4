package org.spinepathway.platform.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/** A page's CSV download: the response replaced by the file, written by {@code content}. */
public final class CsvDownload {

    /** What writes the file's rows. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private CsvDownload() {
    }

    /** Answers the current request with {@code fileName} (UTF-8 CSV, as an attachment) and ends the JSF life cycle. */
    public static void send(String fileName, Content content) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try (Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        faces.responseComplete();
    }
}
