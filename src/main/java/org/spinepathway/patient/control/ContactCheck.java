package org.spinepathway.patient.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.spinepathway.patient.control.PhoneNumbers.Result;
import org.spinepathway.platform.control.FieldError;

/**
 * How to reach a patient, checked as a whole: their phone and an emergency contact (name and phone,
 * both or neither), numbers turned into E.164. Every problem is found at once and said for whoever
 * typed it: the patient ("your mobile number") or staff ("the patient's phone number").
 */
public final class ContactCheck {

    static final String BUNDLE = "org.spinepathway.platform.web.messages";
    static final int MAX_NAME_LENGTH = 100;

    /** Who typed the details, so whom the messages speak to. */
    public enum Audience {
        PATIENT("own", "own", "ownContact"),
        STAFF("patient", "patient", "patientContact");

        private final String key;
        private final String phoneSubject;
        private final String contactSubject;

        Audience(String key, String phoneSubject, String contactSubject) {
            this.key = key;
            this.phoneSubject = phoneSubject;
            this.contactSubject = contactSubject;
        }

        /** The key suffix of this audience's messages ({@code own} or {@code patient}). */
        public String key() {
            return key;
        }
    }

    /** The details as they are to be stored (numbers in E.164, blanks as null), or the problems. */
    public record Checked(String phone, String emergencyContactName, String emergencyContactPhone, List<FieldError> errors) {
    }

    private final PhoneNumbers numbers;

    public ContactCheck(PhoneNumbers numbers) {
        this.numbers = numbers;
    }

    /**
     * @param prefix        put before each field name ("person." on registration, "" elsewhere)
     * @param phoneRequired a patient registering or changing their own details must give a number
     */
    public Checked check(Audience audience, String prefix, boolean phoneRequired, String phone, String contactName, String contactPhone) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        List<FieldError> errors = new ArrayList<>();
        String phoneField = prefix + "phone";
        String nameField = prefix + "emergencyContact.name";
        String contactPhoneField = prefix + "emergencyContact.phone";

        String e164 = number(words, audience.phoneSubject, phoneField, phone, errors);
        if (e164 == null && phoneRequired && blank(phone)) {
            errors.add(new FieldError(phoneField, words.getString("phone.required.own")));
        }
        String name = blank(contactName) ? null : contactName.strip();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError(nameField, words.getString("contactDetails.name.tooLong")));
        } else if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(nameField, words.getString("contactDetails.name.control")));
        }
        String contactE164 = number(words, audience.contactSubject, contactPhoneField, contactPhone, errors);
        if (name == null && !blank(contactPhone)) {
            errors.add(new FieldError(nameField, words.getString("contactDetails.nameMissing." + audience.key)));
        }
        if (name != null && blank(contactPhone)) {
            errors.add(new FieldError(contactPhoneField, words.getString("contactDetails.phoneMissing." + audience.key)));
        }
        return new Checked(e164, name, contactE164, List.copyOf(errors));
    }

    private String number(ResourceBundle words, String subjectKey, String field, String typed, List<FieldError> errors) {
        if (blank(typed)) {
            return null;
        }
        Result result = numbers.parse(typed);
        if (result.isValid()) {
            return result.e164();
        }
        String key = result.refusal() == PhoneNumbers.Refusal.NOT_VALID_FOR_REGION && result.region() == null
                ? "phone.refused.NOT_VALID" : "phone.refused." + result.refusal().name();
        String message = words.getString(key).replace("{0}", words.getString("phone.subject." + subjectKey));
        if (result.regionName() != null) {
            message = message.replace("{1}", result.regionName());
        }
        errors.add(new FieldError(field, message));
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
