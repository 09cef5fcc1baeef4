package org.spinepathway.escalation.control;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The referral letter a physician's "refer" produces, as PDF (OpenPDF), written to be filed by a
 * spine surgeon's office as it is: the clinic's letterhead, the receiving service, the patient, the
 * reason for referral in words with its numbers, the red flags named, the scores over time, the MRC
 * grades when there are any, the treatments tried with their real outcome, the contacts with the
 * patient about urgent findings, the physician's note and signature block, and page numbers. The
 * bytes are stored, so the letter can be downloaded again exactly as it was issued.
 */
public final class ReferralLetter {

    /** The clinic as its letterhead shows it; address lines, phone and e-mail may be empty. */
    public record Letterhead(String clinic, List<String> address, String phone, String email) {
    }

    /** The patient the letter is about. */
    public record Patient(String name, String mrn, LocalDate birthDate, String sex) {
    }

    /** One measurement for the scores table. */
    public record Score(LocalDate date, String source, Integer nrs, String disability) {
    }

    /** One treatment tried: its name, details, dates ({@code to} in words: a date, "continuing"...) and how it ended. */
    public record Treatment(String type, String details, LocalDate start, String to, String outcome) {
    }

    /** A red flag answered yes: the question in short words, where and when it was answered. */
    public record RedFlagAnswer(String flag, String where, LocalDate on) {
    }

    /** The MRC grades (0 to 5) of one myotome and side at the visits of {@link Content#gradeDates()}; null where not graded. */
    public record Grades(String myotome, String side, List<Integer> grades) {
    }

    /** An attempt of the care team to reach the patient about an URGENT flag, in words. */
    public record Contact(String when, String how, String by, String note) {
    }

    /** The physician who refers, as the signature block names them. */
    public record Signatory(String name, String role) {
    }

    /** Everything the letter says. */
    public record Content(Letterhead letterhead, String addressee, LocalDate issuedOn, Patient patient, String complaint, LocalDate careStart,
                          String history, String baseline, String reasonTitle, LocalDate raisedOn, String reason,
                          List<RedFlagAnswer> redFlags, List<Score> scores, List<LocalDate> gradeDates, List<Grades> grades,
                          List<Treatment> treatments, List<Contact> contacts, String note, Signatory signatory, String ruleVersion) {
    }

    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TABLE_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final Font CLINIC = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10.5f);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font CELL_HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private ReferralLetter() {
    }

    /** A date as a letter writes it: "2 December 2026". */
    public static String date(LocalDate d) {
        return d == null ? "not recorded" : LETTER_DATE.format(d);
    }

    /** A date in a table's cell: "2 Dec 2026". */
    public static String shortDate(LocalDate d) {
        return d == null ? "–" : TABLE_DATE.format(d);
    }

    public static byte[] pdf(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 50, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers("Referral for " + c.patient().name() + " (" + c.patient().mrn() + ")"));
            document.addTitle("Referral for a surgical opinion: " + c.patient().name() + " (" + c.patient().mrn() + ")");
            document.addAuthor(c.signatory().name());
            document.open();
            letterhead(document, c);

            Paragraph to = new Paragraph();
            to.add(new Chunk("To: ", BOLD));
            to.add(new Chunk(c.addressee(), TEXT));
            to.setSpacingBefore(14);
            document.add(to);
            Paragraph title = new Paragraph("Referral for a surgical opinion", TITLE);
            title.setSpacingBefore(10);
            document.add(title);
            Paragraph re = new Paragraph();
            re.add(new Chunk("Re: ", BOLD));
            re.add(new Chunk(c.patient().name() + ", born " + date(c.patient().birthDate()) + " (" + c.patient().sex() + "), medical record number "
                    + c.patient().mrn(), TEXT));
            document.add(re);

            heading(document, "Reason for referral");
            document.add(new Paragraph(c.reasonTitle() + ", raised on " + date(c.raisedOn()) + ". " + c.reason(), TEXT));

            heading(document, "Red flags");
            if (c.redFlags().isEmpty()) {
                document.add(new Paragraph("No red-flag question was answered yes.", TEXT));
            } else {
                PdfPTable flags = table(new float[] {6, 3, 2}, "Answered yes", "Where", "When");
                c.redFlags().forEach(f -> row(flags, f.flag(), f.where(), shortDate(f.on())));
                document.add(flags);
            }

            heading(document, "Presenting complaint and history");
            document.add(new Paragraph(c.complaint() + ". Conservative care started on " + date(c.careStart()) + ".", TEXT));
            document.add(new Paragraph(c.history(), TEXT));
            document.add(new Paragraph("Baseline at intake: " + c.baseline() + ".", TEXT));

            heading(document, "Scores over time");
            if (c.scores().isEmpty()) {
                document.add(new Paragraph("No measurements recorded.", TEXT));
            } else {
                PdfPTable scores = table(new float[] {2, 3, 2, 2}, "Date", "Recorded at", "Pain (0 to 10)", "ODI/NDI (%)");
                c.scores().forEach(s -> row(scores, shortDate(s.date()), s.source(), s.nrs() == null ? "–" : s.nrs().toString(),
                        s.disability() == null ? "–" : s.disability()));
                document.add(scores);
            }

            if (!c.grades().isEmpty()) {
                heading(document, "Muscle strength (MRC grade, 0 to 5) at clinic visits");
                float[] widths = new float[2 + c.gradeDates().size()];
                widths[0] = 4;
                widths[1] = 1.5f;
                String[] headers = new String[widths.length];
                headers[0] = "Myotome";
                headers[1] = "Side";
                for (int i = 0; i < c.gradeDates().size(); i++) {
                    widths[2 + i] = 2;
                    headers[2 + i] = shortDate(c.gradeDates().get(i));
                }
                PdfPTable grades = table(widths, headers);
                for (Grades g : c.grades()) {
                    String[] cells = new String[widths.length];
                    cells[0] = g.myotome();
                    cells[1] = g.side();
                    for (int i = 0; i < g.grades().size(); i++) {
                        cells[2 + i] = g.grades().get(i) == null ? "–" : g.grades().get(i).toString();
                    }
                    row(grades, cells);
                }
                document.add(grades);
            }

            heading(document, "Treatments tried");
            if (c.treatments().isEmpty()) {
                document.add(new Paragraph("No treatment recorded.", TEXT));
            } else {
                PdfPTable treatments = table(new float[] {2.4f, 4.6f, 2.2f, 2.2f, 3}, "Treatment", "Details", "From", "To", "Outcome");
                c.treatments().forEach(t -> row(treatments, t.type(), t.details(), shortDate(t.start()), t.to(), t.outcome()));
                document.add(treatments);
            }

            if (!c.contacts().isEmpty()) {
                heading(document, "Contact with the patient about the urgent findings");
                PdfPTable contacts = table(new float[] {3, 2, 3, 6}, "When", "How", "By", "What was said");
                c.contacts().forEach(contact -> row(contacts, contact.when(), contact.how(), contact.by(), contact.note() == null ? "" : contact.note()));
                document.add(contacts);
            }

            heading(document, "Physician's note");
            document.add(new Paragraph(c.note() == null || c.note().isBlank() ? "No further note." : c.note(), TEXT));

            signature(document, c);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The referral letter could not be written", e);
        }
        return out.toByteArray();
    }

    /** The clinic's name, address and how to reach it on the left; the letter's date on the right; a rule beneath. */
    private static void letterhead(Document document, Content c) throws DocumentException {
        PdfPTable head = new PdfPTable(new float[] {3, 1.4f});
        head.setWidthPercentage(100);
        PdfPCell clinic = new PdfPCell();
        clinic.setBorder(Rectangle.NO_BORDER);
        clinic.addElement(new Paragraph(c.letterhead().clinic(), CLINIC));
        c.letterhead().address().forEach(line -> clinic.addElement(new Paragraph(line, TEXT)));
        String reach = String.join("  ·  ", java.util.stream.Stream.of(
                blankOr("Phone ", c.letterhead().phone()), blankOr("E-mail ", c.letterhead().email())).filter(s -> !s.isEmpty()).toList());
        if (!reach.isEmpty()) {
            clinic.addElement(new Paragraph(reach, TEXT));
        }
        head.addCell(clinic);
        PdfPCell dated = new PdfPCell(new Phrase(date(c.issuedOn()), TEXT));
        dated.setBorder(Rectangle.NO_BORDER);
        dated.setHorizontalAlignment(Element.ALIGN_RIGHT);
        dated.setVerticalAlignment(Element.ALIGN_BOTTOM);
        head.addCell(dated);
        PdfPCell rule = new PdfPCell();
        rule.setColspan(2);
        rule.setBorder(Rectangle.BOTTOM);
        rule.setFixedHeight(6);
        head.addCell(rule);
        document.add(head);
    }

    private static String blankOr(String label, String value) {
        return value == null || value.isBlank() ? "" : label + value.strip();
    }

    private static void signature(Document document, Content c) throws DocumentException {
        Paragraph close = new Paragraph("Yours sincerely,", TEXT);
        close.setSpacingBefore(18);
        close.setKeepTogether(true);
        document.add(close);
        Paragraph name = new Paragraph(c.signatory().name(), BOLD);
        name.setSpacingBefore(22);
        document.add(name);
        document.add(new Paragraph(c.signatory().role() + ", " + c.letterhead().clinic(), TEXT));
        Paragraph signed = new Paragraph("Signed electronically on " + date(c.issuedOn()) + " in Spine Pathway (escalation rule set "
                + c.ruleVersion() + ").", SMALL);
        signed.setSpacingBefore(4);
        document.add(signed);
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
            PdfPCell cell = new PdfPCell(new Phrase(h, CELL_HEAD));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            cell.setGrayFill(0.92f);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    private static void row(PdfPTable table, String... cells) {
        for (String c : cells) {
            PdfPCell cell = new PdfPCell(new Phrase(c == null ? "" : c, CELL));
            cell.setPadding(4);
            table.addCell(cell);
        }
    }

    /** "Referral for ... · page 1 of 2" at the foot of every page; the total is filled in when the document closes. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final String label;
        private PdfTemplate total;
        private BaseFont font;

        PageNumbers(String label) {
            this.label = label;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
            font = SMALL.getCalculatedBaseFont(false);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            String text = label + "  ·  page " + writer.getPageNumber() + " of ";
            float size = 8;
            float x = document.right() - font.getWidthPoint(text, size) - 14;
            float y = document.bottom() - 24;
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setTextMatrix(x, y);
            canvas.showText(text);
            canvas.endText();
            canvas.addTemplate(total, x + font.getWidthPoint(text, size), y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 8);
            total.setTextMatrix(0, 0);
            // Called after the last page has ended: the writer already counts the next one.
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
