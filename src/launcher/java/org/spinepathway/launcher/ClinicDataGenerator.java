package org.spinepathway.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * Synthetic clinic data, deterministic from a seed, written for speed: every table is filled by
 * one set-based {@code INSERT ... SELECT} over {@code generate_series}, never row by row. For N
 * episodes (one per patient): the patient (with a mobile number, a third with an emergency contact), a submitted intake (baseline), the episode in
 * conservative care, a plan with physical therapy, medication for half and injections for a
 * quarter, and 4-10 assessments over 0-20 weeks. The mix: 60% improving, 20% not improving, 10%
 * worsening, 1% with a red flag at the last visit, 9% overdue for follow-up.
 *
 * <p>Randomness is {@code hashint8(k * prime + seed)} of the episode's number k, so the same seed
 * gives the same clinic on any machine, whatever order PostgreSQL evaluates rows in.
 *
 * <p>Used by the demo clinic ({@code CLINIC_DEMO_PATIENTS}) and by the benchmarks; run alone with
 * {@code main(jdbcUrl, user, password, episodes, seed)}.
 */
public final class ClinicDataGenerator {

    private static final List<String> GIVEN = List.of("Ada", "Grace", "Alan", "Mary", "Rosalind", "Niels", "Emmy", "Carl", "Sofia", "Marie",
            "Lise", "Katherine", "Dorothy", "Edsger", "Barbara", "Claude", "Hedy", "John", "Tim", "Radia", "Frances", "Margaret", "Linus",
            "Joan", "Annie", "Chien-Shiung", "Srinivasa", "Hypatia", "Ibn", "Florence", "Mae", "Jocelyn", "Vera", "Henrietta", "Gertrude",
            "Rachel", "Jane", "Stephen", "Richard", "Lovelace");
    private static final List<String> FAMILY = List.of("Lovelace", "Hopper", "Turing", "Somerville", "Franklin", "Bohr", "Noether", "Gauss",
            "Kovalevskaya", "Curie", "Meitner", "Johnson", "Vaughan", "Dijkstra", "Liskov", "Shannon", "Lamarr", "McCarthy", "Berners-Lee",
            "Perlman", "Allen", "Hamilton", "Torvalds", "Clarke", "Easley", "Wu", "Ramanujan", "Alexandria", "Sina", "Nightingale",
            "Jemison", "Bell", "Rubin", "Leavitt", "Elion", "Carson", "Goodall", "Hawking", "Feynman", "Fermi", "Dirac", "Planck", "Pauli",
            "Heisenberg", "Born", "Maxwell", "Faraday", "Kelvin", "Joule", "Ohm", "Volta", "Ampere", "Tesla", "Edison", "Babbage", "Boole",
            "Leibniz", "Euler", "Riemann", "Hilbert");

    /** What was made, for the caller's report. */
    public record Summary(int episodes, long assessments, long interventions, double seconds) {
    }

    private ClinicDataGenerator() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 4) {
            System.err.println("usage: ClinicDataGenerator jdbcUrl user password episodes [seed]");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            List<Long> physios = staff(connection, "PHYSIO");
            List<Long> physicians = staff(connection, "PHYSICIAN");
            Summary summary = generate(connection, Integer.parseInt(args[3]), args.length > 4 ? Long.parseLong(args[4]) : 42L, LocalDate.now(),
                    physios, physicians);
            System.out.printf("Generated %,d episodes, %,d assessments, %,d interventions in %.1f s%n", summary.episodes(), summary.assessments(),
                    summary.interventions(), summary.seconds());
        }
    }

    /** The enabled staff of a role, by id: generated episodes are shared out among them. */
    public static List<Long> staff(Connection connection, String role) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM user_account WHERE enabled AND role = '" + role + "' ORDER BY id")) {
            List<Long> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    /**
     * Adds {@code episodes} patients with their care to the database, as of {@code today}.
     *
     * @param physios physiotherapists to share the episodes among (none: unassigned)
     * @param physicians physicians to share them among (none: unassigned)
     */
    public static Summary generate(Connection connection, int episodes, long seed, LocalDate today, List<Long> physios,
                                   List<Long> physicians) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = off");
            long patientBase = max(s, "patient");
            long episodeBase = max(s, "episode_of_care");
            long intakeBase = max(s, "intake");
            long planBase = max(s, "treatment_plan");
            String d = "DATE '" + today + "'";

            // One row of parameters per episode; h(n) is a deterministic number 0..999 for (episode, n).
            s.execute("CREATE TEMP TABLE gen ON COMMIT DROP AS SELECT k, " + h(1, seed) + " AS u_profile, " + h(2, seed) + " AS u_weeks, "
                    + h(3, seed) + " AS u_day, " + h(4, seed) + " AS u_count, " + h(5, seed) + " AS u_pain, " + h(6, seed) + " AS u_odi, "
                    + h(7, seed) + " AS u_region, " + h(8, seed) + " AS u_inject, " + h(9, seed) + " AS u_drug, " + h(10, seed) + " AS u_staff, "
                    + h(11, seed) + " AS u_name, " + h(12, seed) + " AS u_birth"
                    + " FROM generate_series(1, " + episodes + ") AS k");
            s.execute("ALTER TABLE gen ADD COLUMN profile text, ADD COLUMN care_start date, ADD COLUMN n_assess int, ADD COLUMN base_nrs int,"
                    + " ADD COLUMN base_odi numeric(5,1), ADD COLUMN cervical boolean, ADD COLUMN span int");
            s.execute("UPDATE gen SET profile = CASE WHEN u_profile < 600 THEN 'IMPROVING' WHEN u_profile < 800 THEN 'FLAT'"
                    + " WHEN u_profile < 900 THEN 'WORSENING' WHEN u_profile < 910 THEN 'RED_FLAG' ELSE 'OVERDUE' END,"
                    + " n_assess = 4 + u_count % 7, base_nrs = 5 + u_pain % 5, base_odi = 30 + u_odi % 41, cervical = u_region % 5 = 0");
            // Care lasted 0-20 weeks; an overdue episode at least 5 weeks, its visits stopping 22+ days ago.
            s.execute("UPDATE gen SET care_start = " + d + " - ((CASE WHEN profile = 'OVERDUE' THEN 5 + u_weeks % 16 ELSE u_weeks % 21 END) * 7"
                    + " + u_day % 7)");
            s.execute("UPDATE gen SET span = GREATEST(0, (" + d + " - care_start) - CASE WHEN profile = 'OVERDUE' THEN 22 ELSE 0 END)");

            // Mobile numbers from 07400 and 07401, UK ranges libphonenumber takes as valid; a third have an emergency contact.
            s.execute("INSERT INTO patient (id, mrn, given_name, family_name, birth_date, sex, phone, emergency_contact_name,"
                    + " emergency_contact_phone, created_by, updated_by) OVERRIDING SYSTEM VALUE"
                    + " SELECT " + patientBase + " + k, 'SP' || nextval('patient_mrn_seq'), (" + array(GIVEN) + ")[1 + u_name % " + GIVEN.size() + "],"
                    + " (" + array(FAMILY) + ")[1 + (u_name * 7 + u_birth) % " + FAMILY.size() + "], DATE '1940-01-01' + (u_birth * 22),"
                    + " CASE WHEN u_birth % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, '+447400' || lpad((k % 1000000)::text, 6, '0'),"
                    + " CASE WHEN u_name % 3 = 0 THEN (" + array(GIVEN) + ")[1 + u_birth % " + GIVEN.size() + "] || ' '"
                    + " || (" + array(FAMILY) + ")[1 + (u_name * 7 + u_birth) % " + FAMILY.size() + "] END,"
                    + " CASE WHEN u_name % 3 = 0 THEN '+447401' || lpad((k % 1000000)::text, 6, '0') END, 'generator', 'generator' FROM gen");
            s.execute("INSERT INTO episode_of_care (id, patient_id, region, side, state, physio_id, physician_id, opened_on, baseline_nrs,"
                    + " baseline_instrument, baseline_disability, care_opened_at, care_opened_by, created_by, updated_by) OVERRIDING SYSTEM VALUE"
                    + " SELECT " + episodeBase + " + k, " + patientBase + " + k, CASE WHEN cervical THEN 'CERVICAL' ELSE 'LUMBAR' END,"
                    + " (ARRAY['LEFT','RIGHT','BOTH'])[1 + u_region % 3], 'CONSERVATIVE_CARE', " + pick(physios, "u_staff") + ", "
                    + pick(physicians, "u_staff / 7") + ", care_start - 3, base_nrs, CASE WHEN cervical THEN 'NDI' ELSE 'ODI' END, base_odi,"
                    + " (care_start - 1)::timestamptz, 'generator', 'generator', 'generator' FROM gen");
            s.execute("INSERT INTO intake (id, episode_id, version_no, status, current_step, answers, pain_now, pain_worst, disability_instrument,"
                    + " disability_score, red_flags, submitted_on, submitted_at, submitted_by, created_by, updated_by) OVERRIDING SYSTEM VALUE"
                    + " SELECT " + intakeBase + " + k, " + episodeBase + " + k, 1, 'SUBMITTED', 7, '{}', base_nrs, LEAST(10, base_nrs + 1),"
                    + " CASE WHEN cervical THEN 'NDI' ELSE 'ODI' END, base_odi, '', care_start - 3, (care_start - 3)::timestamptz + interval '10 hours',"
                    + " 'generator', 'generator', 'generator' FROM gen");
            s.execute("INSERT INTO treatment_plan (id, episode_id, goals, start_date, review_date, created_by, updated_by) OVERRIDING SYSTEM VALUE"
                    + " SELECT " + planBase + " + k, " + episodeBase + " + k, 'Back to usual activities without radiating pain', care_start,"
                    + " care_start + 42, 'generator', 'generator' FROM gen");
            long interventions = s.executeUpdate("INSERT INTO intervention (plan_id, type, details, start_date, end_date, status, given_on,"
                    + " created_by, updated_by)"
                    + " SELECT " + planBase + " + k, 'PHYSICAL_THERAPY', '{\"programme\":\"McKenzie extension\",\"sessionsPerWeek\":2}', care_start,"
                    + " NULL::date, 'ACTIVE', NULL::date, 'generator', 'generator' FROM gen"
                    + " UNION ALL SELECT " + planBase + " + k, 'MEDICATION', '{\"drug\":\"naproxen\",\"dose\":\"500 mg\",\"frequency\":\"twice daily\","
                    + "\"drugClass\":\"NSAID\"}', care_start, NULL, 'ACTIVE', NULL, 'generator', 'generator' FROM gen WHERE u_drug % 2 = 0"
                    + " UNION ALL SELECT " + planBase + " + k, 'INJECTION', '{\"kind\":\"EPIDURAL_STEROID\",\"level\":\"L4-L5\"}',"
                    + " LEAST(" + d + ", care_start + 14), LEAST(" + d + ", care_start + 14), 'COMPLETED', LEAST(" + d + ", care_start + 14),"
                    + " 'generator', 'generator' FROM gen WHERE u_inject < 250"
                    + " UNION ALL SELECT " + planBase + " + k, 'INJECTION', '{\"kind\":\"NERVE_ROOT_BLOCK\",\"level\":\"L5\"}',"
                    + " LEAST(" + d + ", care_start + 35), LEAST(" + d + ", care_start + 35), 'COMPLETED', LEAST(" + d + ", care_start + 35),"
                    + " 'generator', 'generator' FROM gen WHERE u_inject < 120");
            // Visits spread over the care so far; pain and ODI/NDI follow the episode's profile.
            long assessments = s.executeUpdate("INSERT INTO assessment (episode_id, assessed_on, source, nrs, disability_instrument,"
                    + " disability_score, red_flags, adherence, recorded_at, created_by, updated_by)"
                    + " SELECT " + episodeBase + " + k, care_start + (j * span / n_assess),"
                    + " CASE WHEN (u_day + j) % 5 = 0 THEN 'PATIENT' ELSE 'CLINICIAN' END,"
                    + " GREATEST(0, LEAST(10, CASE profile"
                    + "   WHEN 'IMPROVING' THEN base_nrs - ((base_nrs - 1 - u_pain % 3) * j) / n_assess"
                    + "   WHEN 'WORSENING' THEN base_nrs + (3 * j) / n_assess"
                    + "   ELSE base_nrs - j % 2 END)),"
                    + " CASE WHEN cervical THEN 'NDI' ELSE 'ODI' END,"
                    + " GREATEST(0, LEAST(100, CASE profile"
                    + "   WHEN 'IMPROVING' THEN base_odi - ((base_odi - 12) * j) / n_assess"
                    + "   WHEN 'WORSENING' THEN base_odi + (16 * j) / n_assess"
                    + "   ELSE base_odi - 2 * (j % 2) END))::numeric(5,1),"
                    + " CASE WHEN profile = 'RED_FLAG' AND j = n_assess THEN 'bladderBowelChange' ELSE '' END,"
                    + " CASE WHEN (u_drug + j) % 4 = 0 THEN 'PARTIAL' ELSE 'FULL' END,"
                    + " (care_start + (j * span / n_assess))::timestamptz + interval '11 hours', 'generator', 'generator'"
                    + " FROM gen, generate_series(1, n_assess) AS j");
            for (String table : List.of("patient", "episode_of_care", "intake", "treatment_plan")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("ANALYZE");
            }
            return new Summary(episodes, assessments, interventions, (System.nanoTime() - started) / 1e9);
        } catch (SQLException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A deterministic number 0..999 for the episode k and the draw n. */
    private static String h(int n, long seed) {
        long salt = seed * 1_000_003L + n * 7919L;
        return "((hashint8(k * " + (2 * n + 31) + " + " + salt + ")::bigint + 2147483648) % 1000)::int";
    }

    private static String pick(List<Long> ids, String by) {
        if (ids.isEmpty()) {
            return "NULL::bigint";
        }
        return "(ARRAY[" + String.join(",", ids.stream().map(String::valueOf).toList()) + "]::bigint[])[1 + (" + by + ") % " + ids.size() + "]";
    }

    private static String array(List<String> values) {
        return "ARRAY[" + String.join(",", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + "]";
    }

    private static long max(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
