package org.spinepathway.patient.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinepathway.platform.control.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientSearchTest {

    @ParameterizedTest
    @CsvSource({"1970-02-03, 1970-02-03", "1970-2-3, 1970-02-03", "3/2/1970, 1970-02-03", "03/02/1970, 1970-02-03", "29/2/2024, 2024-02-29"})
    void aDateOfBirth_shouldBeSearchedForAsThatDate(String typed, LocalDate meant) {
        PatientSearch search = PatientSearch.of(typed).orElseThrow();
        assertEquals(PatientSearch.Kind.BIRTH_DATE, search.kind());
        assertEquals("pt.birth_date = ?", search.condition("pt"));
        assertEquals(List.of(Date.valueOf(meant)), search.params());
    }

    @ParameterizedTest
    @CsvSource({"31/2/2020", "2020-13-01", "29/2/2023"})
    void anImpossibleDate_shouldBeSearchedForAsText_andFindNobody(String typed) {
        PatientSearch search = PatientSearch.of(typed).orElseThrow();
        assertEquals(PatientSearch.Kind.NAME, search.kind());
        assertEquals(List.of("%" + typed + "%"), search.params());
    }

    @Test
    void anMrn_shouldMatchTheNumbersThatBeginSo_inCapitals() {
        PatientSearch search = PatientSearch.of(" sp1000 ").orElseThrow();
        assertEquals(PatientSearch.Kind.MRN, search.kind());
        assertEquals("pt.mrn LIKE ?", search.condition("pt"));
        assertEquals(List.of("SP1000%"), search.params());
    }

    @Test
    void digitsAlone_shouldMatchTheNumberAsIssuedWithSp_orAsImported() {
        PatientSearch search = PatientSearch.of("100042").orElseThrow();
        assertEquals("(pt.mrn LIKE ? OR pt.mrn LIKE ?)", search.condition("pt"));
        assertEquals(List.of("100042%", "SP100042%"), search.params());
    }

    @Test
    void aName_shouldMatchEachWordAnywhereInTheFullName_caseIgnored() {
        PatientSearch search = PatientSearch.of("  Ada   LOVE ").orElseThrow();
        assertEquals(PatientSearch.Kind.NAME, search.kind());
        assertEquals("(lower(p.given_name || ' ' || p.family_name) LIKE ? AND lower(p.given_name || ' ' || p.family_name) LIKE ?)",
                search.condition("p"));
        assertEquals(List.of("%ada%", "%love%"), search.params());
    }

    @Test
    void aShortName_shouldMatchAWholeGivenOrFamilyName() {
        PatientSearch search = PatientSearch.of("Ng").orElseThrow();
        assertEquals("(lower(pt.family_name) = ? OR lower(pt.given_name) = ?)", search.condition("pt"));
        assertEquals(List.of("ng", "ng"), search.params());
    }

    @ParameterizedTest
    @CsvSource(value = {"100%|%100\\%%", "a_b|%a\\_b%", "O'Brien|%o'brien%", "back\\slash|%back\\\\slash%", "%%%|%\\%\\%\\%%"}, delimiter = '|')
    void wildcardsAndQuotes_shouldBeMatchedAsText(String typed, String pattern) {
        assertEquals(List.of(pattern), PatientSearch.of(typed).orElseThrow().params());
    }

    @Test
    void hostileSingleCharacters_shouldBeAWholeNameThatNobodyHas() {
        for (String typed : List.of("%", "_", "'")) {
            PatientSearch search = PatientSearch.of(typed).orElseThrow();
            assertEquals(List.of(typed, typed), search.params(), typed);
            assertTrue(search.condition("pt").contains("= ?"), typed);
        }
    }

    @Test
    void nothingTyped_shouldNotNarrowTheList() {
        assertTrue(PatientSearch.of(null).isEmpty());
        assertTrue(PatientSearch.of("   ").isEmpty());
    }

    @Test
    void overlongText_orControlCharacters_shouldBeRefusedForTheSearchField() {
        assertEquals(PatientSearch.MAX_LENGTH, PatientSearch.of("x".repeat(PatientSearch.MAX_LENGTH)).orElseThrow().text().length());
        for (String typed : List.of("x".repeat(PatientSearch.MAX_LENGTH + 1), "Ada\u0000", "Ada\u0007Lovelace")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PatientSearch.of(typed));
            assertEquals("search", refused.errors().get(0).field());
        }
    }
}
