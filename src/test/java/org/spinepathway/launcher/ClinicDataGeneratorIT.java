package org.spinepathway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.control.EpisodeEvaluation;
import org.spinepathway.escalation.control.EpisodeFacts;
import org.spinepathway.escalation.control.EpisodeFactsReader;
import org.spinepathway.escalation.control.EscalationThresholds;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.platform.control.SchemaMigrator;
import org.spinepathway.testing.EmbeddedDatabase;

/**
 * The synthetic clinic on a real, migrated PostgreSQL: the same seed makes the same clinic, every
 * row passes the schema's constraints, and the mix gives the rules something to find.
 */
class ClinicDataGeneratorIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void theSameSeed_makesTheSameClinic_andTheMixFeedsEveryKindOfRule() throws Exception {
        DataSource first = migrated("generator_a");
        DataSource second = migrated("generator_b");
        ClinicDataGenerator.Summary made;
        try (Connection a = first.getConnection(); Connection b = second.getConnection()) {
            made = ClinicDataGenerator.generate(a, 1000, 7L, TODAY, List.of(), List.of());
            ClinicDataGenerator.generate(b, 1000, 7L, TODAY, List.of(), List.of());
            assertEquals(fingerprint(a), fingerprint(b), "same seed, same clinic");
            assertEquals(1000, made.episodes());
            long perEpisode = made.assessments() / 1000;
            assertTrue(perEpisode >= 4 && perEpisode <= 10, "4-10 assessments each: " + made.assessments());
            assertTrue(single(a, "SELECT count(*) FROM assessment WHERE assessed_on > DATE '" + TODAY + "'") == 0, "none in the future");
            long redFlags = single(a, "SELECT count(DISTINCT episode_id) FROM assessment WHERE red_flags <> ''");
            assertTrue(redFlags >= 3 && redFlags <= 25, "about 1% with a red flag: " + redFlags);
            assertTrue(single(a, "SELECT count(*) FROM intervention WHERE type = 'INJECTION'") > 200, "injections for about a quarter");

            Map<FlagRule, Integer> fired = new EnumMap<>(FlagRule.class);
            EpisodeFactsReader reader = new EpisodeFactsReader(a);
            EpisodeEvaluation evaluation = new EpisodeEvaluation(EscalationThresholds.defaults());
            List<Long> ids;
            long after = 0;
            while (!(ids = reader.nextActive(after, 250)).isEmpty()) {
                for (EpisodeFacts facts : reader.read(ids, TODAY)) {
                    evaluation.evaluate(facts, TODAY).forEach(f -> fired.merge(f.rule(), 1, Integer::sum));
                }
                after = ids.get(ids.size() - 1);
            }
            for (FlagRule rule : List.of(FlagRule.RED_FLAG, FlagRule.WORSENING, FlagRule.NOT_IMPROVING, FlagRule.PERSISTENT_SEVERE,
                    FlagRule.INJECTIONS_NO_RELIEF, FlagRule.NOT_RESOLVED_12_WEEKS, FlagRule.FOLLOW_UP_OVERDUE)) {
                assertTrue(fired.getOrDefault(rule, 0) > 0, rule + " never fires on the generated clinic: " + fired);
            }
            assertTrue(fired.get(FlagRule.NOT_IMPROVING) < 500, "most episodes improve: " + fired);
        }
    }

    private static DataSource migrated(String name) {
        DataSource dataSource = EmbeddedDatabase.get().dataSource(EmbeddedDatabase.get().createDatabase(name));
        new SchemaMigrator(ClinicDataGeneratorIT.class.getClassLoader()).migrate(dataSource);
        return dataSource;
    }

    private static String fingerprint(Connection c) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String sql : List.of(
                "SELECT md5(string_agg(given_name || family_name || birth_date || sex, ',' ORDER BY id)) FROM patient",
                "SELECT md5(string_agg(region || side || baseline_nrs || baseline_disability, ',' ORDER BY id)) FROM episode_of_care",
                "SELECT md5(string_agg(episode_id || '/' || assessed_on || source || nrs || disability_score || red_flags, ',' ORDER BY id)) FROM assessment",
                "SELECT md5(string_agg(plan_id || type || start_date, ',' ORDER BY id)) FROM intervention")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                parts.add(rs.getString(1));
            }
        }
        return String.join(":", parts);
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
