package org.vipctl.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vipctl.e2e.faults.FaultyFileSystemProvider;

/**
 * Runs the packaged CLI as its own process, optionally with {@link FaultyFileSystemProvider} as the
 * JVM's file system so its k-th file change fails, halts the process, or pauses.
 */
final class FaultyCli {

    /** A started vipctl process; {@link #await} collects its exit code and output. */
    static final class Running {
        final Process process;
        private final Path out;
        private final Path err;
        private final String command;

        Running(Process process, Path out, Path err, String command) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.command = command;
        }

        PackagedCli.Result await() throws IOException, InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("no exit after 120 s: " + command);
            }
            try {
                return new PackagedCli.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        /** {@code kill -9}: the process gets no chance to clean up. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private FaultyCli() {
    }

    /** The JVM options that install the faulty file system with {@code fault} (e.g. {@code fail@3}) and an optional path filter. */
    static List<String> fault(String fault, String match) {
        List<String> out = new ArrayList<>(List.of("-Djava.nio.file.spi.DefaultFileSystemProvider="
                + FaultyFileSystemProvider.class.getName(), "-Dvipctl.fault=" + fault));
        if (!match.isEmpty()) {
            out.add("-Dvipctl.fault.match=" + match);
        }
        return out;
    }

    /** The options that count the file changes of a run into {@code log}, one line each, without a fault. */
    static List<String> counting(Path log, String match) {
        List<String> out = new ArrayList<>(fault("none@0", match));
        out.add("-Dvipctl.fault.log=" + log);
        return out;
    }

    static Running start(List<String> jvmOptions, String... args) throws IOException {
        String classPath = PackagedCli.jar() + java.io.File.pathSeparator + testClasses();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"));
        // the launcher's class-data archive fits: the test classes only extend the jar's class path
        Path archive = PackagedCli.jar().resolveSibling("vipctl.jsa");
        if (Files.isRegularFile(archive)) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        cmd.addAll(List.of("-cp", classPath));
        cmd.addAll(jvmOptions);
        cmd.add("org.vipctl.cli.Main");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("vipctl-out", ".txt");
        Path err = Files.createTempFile("vipctl-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(PackagedCli.repo().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new Running(p, out, err, String.join(" ", args));
    }

    static PackagedCli.Result run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return start(jvmOptions, args).await();
    }

    private static Path testClasses() {
        try {
            return Path.of(FaultyFileSystemProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
