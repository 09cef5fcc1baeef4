package org.spinepathway.patient.boundary;

import java.io.Serializable;
import java.sql.Date;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.StorableText;

/**
 * What a member of staff typed to find a patient on a list (the worklist, the caseload, the intake
 * queue), as one SQL condition on the patient table that an index of V12 answers:
 * <ul>
 * <li>a date of birth, {@code yyyy-mm-dd} or {@code d/m/yyyy}: that date exactly;</li>
 * <li>a medical record number, letters then digits ({@code SP100042}) or digits alone ({@code 100042}):
 * the numbers that begin so;</li>
 * <li>anything else is a name: each word of three or more characters anywhere in "given family"
 * (trigram index), or a word of one or two characters as a whole given or family name.</li>
 * </ul>
 * The text is only ever a parameter, and {@code %}, {@code _} and {@code \} in it are escaped, so
 * it matches as typed.
 */
public final class PatientSearch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Longer text is refused: no name or number is that long. */
    public static final int MAX_LENGTH = 100;

    public enum Kind { NAME, MRN, BIRTH_DATE }

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MRN = Pattern.compile("([A-Za-z]{0,4})(\\d{1,18})");
    private static final String NAME = "lower(%1$s.given_name || ' ' || %1$s.family_name)";

    private final Kind kind;
    private final String text;
    private final LocalDate birthDate;
    private final List<String> words;

    private PatientSearch(Kind kind, String text, LocalDate birthDate, List<String> words) {
        this.kind = kind;
        this.text = text;
        this.birthDate = birthDate;
        this.words = words;
    }

    /**
     * Empty when nothing was typed.
     *
     * @throws InvalidInputException (field {@code search}) for text over {@link #MAX_LENGTH}
     *         characters or with control characters, which no patient's name or number holds
     */
    public static Optional<PatientSearch> of(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            throw InvalidInputException.of("search", "Type at most " + MAX_LENGTH
                    + " characters: a name, a medical record number or a date of birth (yyyy-mm-dd or d/m/yyyy).");
        }
        if (!StorableText.isStorable(text)) {
            throw InvalidInputException.of("search", StorableText.MESSAGE);
        }
        Optional<LocalDate> date = date(text);
        if (date.isPresent()) {
            return Optional.of(new PatientSearch(Kind.BIRTH_DATE, text, date.get(), List.of()));
        }
        if (MRN.matcher(text).matches()) {
            return Optional.of(new PatientSearch(Kind.MRN, text.toUpperCase(Locale.ROOT), null, List.of()));
        }
        return Optional.of(new PatientSearch(Kind.NAME, text, null, List.of(text.toLowerCase(Locale.ROOT).split(" "))));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(text);
            if (dmy.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1))));
            }
        } catch (DateTimeException impossible) {
            // 31/2/2020 is no date: searched for as text, it finds nobody
        }
        return Optional.empty();
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    /** The condition on the patient table known as {@code alias}, with a {@code ?} for each of {@link #params()}. */
    public String condition(String alias) {
        return switch (kind) {
            case BIRTH_DATE -> alias + ".birth_date = ?";
            case MRN -> digitsOnly() ? "(" + alias + ".mrn LIKE ? OR " + alias + ".mrn LIKE ?)" : alias + ".mrn LIKE ?";
            case NAME -> {
                if (text.length() < 3) {
                    yield "(lower(" + alias + ".family_name) = ? OR lower(" + alias + ".given_name) = ?)";
                }
                List<String> each = new ArrayList<>();
                for (int i = 0; i < words.size(); i++) {
                    each.add(String.format(NAME, alias) + " LIKE ?");
                }
                yield "(" + String.join(" AND ", each) + ")";
            }
        };
    }

    /** The parameters of {@link #condition(String)}, in order. */
    public List<Object> params() {
        return switch (kind) {
            case BIRTH_DATE -> List.of(Date.valueOf(birthDate));
            case MRN -> digitsOnly() ? List.of(like(text) + "%", "SP" + like(text) + "%") : List.of(like(text) + "%");
            case NAME -> text.length() < 3 ? List.of(text.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT))
                    : words.stream().<Object>map(w -> "%" + like(w) + "%").toList();
        };
    }

    /** Digits alone: the number of an MRN issued as 'SP' + number, or of one imported as it was. */
    private boolean digitsOnly() {
        return Character.isDigit(text.charAt(0));
    }

    /** LIKE's wildcards and its escape character (a backslash, PostgreSQL's default) as plain text. */
    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String toString() {
        return kind + " " + text;
    }
}
