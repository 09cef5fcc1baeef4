package org.spinepathway.care.entity;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.spinepathway.platform.entity.AuditedEntity;

/** The episode's conservative treatment plan; its start date is the care start the rules count from. */
@Entity
@Table(name = "treatment_plan")
@NamedQuery(name = TreatmentPlan.FIND_BY_EPISODE, query = "SELECT p FROM TreatmentPlan p WHERE p.episodeId = :episodeId")
public class TreatmentPlan extends AuditedEntity {

    public static final String FIND_BY_EPISODE = "TreatmentPlan.findByEpisode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "episode_id", nullable = false, updatable = false)
    private Long episodeId;

    @Column(name = "goals", nullable = false, length = 2000)
    private String goals;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "review_date", nullable = false)
    private LocalDate reviewDate;

    protected TreatmentPlan() {
        // for JPA
    }

    public TreatmentPlan(long episodeId, String goals, LocalDate startDate, LocalDate reviewDate) {
        this.episodeId = episodeId;
        this.goals = goals;
        this.startDate = startDate;
        this.reviewDate = reviewDate;
    }

    public void revise(String goals, LocalDate reviewDate) {
        this.goals = goals;
        this.reviewDate = reviewDate;
    }

    public Long getId() { return id; }
    public Long getEpisodeId() { return episodeId; }
    public String getGoals() { return goals; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getReviewDate() { return reviewDate; }
}
