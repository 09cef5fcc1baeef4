package org.spinepathway.escalation.control;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The referral letter a physician's "refer" produces, as PDF (OpenPDF): the patient, a summary of
 * the history, scores over time, treatments tried with dates, the rule that fired with its
 * evidence, and the physician's note. The bytes are stored, so the letter can be downloaded again
 * exactly as it was issued.
 */
public final class ReferralLetter {

    /** One measurement for the scores table. */
    public record Score(LocalDate date, String source, Integer nrs, String disability) {
    }

    /** One treatment tried. */
    public record Treatment(String type, String details, LocalDate start, LocalDate end, String status) {
    }

    /** Everything the letter says. */
    public record Content(String clinic, LocalDate issuedOn, String patientName, String mrn, LocalDate birthDate, String sex,
                          String complaint, String history, String baseline, List<Score> scores, List<Treatment> treatments,
                          String rule, String priority, LocalDate raisedOn, String reason, String evidence, String ruleVersion,
                          String physician, String note, List<Contact> contacts) {
    }

    /** An attempt of the care team to reach the patient about an URGENT flag, in words. */
    public record Contact(String when, String how, String by, String note) {
    }

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);

    private ReferralLetter() {
    }

    public static byte[] pdf(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Referral for surgical opinion: " + c.patientName() + " (" + c.mrn() + ")");
            document.addAuthor(c.physician());
            document.open();
            document.add(new Paragraph(c.clinic(), HEADING));
            document.add(new Paragraph("Referral for surgical opinion", TITLE));
            document.add(new Paragraph("Issued " + c.issuedOn() + " by " + c.physician(), TEXT));

            heading(document, "Patient");
            document.add(new Paragraph(c.patientName() + ", medical record number " + c.mrn() + ", born " + c.birthDate() + ", " + c.sex(), TEXT));
            document.add(new Paragraph("Complaint: " + c.complaint(), TEXT));

            heading(document, "History");
            document.add(new Paragraph(c.history(), TEXT));
            document.add(new Paragraph("Baseline at intake: " + c.baseline(), TEXT));

            heading(document, "Scores over time");
            PdfPTable scores = table(new float[] {2, 3, 2, 2}, "Date", "Recorded by", "Pain (0-10)", "ODI/NDI %");
            for (Score s : c.scores()) {
                row(scores, String.valueOf(s.date()), s.source(), s.nrs() == null ? "-" : s.nrs().toString(), s.disability() == null ? "-" : s.disability());
            }
            document.add(c.scores().isEmpty() ? new Paragraph("No measurements recorded.", TEXT) : scores);

            heading(document, "Treatments tried");
            PdfPTable treatments = table(new float[] {2, 5, 2, 2, 2}, "Treatment", "Details", "From", "To", "Status");
            for (Treatment t : c.treatments()) {
                row(treatments, t.type(), t.details(), String.valueOf(t.start()), t.end() == null ? "ongoing" : t.end().toString(), t.status());
            }
            document.add(c.treatments().isEmpty() ? new Paragraph("No treatment recorded.", TEXT) : treatments);

            heading(document, "Why this patient is referred");
            document.add(new Paragraph("Rule " + c.rule() + " (" + c.priority() + "), raised " + c.raisedOn() + ": " + c.reason(), TEXT));
            document.add(new Paragraph("Evidence recorded with the flag (rule set " + c.ruleVersion() + "): " + c.evidence(), SMALL));

            if (!c.contacts().isEmpty()) {
                heading(document, "Contact with the patient about the urgent findings");
                PdfPTable contacts = table(new float[] {3, 2, 3, 6}, "When", "How", "By", "What was said");
                for (Contact contact : c.contacts()) {
                    row(contacts, contact.when(), contact.how(), contact.by(), contact.note() == null ? "" : contact.note());
                }
                document.add(contacts);
            }

            heading(document, "Physician's note");
            document.add(new Paragraph(c.note() == null || c.note().isBlank() ? "(none)" : c.note(), TEXT));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The referral letter could not be written", e);
        }
        return out.toByteArray();
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, HEADING));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        return table;
    }

    private static void row(PdfPTable table, String... cells) {
        for (String c : cells) {
            table.addCell(new Phrase(c == null ? "" : c, TEXT));
        }
    }
}
