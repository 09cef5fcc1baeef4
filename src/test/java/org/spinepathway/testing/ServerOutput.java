package org.spinepathway.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The server log as the test JVM sees it: Arquillian copies each line Payara Micro writes to this
 * JVM's {@code System.out} (outputToConsole in arquillian.xml), looking {@code System.out} up for
 * every line, so a tee installed here sees every line the server logs from now on, while the
 * console still gets them.
 */
public final class ServerOutput implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private ServerOutput() {
        original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    public static ServerOutput capture() {
        return new ServerOutput();
    }

    /** The lines written since the capture began. */
    public List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Waits until a line satisfies the condition; false if none did in time. */
    public boolean await(Predicate<String> line, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines().stream().anyMatch(line)) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return lines().stream().anyMatch(line);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
