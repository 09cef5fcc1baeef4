package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.spinepathway.care.entity.InterventionStatus;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.care.entity.Myotome;
import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.escalation.entity.ContactMethod;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;

/** Every code a person may meet has its words in the bundle, so no page, letter or audit line shows the code instead. */
class ClinicWordsTest {

    @Test
    void everyCodeShownToAPerson_hasItsWords() {
        List<String> missing = new ArrayList<>();
        check(missing, "rule", FlagRule.values());
        check(missing, "priority", FlagPriority.values());
        check(missing, "flagStatus", FlagStatus.values());
        check(missing, "history", AuditAction.values());
        check(missing, "intervention", InterventionType.values());
        check(missing, "interventionStatus", InterventionStatus.values());
        check(missing, "myotome", Myotome.values());
        check(missing, "contact.method", ContactMethod.values());
        check(missing, "role", Role.values());
        check(missing, "region", SpineRegion.values());
        check(missing, "intake.side", Side.values());
        for (RedFlag flag : RedFlag.values()) {
            for (String key : List.of("intake.redFlag." + flag.code(), "redFlag.short." + flag.code())) {
                if (ClinicWords.of(key).equals(key)) {
                    missing.add(key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRecordTypeTheAuditNames_hasItsWords() throws IOException {
        Pattern recordType = Pattern.compile("audit\\.record\\(AuditAction\\.[A-Z_]+,\\s*[^,]+,\\s*\"([A-Za-z]+)\"");
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = recordType.matcher(Files.readString(source));
                while (m.find()) {
                    if (ClinicWords.of("record." + m.group(1)).equals("record." + m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing);
    }

    @Test
    void aKeyWithoutWords_isReturnedAsItIs_neverAnError() {
        assertFalse(ClinicWords.of("no.such.key").isBlank());
    }

    private static void check(List<String> missing, String prefix, Enum<?>[] codes) {
        for (Enum<?> code : codes) {
            if (ClinicWords.of(prefix, code).equals(prefix + "." + code.name())) {
                missing.add(prefix + "." + code.name());
            }
        }
    }
}
