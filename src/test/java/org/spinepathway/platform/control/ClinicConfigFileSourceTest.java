package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicConfigFileSourceTest {

    @TempDir
    Path dir;

    @Test
    void file_shouldProvideItsKeys_betweenPackagedDefaultsAndEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("clinic.properties"), "clinic.timezone = Europe/Paris \n# comment\nclinic.db.user=clinic\n");
        ClinicConfigFileSource source = new ClinicConfigFileSource(file.toString());

        assertEquals("Europe/Paris", source.getValue("clinic.timezone"));
        assertEquals("clinic", source.getValue("clinic.db.user"));
        assertNull(source.getValue("clinic.db.url"));
        assertEquals(2, source.getPropertyNames().size());
        assertTrue(source.getOrdinal() > 100 && source.getOrdinal() < 300,
                "above microprofile-config.properties (100), below environment variables (300)");
    }

    @Test
    void noFileNamed_shouldProvideNothing() {
        ClinicConfigFileSource source = new ClinicConfigFileSource(null);
        assertTrue(source.getPropertyNames().isEmpty());
        assertNull(source.getValue("clinic.timezone"));
    }

    @Test
    void missingFile_shouldStopTheStartWithItsPath() {
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> new ClinicConfigFileSource(dir.resolve("absent.properties").toString()));
        assertTrue(failure.getMessage().contains("absent.properties"), failure.getMessage());
    }
}
