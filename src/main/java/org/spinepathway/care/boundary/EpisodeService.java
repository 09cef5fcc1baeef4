package org.spinepathway.care.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.spinepathway.care.control.EpisodeRepository;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;

/** Episodes of care: opened for a patient, read with the patient's access rules, moved through their states. */
@ApplicationScoped
@Transactional
public class EpisodeService {

    @Inject
    EpisodeRepository episodes;

    @Inject
    PatientService patients;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Staff open an episode for a patient. */
    public EpisodeOfCare open(long patientId, SpineRegion region, Side side) {
        Patient patient = patients.requireAccess(patientId);
        return add(patient, region, side);
    }

    /** A signed-in patient opens an episode for a new complaint, by starting its intake. */
    public EpisodeOfCare openForSignedInPatient(SpineRegion region, Side side) {
        Patient patient = patients.signedInPatient()
                .orElseThrow(() -> InvalidInputException.of(null, "There is no patient record for this account; please contact your clinic."));
        return add(patient, region, side);
    }

    private EpisodeOfCare add(Patient patient, SpineRegion region, Side side) {
        EpisodeOfCare episode = episodes.add(new EpisodeOfCare(patient.getId(), region, side, LocalDate.now(clock)));
        audit.record(AuditAction.CREATE, patient.getId(), "EpisodeOfCare", episode.getId(), region + " " + side);
        return episode;
    }

    /** The episode if the caller may see its patient; otherwise the same 404 as for an unknown id. */
    public EpisodeOfCare require(long episodeId) {
        EpisodeOfCare episode = episodes.find(episodeId).orElseThrow(() -> notFound(episodeId));
        patients.requireAccess(episode.getPatientId());
        return episode;
    }

    /** As {@link #require}, and locked until the transaction ends: changes to one episode go one at a time. */
    public EpisodeOfCare requireForUpdate(long episodeId) {
        EpisodeOfCare episode = episodes.findForUpdate(episodeId).orElseThrow(() -> notFound(episodeId));
        patients.requireAccess(episode.getPatientId());
        return episode;
    }

    public List<EpisodeOfCare> ofSignedInPatient() {
        return patients.signedInPatient().map(p -> episodes.ofPatient(p.getId())).orElse(List.of());
    }

    /** An open REVIEW or URGENT flag puts the episode under a physician's review. */
    public void putUnderReview(long episodeId) {
        episodes.find(episodeId).ifPresent(EpisodeOfCare::putUnderReview);
    }

    private static NotFoundException notFound(long episodeId) {
        return new NotFoundException("There is no episode " + episodeId + " that you may see.");
    }
}
