package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.testing.PackagedSettings;

/** Every rule of escalation-rules.md at its boundaries, and the suppression of "Life of a flag". */
class EscalationRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final EscalationThresholds T = PackagedSettings.thresholds();

    @Nested
    class Improvement {
        @Test
        void twoPointsThatAreUnderThirtyPercent_isNotPainImprovement() {
            assertFalse(new ClinicalChange(facts().baseline(8, null).visit(50, 6, null).build(), day(50), T).painImproved(), "8 -> 6: 25%");
            assertTrue(new ClinicalChange(facts().baseline(6, null).visit(50, 4, null).build(), day(50), T).painImproved(), "6 -> 4: 33%");
            assertTrue(new ClinicalChange(facts().baseline(10, null).visit(50, 7, null).build(), day(50), T).painImproved(), "10 -> 7: 30% exactly");
            assertFalse(new ClinicalChange(facts().baseline(3, null).visit(50, 2, null).build(), day(50), T).painImproved(), "1 point is never enough");
        }

        @Test
        void tenOdiPoints_isFunctionImprovement_nineAndAHalfIsNot() {
            assertTrue(new ClinicalChange(facts().baseline(null, "40.0").visit(50, null, "30.0").build(), day(50), T).functionImproved());
            assertFalse(new ClinicalChange(facts().baseline(null, "40.0").visit(50, null, "30.5").build(), day(50), T).functionImproved());
        }

        @Test
        void aMeasureMissingOnEitherSide_countsAsNotImproved() {
            assertFalse(new ClinicalChange(facts().baseline(null, "40.0").visit(50, 2, null).visit(51, null, null).build(), day(51), T).improving(),
                    "the first NRS becomes the baseline, and it is the latest too");
            assertFalse(new ClinicalChange(facts().baseline(7, null).visit(50, null, "10.0").build(), day(50), T).improving());
        }

        @Test
        void latestMeasures_comeFromTheMostRecentAssessmentThatRecordsThem() {
            ClinicalChange change = new ClinicalChange(facts().baseline(7, "40.0").visit(40, 4, "38.0").visit(50, null, "20.0").build(), day(50), T);
            assertEquals(4, change.latestNrs());
            assertEquals(new BigDecimal("20.0"), change.latestDisability());
        }
    }

    @Nested
    class Rules {
        @Test
        void notImproving_firesFrom42DaysAfterCareStart() {
            assertFalse(fires(new NotImprovingRule(T), facts().baseline(7, "40.0").visit(41, 6, "38.0").build(), day(60)), "latest visit at day 41");
            assertTrue(fires(new NotImprovingRule(T), facts().baseline(7, "40.0").visit(42, 6, "38.0").build(), day(60)), "latest visit at day 42");
            assertFalse(fires(new NotImprovingRule(T), facts().baseline(7, "40.0").visit(42, 4, "38.0").build(), day(60)), "pain improved");
            assertFalse(fires(new NotImprovingRule(T), facts().baseline(7, "40.0").visit(42, 7, "30.0").build(), day(60)), "function improved");
            assertFalse(fires(new NotImprovingRule(T), facts().noPlan().baseline(7, "40.0").visit(42, 7, "40.0").build(), day(60)), "needs a plan");
        }

        @Test
        void worsening_needs14DaysAndTwoPointsOrTenOdiPoints() {
            assertFalse(fires(new WorseningRule(T), facts().baseline(5, "30.0").visit(13, 7, null).build(), day(20)), "day 13");
            assertTrue(fires(new WorseningRule(T), facts().baseline(5, "30.0").visit(14, 7, null).build(), day(20)), "day 14, +2");
            assertFalse(fires(new WorseningRule(T), facts().baseline(5, "30.0").visit(14, 6, "39.9").build(), day(20)), "+1 and +9.9");
            assertTrue(fires(new WorseningRule(T), facts().baseline(5, "30.0").visit(14, 5, "40.0").build(), day(20)), "+10 ODI");
        }

        @Test
        void persistentSevere_needsTheTwoLatestPainScoresAtSevenOrMore_bothFromDay28() {
            assertTrue(fires(new PersistentSevereRule(T), facts().baseline(8, null).visit(28, 7, null).visit(35, 8, null).build(), day(40)));
            assertFalse(fires(new PersistentSevereRule(T), facts().baseline(8, null).visit(27, 7, null).visit(35, 8, null).build(), day(40)), "one at day 27");
            assertFalse(fires(new PersistentSevereRule(T), facts().baseline(8, null).visit(28, 6, null).visit(35, 8, null).build(), day(40)), "one at 6");
            assertTrue(fires(new PersistentSevereRule(T), facts().baseline(8, null).visit(28, 7, null).visit(30, null, "50.0").visit(35, 9, null).build(), day(40)),
                    "an assessment without NRS does not count");
            assertFalse(fires(new PersistentSevereRule(T), facts().baseline(8, null).visit(35, 8, null).build(), day(40)), "only one");
        }

        @Test
        void injectionsNoRelief_needsTwoInjections_andAVisit14DaysAfterTheLast() {
            EpisodeFactsBuilder twoInjections = facts().baseline(7, "40.0").injection(10).injection(20);
            assertFalse(fires(new InjectionsNoReliefRule(T), facts().baseline(7, "40.0").injection(10).visit(40, 7, "40.0").build(), day(40)), "one injection");
            assertFalse(fires(new InjectionsNoReliefRule(T), twoInjections.visit(33, 7, "40.0").build(), day(40)), "13 days after");
            assertTrue(fires(new InjectionsNoReliefRule(T), facts().baseline(7, "40.0").injection(10).injection(20).visit(34, 7, "40.0").build(), day(40)), "14 days after");
            assertFalse(fires(new InjectionsNoReliefRule(T), facts().baseline(7, "40.0").injection(10).injection(20).visit(34, 4, "40.0").build(), day(40)), "relieved");
        }

        @Test
        void notResolved_at84Days_whenPainAbove3OrOdiAbove20() {
            assertFalse(fires(new NotResolvedRule(T), facts().baseline(7, "40.0").visit(80, 5, "30.0").build(), day(83)), "day 83");
            assertTrue(fires(new NotResolvedRule(T), facts().baseline(7, "40.0").visit(80, 4, "10.0").build(), day(84)), "pain 4");
            assertFalse(fires(new NotResolvedRule(T), facts().baseline(7, "40.0").visit(80, 3, "20.0").build(), day(84)), "pain 3, ODI 20");
            assertTrue(fires(new NotResolvedRule(T), facts().baseline(7, "40.0").visit(80, 3, "20.5").build(), day(84)), "ODI 20.5");
        }

        @Test
        void followUpOverdue_after21DaysWithoutAnAssessment() {
            assertFalse(fires(new FollowUpOverdueRule(T), facts().build(), day(20)), "care started 20 days ago");
            assertTrue(fires(new FollowUpOverdueRule(T), facts().build(), day(21)), "21 days, never assessed");
            assertFalse(fires(new FollowUpOverdueRule(T), facts().visit(10, 5, null).build(), day(30)), "assessed 20 days before D");
            assertTrue(fires(new FollowUpOverdueRule(T), facts().visit(9, 5, null).build(), day(30)), "assessed 21 days before D");
            assertFalse(fires(new FollowUpOverdueRule(T), facts().state("UNDER_REVIEW").build(), day(30)), "only in conservative care");
        }

        @Test
        void redFlag_firesOnARedFlagRecordedAfterTheLastDecidedRedFlag() {
            assertTrue(fires(new RedFlagRule(), facts().noPlan().intakeRedFlag(-3).build(), day(0)), "from the intake, without a plan");
            assertFalse(fires(new RedFlagRule(), facts().intakeRedFlag(-3).decided(FlagRule.RED_FLAG, "DISMISSED", 5, null).build(), day(10)),
                    "the intake's red flag was decided");
            assertTrue(fires(new RedFlagRule(), facts().intakeRedFlag(-3).decided(FlagRule.RED_FLAG, "DISMISSED", 5, null)
                    .visitRecordedOn(4, 6, 6, true).build(), day(10)), "a new one recorded on day 6, dated day 4");
            assertFalse(fires(new RedFlagRule(), facts().visit(4, 6, null).build(), day(10)), "no red flag answered yes");
        }

        @Test
        void motorDecline_4to4_5to4_andAFirst3() {
            assertFalse(fires(new MotorDecline(T), facts().grade(10, "L5", 4).grade(20, "L5", 4).build(), day(30)), "4 -> 4");
            assertTrue(fires(new MotorDecline(T), facts().grade(10, "L5", 5).grade(20, "L5", 4).build(), day(30)), "5 -> 4");
            assertTrue(fires(new MotorDecline(T), facts().grade(20, "L5", 3).build(), day(30)), "a first 3");
            assertFalse(fires(new MotorDecline(T), facts().grade(20, "L5", 4).build(), day(30)), "a first 4");
        }
    }

    @Nested
    class LifeOfAFlag {
        private final EpisodeEvaluation evaluation = new EpisodeEvaluation(T);

        @Test
        void anOpenFlag_isNotRaisedAgain() {
            EpisodeFacts stillNotImproving = facts().baseline(7, "40.0").visit(42, 7, "40.0").open(FlagRule.NOT_IMPROVING).build();
            assertFalse(rules(evaluation.evaluate(stillNotImproving, day(50))).contains(FlagRule.NOT_IMPROVING));
        }

        @Test
        void aReferredEpisode_leavesTheRules() {
            assertEquals(Set.of(), rules(evaluation.evaluate(facts().state("REFERRED").intakeRedFlag(1).build(), day(50))));
        }

        @Test
        void dismissed_ruleWaitsForAnAssessmentRecordedAfterTheDecision() {
            EpisodeFactsBuilder dismissed = facts().baseline(7, "40.0").visitRecordedOn(42, 42, 7, false)
                    .decided(FlagRule.NOT_IMPROVING, "DISMISSED", 45, null);
            assertFalse(rules(evaluation.evaluate(dismissed.build(), day(50))).contains(FlagRule.NOT_IMPROVING));
            // An assessment entered after the decision, even one dated before it, lets the rule fire again.
            assertTrue(rules(evaluation.evaluate(dismissed.visitRecordedOn(44, 46, 7, false).build(), day(50))).contains(FlagRule.NOT_IMPROVING));
        }

        @Test
        void continued_noReviewRuleBeforeTheRecheckDate_urgentRulesStillFire() {
            EpisodeFactsBuilder continued = facts().baseline(7, "40.0").visitRecordedOn(42, 42, 7, false)
                    .decided(FlagRule.NOT_IMPROVING, "CONTINUED", 45, day(60)).visitRecordedOn(50, 50, 8, true);
            Set<FlagRule> before = rules(evaluation.evaluate(continued.build(), day(59)));
            assertFalse(before.contains(FlagRule.NOT_IMPROVING), "before the recheck date");
            assertFalse(before.contains(FlagRule.WORSENING), "no REVIEW rule at all");
            assertTrue(before.contains(FlagRule.RED_FLAG), "URGENT rules still fire");
            assertTrue(rules(evaluation.evaluate(continued.build(), day(60))).contains(FlagRule.NOT_IMPROVING),
                    "on the recheck date, with an assessment recorded after the decision");
        }

        @Test
        void continued_afterTheRecheckDate_stillNeedsAnAssessmentRecordedAfterTheDecision() {
            EpisodeFacts continued = facts().baseline(7, "40.0").visitRecordedOn(42, 42, 7, false)
                    .decided(FlagRule.NOT_IMPROVING, "CONTINUED", 45, day(60)).build();
            assertFalse(rules(evaluation.evaluate(continued, day(70))).contains(FlagRule.NOT_IMPROVING));
        }

        @Test
        void aClosedTask_waitsForAnAssessment() {
            EpisodeFacts closed = facts().decided(FlagRule.FOLLOW_UP_OVERDUE, "CLOSED", 25, null).build();
            assertFalse(rules(evaluation.evaluate(closed, day(30))).contains(FlagRule.FOLLOW_UP_OVERDUE));
        }
    }

    private static boolean fires(EscalationRule rule, EpisodeFacts facts, LocalDate d) {
        return rule.evaluate(facts, d).isPresent();
    }

    private static Set<FlagRule> rules(List<EpisodeEvaluation.Finding> findings) {
        Set<FlagRule> rules = EnumSet.noneOf(FlagRule.class);
        findings.forEach(f -> rules.add(f.rule()));
        return rules;
    }

    private static LocalDate day(int n) {
        return START.plusDays(n);
    }

    private static OffsetDateTime at(int n) {
        return day(n).atTime(12, 0).atOffset(ZoneOffset.UTC);
    }

    static EpisodeFactsBuilder facts() {
        return new EpisodeFactsBuilder();
    }

    /** An episode in conservative care since {@link #START}, built step by step. */
    static final class EpisodeFactsBuilder {
        private String state = "CONSERVATIVE_CARE";
        private LocalDate careStart = START;
        private Integer nrs;
        private BigDecimal disability;
        private OffsetDateTime intakeRedFlag;
        private final List<EpisodeFacts.Measurement> assessments = new ArrayList<>();
        private final List<MotorDeclineRule.Grade> grades = new ArrayList<>();
        private final List<LocalDate> injections = new ArrayList<>();
        private final Map<FlagRule, EpisodeFacts.Decision> decisions = new EnumMap<>(FlagRule.class);
        private EpisodeFacts.Decision lastContinue;
        private final Set<FlagRule> open = EnumSet.noneOf(FlagRule.class);

        EpisodeFactsBuilder state(String s) { state = s; return this; }
        EpisodeFactsBuilder noPlan() { careStart = null; return this; }
        EpisodeFactsBuilder baseline(Integer n, String d) { nrs = n; disability = d == null ? null : new BigDecimal(d); return this; }
        EpisodeFactsBuilder intakeRedFlag(int recordedDay) { intakeRedFlag = at(recordedDay); return this; }
        EpisodeFactsBuilder visit(int n, Integer pain, String odi) { return visitRecordedOn(n, n, pain, odi, false); }
        EpisodeFactsBuilder visitRecordedOn(int n, int recordedDay, Integer pain, boolean redFlag) { return visitRecordedOn(n, recordedDay, pain, null, redFlag); }
        EpisodeFactsBuilder visitRecordedOn(int n, int recordedDay, Integer pain, String odi, boolean redFlag) {
            assessments.add(new EpisodeFacts.Measurement(assessments.size() + 1, day(n), at(recordedDay), pain, odi == null ? null : new BigDecimal(odi), redFlag));
            return this;
        }
        EpisodeFactsBuilder grade(int n, String myotome, int grade) {
            grades.add(new MotorDeclineRule.Grade(grades.size() + 1, day(n), myotome, "LEFT", grade));
            return this;
        }
        EpisodeFactsBuilder injection(int n) { injections.add(day(n)); return this; }
        EpisodeFactsBuilder decided(FlagRule rule, String status, int decidedDay, LocalDate recheck) {
            EpisodeFacts.Decision decision = new EpisodeFacts.Decision(status, at(decidedDay), recheck);
            decisions.put(rule, decision);
            if (status.equals("CONTINUED")) {
                lastContinue = decision;
            }
            return this;
        }
        EpisodeFactsBuilder open(FlagRule rule) { open.add(rule); return this; }

        EpisodeFacts build() {
            return new EpisodeFacts(1, state, careStart, nrs, disability, intakeRedFlag, List.copyOf(assessments), List.copyOf(grades),
                    List.copyOf(injections), Map.copyOf(decisions), lastContinue, Set.copyOf(open));
        }
    }
}
