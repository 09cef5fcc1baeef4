package org.spinepathway.patient.web;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;

/** {@code /patient/home.xhtml}: the signed-in patient's own record and their intakes. Opening it is audited. */
@Named
@ViewScoped
public class PatientHomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientService patients;

    @Inject
    EpisodeService episodes;

    private Patient patient;
    private List<EpisodeOfCare> complaints;

    @PostConstruct
    void load() {
        patient = patients.readOwn().orElse(null);
        complaints = episodes.ofSignedInPatient();
    }

    /** The patient's complaints (episodes), newest first, each with its intake. */
    public List<EpisodeOfCare> getComplaints() {
        return complaints;
    }

    public Patient getPatient() {
        return patient;
    }
}
