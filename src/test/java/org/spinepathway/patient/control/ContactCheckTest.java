package org.spinepathway.patient.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinepathway.patient.control.ContactCheck.Audience;
import org.spinepathway.patient.control.ContactCheck.Checked;
import org.spinepathway.platform.control.FieldError;

class ContactCheckTest {

    private final ContactCheck check = new ContactCheck(new PhoneNumbers("GB"));

    @Test
    void goodDetails_shouldBeGivenBackInE164_withTheNameStripped() {
        Checked c = check.check(Audience.PATIENT, "", true, "07400 123456", "  Sam Smith ", "(020) 7946 0018");
        assertEquals(List.of(), c.errors());
        assertEquals("+447400123456", c.phone());
        assertEquals("Sam Smith", c.emergencyContactName());
        assertEquals("+442079460018", c.emergencyContactPhone());
    }

    @Test
    void missingPhone_shouldBeRefused_whenThePatientMustGiveOne_only() {
        assertEquals(List.of("person.phone"), fields(check.check(Audience.PATIENT, "person.", true, "  ", null, null)));
        Checked staff = check.check(Audience.STAFF, "", false, null, null, null);
        assertEquals(List.of(), staff.errors());
        assertNull(staff.phone());
    }

    @Test
    void badPhone_shouldBeNamedForWhoeverTypedIt() {
        FieldError own = check.check(Audience.PATIENT, "", true, "hello", null, null).errors().get(0);
        FieldError staff = check.check(Audience.STAFF, "", false, "hello", null, null).errors().get(0);
        assertEquals("phone", own.field());
        assertTrue(own.message().contains("your mobile number"), own.message());
        assertTrue(staff.message().contains("the patient's phone number"), staff.message());
        String invalid = check.check(Audience.STAFF, "", false, "07700 900123", null, null).errors().get(0).message();
        assertTrue(invalid.contains("not a valid number for United Kingdom"), invalid);
    }

    @Test
    void halfAnEmergencyContact_shouldBeRefusedOnTheMissingHalf() {
        assertEquals(List.of("emergencyContact.phone"), fields(check.check(Audience.STAFF, "", false, null, "Sam Smith", " ")));
        assertEquals(List.of("emergencyContact.name"), fields(check.check(Audience.STAFF, "", false, null, "", "07400 123457")));
        assertEquals(List.of("emergencyContact.phone"), fields(check.check(Audience.PATIENT, "", true, "07400 123456", "Sam", "12")));
    }

    @Test
    void everyProblem_shouldBeFoundAtOnce() {
        Checked c = check.check(Audience.PATIENT, "", true, "+999 123", "x".repeat(101), "hello");
        assertEquals(List.of("phone", "emergencyContact.name", "emergencyContact.phone"), fields(c));
        assertNull(c.phone());
    }

    private static List<String> fields(Checked c) {
        return c.errors().stream().map(FieldError::field).toList();
    }
}
