package org.spinepathway.care.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.control.CareRepository;
import org.spinepathway.care.control.FollowUpSchedule;
import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.EpisodeState;

/**
 * The clinic's follow-up schedule as configured: weekly check-ins while in care
 * ({@code clinic.follow-up.weekly}), the outcome time points ({@code clinic.follow-up.time-points})
 * and their windows. Read by the check-in pages (which ask the outcome questions inside an outcome
 * window) and by the invitation job.
 */
@ApplicationScoped
public class CheckInSchedule {

    @Inject
    @ConfigProperty(name = "clinic.follow-up.weekly")
    boolean weekly;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.weekly-window-days")
    int weeklyWindowDays;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.time-points")
    String timePoints;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.outcome-window-days")
    int outcomeWindowDays;

    @Inject
    CareRepository care;

    @Inject
    Clock clock;

    private FollowUpSchedule schedule;

    @PostConstruct
    void read() {
        schedule = new FollowUpSchedule(weekly, weeklyWindowDays, FollowUpSchedule.parseTimePoints(timePoints), outcomeWindowDays);
    }

    public FollowUpSchedule schedule() {
        return schedule;
    }

    /** A check-in the patient may answer now: its episode, how it is named, and the last day it can be answered. */
    public record OpenCheckIn(long episodeId, String words, LocalDate closes) {
    }

    /** The check-ins of these episodes due today and not yet answered (by anyone), for the patient's home page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpenCheckIn> dueToday(List<EpisodeOfCare> episodes) {
        LocalDate today = LocalDate.now(clock);
        List<OpenCheckIn> due = new ArrayList<>();
        for (EpisodeOfCare episode : episodes) {
            if (episode.getState() == EpisodeState.INTAKE) {
                continue;
            }
            care.planOf(episode.getId()).ifPresent(plan -> {
                boolean inCare = episode.getState() == EpisodeState.CONSERVATIVE_CARE || episode.getState() == EpisodeState.UNDER_REVIEW;
                List<Assessment> recorded = care.assessmentsOf(episode.getId());
                schedule.dueOn(plan.getStartDate(), today, inCare).stream()
                        .filter(c -> recorded.stream().noneMatch(a -> c.holds(a.getAssessedOn())))
                        .forEach(c -> due.add(new OpenCheckIn(episode.getId(), schedule.words(c.timePoint()), c.closes())));
            });
        }
        return due;
    }
}
