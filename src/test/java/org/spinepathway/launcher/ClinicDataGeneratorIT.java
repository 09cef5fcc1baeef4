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
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.patient.control.PhoneNumbers;
import org.spinepathway.platform.control.SchemaMigrator;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.PackagedSettings;

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
            assertEquals(0, single(a, "SELECT count(*) FROM patient WHERE phone IS NULL"), "every patient can be reached");
            long withContact = single(a, "SELECT count(*) FROM patient WHERE emergency_contact_name IS NOT NULL");
            assertTrue(withContact > 200 && withContact < 500, "about a third with an emergency contact: " + withContact);
            PhoneNumbers numbers = new PhoneNumbers("GB");
            try (Statement s = a.createStatement();
                 ResultSet rs = s.executeQuery("SELECT phone FROM patient UNION ALL SELECT emergency_contact_phone FROM patient"
                         + " WHERE emergency_contact_phone IS NOT NULL")) {
                while (rs.next()) {
                    assertEquals(rs.getString(1), numbers.parse(rs.getString(1)).e164(), "a number libphonenumber takes as valid");
                }
            }

            Map<FlagRule, Integer> fired = new EnumMap<>(FlagRule.class);
            EpisodeEvaluation evaluation = new EpisodeEvaluation(PackagedSettings.thresholds());
            for (EpisodeFacts facts : onePass(a)) {
                evaluation.evaluate(facts, TODAY).forEach(f -> fired.merge(f.rule(), 1, Integer::sum));
            }
            for (FlagRule rule : List.of(FlagRule.RED_FLAG, FlagRule.WORSENING, FlagRule.NOT_IMPROVING, FlagRule.PERSISTENT_SEVERE,
                    FlagRule.INJECTIONS_NO_RELIEF, FlagRule.NOT_RESOLVED_12_WEEKS, FlagRule.FOLLOW_UP_OVERDUE)) {
                assertTrue(fired.getOrDefault(rule, 0) > 0, rule + " never fires on the generated clinic: " + fired);
            }
            assertTrue(fired.get(FlagRule.NOT_IMPROVING) < 500, "most episodes improve: " + fired);
        }
    }

    /**
     * The nightly evaluation's one pass (a cursor per part, merged by episode id) reads exactly what
     * the batch reader reads episode set by episode set, on a clinic with every part present: motor
     * grades, a voided visit, a future-dated visit, decided and open flags, closed and voided episodes.
     */
    @Test
    void theOnePass_readsTheSameFactsAsTheBatchReader() throws Exception {
        DataSource clinic = migrated("generator_pass");
        try (Connection c = clinic.getConnection(); Statement s = c.createStatement()) {
            ClinicDataGenerator.generate(c, 600, 11L, TODAY, List.of(), List.of());
            s.execute("INSERT INTO motor_grade (assessment_id, myotome, side, grade) SELECT id, 'L5', 'LEFT', 5 - (id % 3)::int FROM assessment"
                    + " WHERE source = 'CLINICIAN' AND id % 7 = 0");
            s.execute("UPDATE assessment SET voided_at = now(), voided_by = 'test', void_reason = 'wrong patient' WHERE id % 11 = 0");
            s.execute("UPDATE assessment SET assessed_on = DATE '" + TODAY.plusDays(3) + "' WHERE id % 13 = 0");
            s.execute("INSERT INTO escalation_flag (episode_id, rule, priority, status, raised_on, raised_at, rule_version, evidence, decided_by,"
                    + " decided_at, recheck_on, created_by, updated_by) SELECT id, 'NOT_IMPROVING', 'REVIEW', (ARRAY['OPEN','CONTINUED','DISMISSED'])[1 + id % 3],"
                    + " DATE '2026-10-01', now(), '2026.1', '{}', CASE WHEN id % 3 > 0 THEN 'dr' END, CASE WHEN id % 3 > 0 THEN now() - (id % 5) * interval '1 day' END,"
                    + " CASE WHEN id % 3 = 1 THEN DATE '2026-12-01' END, 'test', 'test' FROM episode_of_care WHERE id % 4 = 0");
            s.execute("INSERT INTO escalation_flag (episode_id, rule, priority, status, raised_on, raised_at, rule_version, evidence, decided_by,"
                    + " decided_at, created_by, updated_by) SELECT id, 'WORSENING', 'REVIEW', 'DISMISSED', DATE '2026-09-01', now(), '2026.1', '{}', 'dr',"
                    + " now() - interval '30 days', 'test', 'test' FROM episode_of_care WHERE id % 8 = 0");
            s.execute("UPDATE episode_of_care SET state = 'DISCHARGED' WHERE id % 17 = 0");
            s.execute("UPDATE episode_of_care SET voided_at = now(), voided_by = 'test', void_reason = 'duplicate' WHERE id % 19 = 0");

            List<EpisodeFacts> batched = new ArrayList<>();
            EpisodeFactsReader reader = new EpisodeFactsReader(c);
            List<Long> ids;
            long after = 0;
            while (!(ids = reader.nextActive(after, 70)).isEmpty()) {
                batched.addAll(reader.read(ids, TODAY));
                after = ids.get(ids.size() - 1);
            }
            List<EpisodeFacts> passed = onePass(c);
            assertTrue(batched.size() > 500 && batched.size() < 600, "closed and voided episodes are left out: " + batched.size());
            assertTrue(batched.stream().anyMatch(f -> !f.grades().isEmpty()) && batched.stream().anyMatch(f -> !f.lastDecisions().isEmpty())
                    && batched.stream().anyMatch(f -> !f.open().isEmpty()) && batched.stream().anyMatch(f -> !f.injections().isEmpty()),
                    "every part has rows");
            assertEquals(batched.size(), passed.size(), "as many episodes");
            for (int i = 0; i < batched.size(); i++) {
                assertEquals(batched.get(i), passed.get(i), "episode " + batched.get(i).episodeId());
            }
            assertTrue(c.getAutoCommit(), "the pass gives the connection back as it found it");
        }
    }

    /** Every active episode's facts as the nightly evaluation reads them, in batches of 70. */
    private static List<EpisodeFacts> onePass(Connection c) throws Exception {
        List<EpisodeFacts> all = new ArrayList<>();
        try (EpisodeFactsReader.Pass pass = new EpisodeFactsReader(c).pass(TODAY, 100)) {
            for (List<EpisodeFacts> batch = pass.next(70); !batch.isEmpty(); batch = pass.next(70)) {
                all.addAll(batch);
            }
        }
        return all;
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
