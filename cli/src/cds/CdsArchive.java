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
 * Builds the class-data sharing archives {@code vipctl-<version>.jsa} and
 * {@code vipctl-<version>-validate.jsa} next to {@code vipctl-<version>.jar} at package time (run by
 * Maven with the JDK's source launcher: {@code java CdsArchive.java JAR EXAMPLES}).
 *
 * <p>Training runs execute the jar's commands on the examples, each writing the list of classes it
 * loaded; the merged list is dumped into a static archive. The first archive holds what every
 * training run loaded; the second only what {@code validate PATH...} loads (valid, invalid and
 * missing policies), for the launcher to use on that command alone: the JVM relocates the whole
 * archive at start, so a run pays for an archive by its size, and the whole one is twice as large. A static dump, not
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
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        Path jsa = dir.resolve(base + ".jsa");
        Path validateJsa = dir.resolve(base + "-validate.jsa");
        Path work = dir.resolve("cds");
        try {
            Files.deleteIfExists(jsa);
            Files.deleteIfExists(validateJsa);
            build(jar, examples, jsa, validateJsa, work);
            System.out.println("[cds] wrote " + jsa + " (" + Files.size(jsa) / 1024 + " KiB) and " + validateJsa
                    + " (" + Files.size(validateJsa) / 1024 + " KiB)");
        } catch (Exception e) {
            System.out.println("[cds] WARNING: no class-data sharing archive (" + e.getMessage()
                    + "); vipctl works without it, only starts slower. Details in " + work);
            try {
                Files.deleteIfExists(jsa);
                Files.deleteIfExists(validateJsa);
            } catch (IOException ignored) {
                // nothing more to do: the launcher checks the archive before using it
            }
        }
    }

    private static void build(Path jar, Path examples, Path jsa, Path validateJsa, Path work)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("jar not found: " + jar);
        }
        deleteTree(work);
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String ex = examples.toString();
        String out = work.resolve("compile-out").toString();
        // What people run most, and the paths of the other commands (help, errors, JSON). A training
        // run that fails only leaves its classes out; the logs say why. The first VALIDATE_RUNS are
        // validate with nothing but paths, the form the validate archive is for.
        List<List<String>> trainings = List.of(
                List.of("validate", ex),
                List.of("validate", examples.resolve("invalid").toString()),
                List.of("validate", work.resolve("missing.yaml").toString()),
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
                List.of("validate"));
        List<String> classes = new ArrayList<>();
        List<String> validateClasses = new ArrayList<>();
        for (int i = 0; i < trainings.size(); i++) {
            Path list = work.resolve("training-" + i + ".classlist");
            List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:DumpLoadedClassList=" + list, "-jar", jar.toString()));
            cmd.addAll(trainings.get(i));
            run(cmd, work.resolve("training-" + i + ".log"));
            if (!Files.isRegularFile(list)) {
                throw new IOException("training run " + String.join(" ", trainings.get(i)) + " wrote no class list");
            }
            List<String> loaded = Files.readAllLines(list, StandardCharsets.UTF_8);
            classes.addAll(loaded);
            if (i < VALIDATE_RUNS) {
                validateClasses.addAll(loaded);
            }
        }
        Path whole = dump(java, jar, merge(classes), jsa.resolveSibling("vipctl.classlist"), work, "vipctl",
                List.of("--version"));
        Path validate = dump(java, jar, merge(validateClasses), jsa.resolveSibling("vipctl-validate.classlist"), work,
                "vipctl-validate", List.of("validate", examples.toString()));
        Files.move(whole, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(validate, validateJsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The training runs that are validate with nothing but paths. */
    private static final int VALIDATE_RUNS = 3;

    /** Dumps the classes of {@code classList} into {@code work/NAME.jsa} and checks it with a run of {@code check}. */
    private static Path dump(String java, Path jar, List<String> classList, Path listFile, Path work, String name,
            List<String> check) throws IOException, InterruptedException {
        Files.write(listFile, classList, StandardCharsets.UTF_8);
        Path candidate = work.resolve(name + ".jsa");
        // Dumped with the default collector so the archive also holds the JDK's pre-built heap objects.
        int dump = run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + listFile,
                "-XX:SharedArchiveFile=" + candidate, "-cp", jar.toString()), work.resolve(name + "-dump.log"));
        if (dump != 0 || !Files.isRegularFile(candidate)) {
            throw new IOException("the archive dump failed (exit " + dump + ")");
        }
        // -Xshare:on refuses to start with an archive this JVM cannot use: then there is none.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:on", "-XX:SharedArchiveFile=" + candidate,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        cmd.addAll(check);
        int exit = run(cmd, work.resolve(name + "-check.log"));
        if (exit != 0) {
            throw new IOException("this JVM does not accept the archive it dumped (exit " + exit + ")");
        }
        return candidate;
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
