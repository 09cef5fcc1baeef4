package org.spinepathway.patient.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.patient.entity.Patient;

/** Patients in the database. */
@ApplicationScoped
public class PatientRepository {

    static final String MRN_PREFIX = "SP";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    /** The next medical record number; numbers come from a sequence and are never reused. */
    public String nextMrn() {
        Number next = (Number) em.createNativeQuery("SELECT nextval('patient_mrn_seq')").getSingleResult();
        return MRN_PREFIX + next.longValue();
    }

    public Patient add(Patient patient) {
        em.persist(patient);
        em.flush();
        return patient;
    }

    /** Writes pending changes now, so a stale version shows here rather than at commit. */
    public void flush() {
        em.flush();
    }

    /** A patient that is not voided. */
    public Optional<Patient> find(long id) {
        return Optional.ofNullable(em.find(Patient.class, id)).filter(p -> !p.isVoided());
    }

    public Optional<Patient> findByAccount(long accountId) {
        return em.createNamedQuery(Patient.FIND_BY_ACCOUNT, Patient.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    /** Stops or starts the patient's follow-up e-mails (a column the entity only reads); how many rows changed. The record is read again. */
    public int setFollowUpEmails(Patient patient, boolean wanted) {
        int changed = em.createNativeQuery(wanted
                        ? "UPDATE patient SET follow_up_stopped_at = NULL WHERE id = ? AND follow_up_stopped_at IS NOT NULL"
                        : "UPDATE patient SET follow_up_stopped_at = now() WHERE id = ? AND follow_up_stopped_at IS NULL")
                .setParameter(1, patient.getId()).executeUpdate();
        em.refresh(patient);
        return changed;
    }
}
