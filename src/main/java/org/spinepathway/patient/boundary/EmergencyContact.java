package org.spinepathway.patient.boundary;

/** Someone the clinic may call when it cannot reach the patient: a name and a phone, both or neither. */
public record EmergencyContact(String name, String phone) {
}
