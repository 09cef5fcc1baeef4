package org.spinepathway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A Payara Micro JVM started by a test itself, for what Arquillian's one-container-per-test
 * cannot do: two instances of the clinic on one database, or one server watched from outside
 * (its RSS, its heap) through a long soak. Output goes to a log file under target/.
 */
public final class PayaraInstance implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private PayaraInstance(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Writes the deployment to {@code directory} as a WAR file, once for any number of instances. */
    public static Path export(WebArchive deployment, Path directory) {
        try {
            Files.createDirectories(directory);
            Path war = directory.resolve("spine-pathway.war");
            deployment.as(ZipExporter.class).exportTo(war.toFile(), true);
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Payara Micro with the WAR at the root context on a free port; {@code jvmOptions} go
     * before {@code -jar}, {@code microOptions} after the deployment.
     */
    public static PayaraInstance start(String name, Path war, Path directory, List<String> jvmOptions, List<String> microOptions) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("build.tmpdir", System.getProperty("java.io.tmpdir")));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", war.toString(), "--contextroot", "/", "--port", String.valueOf(port), "--name", name));
        command.addAll(microOptions);
        Path log = directory.resolve(name + ".log");
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PayaraInstance(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Payara Micro " + name, e);
        }
    }

    /** Waits until {@code /health/ready} answers 200; fails with the log's end if the JVM ends or time runs out. */
    public PayaraInstance awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended during start-up:\n" + logTail());
            }
            try {
                HttpResponse<String> ready = Http.get(url(), "/health/ready");
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    public URL url() {
        try {
            return new URL("http://localhost:" + port + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The JVM's resident set size in MB, from /proc. */
    public long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    /** Heap in use after a full collection, in MB: what the server really keeps, without garbage waiting to go. */
    public long liveHeapMegabytes() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        // "garbage-first heap   total 131072K, used 61234K [...]"
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("unexpected GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) / 1024;
    }

    private String jcmd(String command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process run = new ProcessBuilder(jcmd, String.valueOf(pid()), command).redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes());
            run.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the instance as an operator would (SIGTERM), then for good if it does not go. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", pid " + pid() + ")";
    }
}
