package org.spinepathway.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import org.spinepathway.care.control.EpisodeRepository;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.escalation.entity.FlagRule;

/**
 * Raises one flag found by the nightly evaluation, in its own transaction, with the episode locked
 * as when an assessment is saved: the job and a clinician saving a visit never both raise it.
 */
@ApplicationScoped
public class FlagRaiser {

    @Inject
    EpisodeRepository episodes;

    @Inject
    EscalationService escalation;

    /** True when a new flag was raised; false when the episode left the rules or the flag was open already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean raise(long episodeId, FlagRule rule, JsonObject evidence) {
        EpisodeOfCare episode = episodes.findForUpdate(episodeId).orElse(null);
        if (episode == null || !episode.getState().isActive()) {
            return false;
        }
        return escalation.raiseIfNew(episode, rule, evidence);
    }
}
