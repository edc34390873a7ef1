import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the class-data sharing archive {@code vipctl-<version>.jsa} next to {@code vipctl-<version>.jar}
 * at package time (run by Maven with the JDK's source launcher: {@code java CdsArchive.java JAR EXAMPLES}).
 *
 * <p>Training runs execute the jar's commands on the examples, each writing the list of classes it
 * loaded; the merged list is dumped into a static archive. A static dump, not
 * {@code -XX:ArchiveClassesAtExit}: it holds the JDK's own classes that vipctl uses as well, and
 * JDK 17's dynamic archive leaves out classes of class-file version 49 and everything that
 * implements them (picocli's published jar; vipctl compiles picocli from source, but other
 * libraries may bring such classes).
 *
 * <p>An archive is an optimisation only, so this never fails the build: on any problem (an unusual
 * JVM, a crash, a timeout) it says why, removes any archive and exits 0; the launchers then run
 * without one.
 */
public final class CdsArchive {

    private static final long TIMEOUT_SECONDS = 180;

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java CdsArchive.java VIPCTL_JAR EXAMPLES_DIR");
            return;
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path examples = Path.of(args[1]).toAbsolutePath();
        Path dir = jar.getParent();
        String name = jar.getFileName().toString();
        Path jsa = dir.resolve((name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + ".jsa");
        Path work = dir.resolve("cds");
        try {
            Files.deleteIfExists(jsa);
            build(jar, examples, jsa, work);
            System.out.println("[cds] wrote " + jsa + " (" + Files.size(jsa) / 1024 + " KiB)");
        } catch (Exception e) {
            System.out.println("[cds] WARNING: no class-data sharing archive (" + e.getMessage()
                    + "); vipctl works without it, only starts slower. Details in " + work);
            try {
                Files.deleteIfExists(jsa);
            } catch (IOException ignored) {
                // nothing more to do: the launcher checks the archive before using it
            }
        }
    }

    private static void build(Path jar, Path examples, Path jsa, Path work) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("jar not found: " + jar);
        }
        deleteTree(work);
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String ex = examples.toString();
        String out = work.resolve("compile-out").toString();
        // What people run most, and the paths of the other commands (help, errors, JSON). A training
        // run that fails only leaves its classes out; the logs say why.
        List<List<String>> trainings = List.of(
                List.of("validate", ex),
                List.of("validate", "--format", "sarif", ex),
                List.of("validate", "--format", "json", ex),
                List.of("compile", "-o", out, ex),
                List.of("pol", "show", out + "/gpo/Machine/Registry.pol"),
                // reads back what compile wrote: loads the streaming ADMX reader of admx lint
                List.of("admx", "lint", work.resolve("compile-out").resolve("admx").toString()),
                List.of("--help"),
                List.of("validate", "--help"),
                List.of("compile", "--help"),
                List.of("--version"),
                List.of("loopback-address", "--session", "300", "--json"),
                List.of("validate", work.resolve("missing.yaml").toString()),
                List.of("validate"));
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < trainings.size(); i++) {
            Path list = work.resolve("training-" + i + ".classlist");
            List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:DumpLoadedClassList=" + list, "-jar", jar.toString()));
            cmd.addAll(trainings.get(i));
            run(cmd, work.resolve("training-" + i + ".log"));
            if (!Files.isRegularFile(list)) {
                throw new IOException("training run " + String.join(" ", trainings.get(i)) + " wrote no class list");
            }
            classes.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
        }
        Path merged = jsa.resolveSibling("vipctl.classlist");
        Files.write(merged, merge(classes), StandardCharsets.UTF_8);

        Path candidate = work.resolve("vipctl.jsa");
        // Dumped with the default collector so the archive also holds the JDK's pre-built heap objects.
        int dump = run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + merged,
                "-XX:SharedArchiveFile=" + candidate, "-cp", jar.toString()), work.resolve("dump.log"));
        if (dump != 0 || !Files.isRegularFile(candidate)) {
            throw new IOException("the archive dump failed (exit " + dump + ")");
        }
        // -Xshare:on refuses to start with an archive this JVM cannot use: then there is none.
        int check = run(List.of(java, "-Xshare:on", "-XX:SharedArchiveFile=" + candidate,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--version"),
                work.resolve("check.log"));
        if (check != 0) {
            throw new IOException("this JVM does not accept the archive it dumped (exit " + check + ")");
        }
        Files.move(candidate, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * One class list from several: each class once, in first-seen order, then the other directives
     * once each. Newer JDKs number the classes ({@code name id: N}); the numbers are made unique again.
     */
    static List<String> merge(List<String> lines) {
        Set<String> comments = new LinkedHashSet<>();
        Map<String, Boolean> classes = new LinkedHashMap<>();
        Set<String> directives = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                comments.add(line);
            } else if (line.startsWith("@")) {
                directives.add(line);
            } else if (!line.isBlank() && !line.contains(" source:")) {
                // "source:" marks classes of other class loaders, which the archive of -cp cannot hold
                String[] parts = line.split(" ");
                classes.putIfAbsent(parts[0], line.contains(" id: "));
            }
        }
        List<String> out = new ArrayList<>(comments);
        int id = 0;
        for (Map.Entry<String, Boolean> c : classes.entrySet()) {
            out.add(c.getValue() ? c.getKey() + " id: " + id++ : c.getKey());
        }
        out.addAll(directives);
        return out;
    }

    private static int run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return p.exitValue();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
