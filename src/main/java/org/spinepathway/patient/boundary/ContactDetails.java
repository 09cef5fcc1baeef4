package org.spinepathway.patient.boundary;

/**
 * How to reach a patient, as typed: their phone and an optional emergency contact. Numbers may be
 * written in any common way; they are stored in E.164 form.
 */
public record ContactDetails(String phone, EmergencyContact emergencyContact) {

    public static ContactDetails of(String phone, String emergencyContactName, String emergencyContactPhone) {
        boolean none = (emergencyContactName == null || emergencyContactName.isBlank())
                && (emergencyContactPhone == null || emergencyContactPhone.isBlank());
        return new ContactDetails(phone, none ? null : new EmergencyContact(emergencyContactName, emergencyContactPhone));
    }

    String contactName() {
        return emergencyContact == null ? null : emergencyContact.name();
    }

    String contactPhone() {
        return emergencyContact == null ? null : emergencyContact.phone();
    }
}
