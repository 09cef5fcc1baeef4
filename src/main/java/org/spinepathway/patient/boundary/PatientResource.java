package org.spinepathway.patient.boundary;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.spinepathway.patient.entity.Patient;
import org.spinepathway.patient.entity.Sex;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/**
 * {@code /api/v1/patients}: staff register patients (with an optional {@code phone} and
 * {@code emergencyContact {name, phone}}, stored as E.164); staff and the patient themselves read one.
 */
@Path("patients")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    @Inject
    PatientService patients;

    @POST
    @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
    public Response create(NewPatient input) {
        if (input == null) {
            throw InvalidInputException.of(null, "Send the patient as a JSON object.");
        }
        Patient patient = patients.create(input);
        return Response.created(URI.create("patients/" + patient.getId()))
                .entity(new Created(patient.getId(), patient.getMrn()))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.PATIENT_NAME, Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
    public PatientView read(@PathParam("id") long id) {
        return PatientView.of(patients.read(id));
    }

    public record Created(long id, String mrn) {
    }

    /** A patient as the API shows them; phone numbers in E.164, no emergency contact when there is none. */
    public record PatientView(long id, String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex, String email,
                              String phone, EmergencyContact emergencyContact) {
        static PatientView of(Patient p) {
            return new PatientView(p.getId(), p.getMrn(), p.getGivenName(), p.getFamilyName(), p.getBirthDate(), p.getSex(), p.getEmail(),
                    p.getPhone(), p.getEmergencyContactName() == null ? null
                            : new EmergencyContact(p.getEmergencyContactName(), p.getEmergencyContactPhone()));
        }
    }
}
