package org.spinepathway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Opens a PDF the application produced and reads its text, page by page. */
public final class Pdf {

    private Pdf() {
    }

    public static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /**
     * Renders every page to PNG with Debian's pdftoppm (poppler-utils), as {@code target/letters/<name>-<page>.png},
     * for a person to look at; returns the pages' files. The PNGs stay out of git (target/).
     */
    public static List<Path> renderPng(byte[] pdf, String name) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            throw new IllegalStateException("/usr/bin/pdftoppm is missing: rendering letters needs Debian's poppler-utils."
                    + " Install it with: apt-get install -y poppler-utils");
        }
        Path dir = Files.createDirectories(Path.of("target", "letters"));
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        Process render = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "80", file.toString(), dir.resolve(name).toString())
                .redirectErrorStream(true).start();
        String output = new String(render.getInputStream().readAllBytes());
        if (!render.waitFor(60, TimeUnit.SECONDS) || render.exitValue() != 0) {
            throw new IllegalStateException("pdftoppm failed: " + output);
        }
        try (var pages = Files.list(dir)) {
            return pages.filter(p -> p.getFileName().toString().startsWith(name + "-") && p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
