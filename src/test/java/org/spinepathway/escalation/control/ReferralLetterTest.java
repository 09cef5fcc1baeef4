package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.testing.Pdf;

/** The letter a surgeon's office files as it is, for a motor-decline referral: read as text, and rendered to PNG to look at. */
class ReferralLetterTest {

    /** Rule and enum codes, JSON, and the evidence's answer codes (the extracted text runs table cells together, so no camel-case test). */
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,}_[A-Z_]+|\\{\"|\\b(LEFT|RIGHT|CLINICIAN|PATIENT|URGENT|REVIEW)\\b|saddleNumbness|progressiveWeakness");

    private static final String EVIDENCE = "{\"asOf\":\"2026-11-20\",\"threshold\":3,\"findings\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"latest\":3,"
            + "\"latestOn\":\"2026-11-20\",\"previous\":5,\"previousOn\":\"2026-10-16\",\"reason\":\"grade 3 is 3 or below\"}]}";

    static ReferralLetter.Content motorDeclineReferral(int treatments) {
        List<ReferralLetter.Treatment> tried = new ArrayList<>(List.of(
                new ReferralLetter.Treatment("Medication", "naproxen, 500 mg, twice daily, NSAID", LocalDate.of(2026, 9, 20), "continuing", "Under way"),
                new ReferralLetter.Treatment("Injection", "epidural steroid at L4-L5, given 2026-10-02", LocalDate.of(2026, 10, 2), "single treatment",
                        "Completed"),
                new ReferralLetter.Treatment("Physical therapy", "McKenzie extension, 2 sessions a week", LocalDate.of(2026, 9, 20),
                        ReferralLetter.shortDate(LocalDate.of(2026, 11, 1)), "Stopped: pain too severe to exercise")));
        for (int i = 0; i < treatments; i++) {
            tried.add(new ReferralLetter.Treatment("Heat or cold", "heat 20 minutes, evening " + i, LocalDate.of(2026, 9, 20), "continuing", "Under way"));
        }
        return new ReferralLetter.Content(
                new ReferralLetter.Letterhead("Spine Pathway demo clinic", List.of("Spinal Therapy Unit, 1 Example Road", "Leeds LS1 4AB"),
                        "0113 496 0000", "spine-clinic@example.org"),
                "Orthopaedic spinal surgery, Example General Hospital", LocalDate.of(2026, 11, 21),
                new ReferralLetter.Patient("Ada Lovelace", "SP100001", LocalDate.of(1960, 1, 1), "female"),
                "Lower back pain, left side", LocalDate.of(2026, 9, 20),
                "Symptoms since 1 September 2026 (after lifting, bending or twisting). Imaging: X-ray.", "pain 7 out of 10, ODI 60%",
                "Motor decline (urgent)", LocalDate.of(2026, 11, 20), FlagExplanation.sentence(FlagRule.MOTOR_DECLINE, EVIDENCE),
                List.of(new ReferralLetter.RedFlagAnswer("Weakness getting worse", "clinic visit", LocalDate.of(2026, 11, 20))),
                List.of(new ReferralLetter.Score(LocalDate.of(2026, 11, 20), "clinic visit", 7, "58"),
                        new ReferralLetter.Score(LocalDate.of(2026, 10, 16), "clinic visit", 6, "56")),
                List.of(LocalDate.of(2026, 10, 16), LocalDate.of(2026, 11, 20)),
                List.of(new ReferralLetter.Grades("L5 (big toe extension)", "left", List.of(5, 3)),
                        new ReferralLetter.Grades("S1 (ankle plantar flexion)", "left", Arrays.asList(5, null))),
                tried,
                List.of(new ReferralLetter.Contact("2026-11-20 14:05", "Phone call", "Pat Physio", "Advised to attend the emergency department")),
                "Please see within two weeks.", new ReferralLetter.Signatory("Dr Grace Hopper", "Physician"), "2026.1");
    }

    @Test
    void aMotorDeclineReferral_readsAsALetter_withLetterheadAddresseeReasonGradesTreatmentsAndSignature() throws Exception {
        byte[] pdf = ReferralLetter.pdf(motorDeclineReferral(0));
        String text = Pdf.text(pdf).replaceAll("\\s+", " ");
        for (String expected : List.of("Spine Pathway demo clinic", "Leeds LS1 4AB", "Phone 0113 496 0000", "E-mail spine-clinic@example.org",
                "21 November 2026", "To: Orthopaedic spinal surgery, Example General Hospital", "Referral for a surgical opinion",
                "Re: Ada Lovelace, born 1 January 1960 (female), medical record number SP100001",
                "Motor decline (urgent), raised on 20 November 2026", "L5 (big toe extension) left fell from grade 5 on 2026-10-16 to grade 3 on 2026-11-20",
                "Weakness getting worse", "Conservative care started on 20 September 2026", "Imaging: X-ray", "NSAID",
                "Muscle strength (MRC grade, 0 to 5)", "S1 (ankle plantar flexion)", "single treatment", "Stopped: pain too severe to exercise",
                "Advised to attend the emergency department", "Please see within two weeks.", "Yours sincerely,", "Dr Grace Hopper",
                "Physician, Spine Pathway demo clinic")) {
            assertTrue(text.contains(expected), expected + " in: " + text);
        }
        assertFalse(CODE.matcher(text).find(), "no rule code or JSON in the letter: " + text);
        assertFalse(text.contains("ongoing"), text);

        List<Path> pages = Pdf.renderPng(pdf, "referral-motor-decline");
        assertTrue(text.contains("page 1 of " + pages.size()), text);
        assertTrue(Files.size(pages.get(0)) > 10_000, "a rendered page, not a blank one");
    }

    @Test
    void aLongLetter_numbersEveryPageOfTheTotal() throws Exception {
        byte[] pdf = ReferralLetter.pdf(motorDeclineReferral(40));
        String text = Pdf.text(pdf).replaceAll("\\s+", " ");
        List<Path> pages = Pdf.renderPng(pdf, "referral-long");
        assertTrue(pages.size() >= 2, "the long letter runs over a page");
        for (int page = 1; page <= pages.size(); page++) {
            assertTrue(text.contains("page " + page + " of " + pages.size()), "page " + page + ": " + text);
        }
    }
}
