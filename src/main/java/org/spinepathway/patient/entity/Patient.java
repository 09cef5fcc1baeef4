package org.spinepathway.patient.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.spinepathway.platform.entity.VoidableEntity;

/**
 * A patient of the clinic. Names are stored as typed and always shown escaped. How to reach them (their
 * phone, an emergency contact) holds numbers in E.164 form only, and an emergency contact is whole or
 * absent; the database holds both to that as well.
 */
@Entity
@Table(name = "patient")
@NamedQuery(name = Patient.FIND_BY_ACCOUNT,
        query = "SELECT p FROM Patient p WHERE p.accountId = :accountId AND p.voidedAt IS NULL")
public class Patient extends VoidableEntity {

    public static final String FIND_BY_ACCOUNT = "Patient.findByAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "mrn", nullable = false, updatable = false, length = 20)
    private String mrn;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", nullable = false, length = 16)
    private Sex sex;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 40)
    private String phone;

    @Column(name = "emergency_contact_name", length = 100)
    private String emergencyContactName;

    @Column(name = "emergency_contact_phone", length = 16)
    private String emergencyContactPhone;

    /** The patient's own login, if they registered; refers to {@code user_account}. */
    @Column(name = "account_id")
    private Long accountId;

    /** When the patient asked for no more follow-up e-mails (null: they get them); written by SQL where it changes. */
    @Column(name = "follow_up_stopped_at", insertable = false, updatable = false)
    private OffsetDateTime followUpStoppedAt;

    protected Patient() {
        // for JPA
    }

    public Patient(String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex, String email, Long accountId) {
        this.mrn = mrn;
        this.givenName = givenName;
        this.familyName = familyName;
        this.birthDate = birthDate;
        this.sex = sex;
        this.email = email;
        this.accountId = accountId;
    }

    /**
     * Sets how to reach the patient. The numbers come checked and in E.164 form (PhoneNumbers); an
     * emergency contact needs both name and phone.
     *
     * @return whether anything changed
     */
    public boolean changeContactDetails(String phone, String emergencyContactName, String emergencyContactPhone) {
        if ((emergencyContactName == null) != (emergencyContactPhone == null)) {
            throw new IllegalArgumentException("an emergency contact has both a name and a phone, or neither");
        }
        boolean changed = !Objects.equals(this.phone, phone)
                || !Objects.equals(this.emergencyContactName, emergencyContactName)
                || !Objects.equals(this.emergencyContactPhone, emergencyContactPhone);
        this.phone = phone;
        this.emergencyContactName = emergencyContactName;
        this.emergencyContactPhone = emergencyContactPhone;
        return changed;
    }

    public Long getId() {
        return id;
    }

    public String getMrn() {
        return mrn;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmergencyContactName() {
        return emergencyContactName;
    }

    public String getEmergencyContactPhone() {
        return emergencyContactPhone;
    }

    public boolean isFollowUpEmailsStopped() {
        return followUpStoppedAt != null;
    }

    public Long getAccountId() {
        return accountId;
    }
}
