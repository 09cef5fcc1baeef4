package org.spinepathway.patient.web;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;

/** {@code /patient/home.xhtml}: the signed-in patient's own record. Opening it is audited. */
@Named
@ViewScoped
public class PatientHomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientService patients;

    private Patient patient;

    @PostConstruct
    void load() {
        patient = patients.readOwn().orElse(null);
    }

    public Patient getPatient() {
        return patient;
    }
}
