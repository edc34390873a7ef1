package org.vipctl.e2e;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar ({@code -Dvipctl.jar}) in its own JVM, as people and CI run it. */
final class PackagedCli {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private PackagedCli() {
    }

    static Path repo() {
        return Path.of(System.getProperty("vipctl.repo", ".")).toAbsolutePath().normalize();
    }

    static Path jar() {
        String jar = System.getProperty("vipctl.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property vipctl.jar must name the packaged jar, got " + jar);
        }
        return Path.of(jar);
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runIn(repo(), args);
    }

    static Result runIn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, dir, 180, StandardCharsets.UTF_8);
    }

    /**
     * Runs a process with stdin closed; output is collected through files so neither stream can block.
     * {@code env} holds name/value pairs; a null value removes the variable.
     */
    static Result exec(List<String> cmd, Path dir, long timeoutSeconds, Charset charset, String... env)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("vipctl-out", ".txt");
        Path err = Files.createTempFile("vipctl-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            for (int i = 0; i + 1 < env.length; i += 2) {
                if (env[i + 1] == null) {
                    pb.environment().remove(env[i]);
                } else {
                    pb.environment().put(env[i], env[i + 1]);
                }
            }
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("no exit after " + timeoutSeconds + " s: " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), charset),
                    new String(Files.readAllBytes(err), charset));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
