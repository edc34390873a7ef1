package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layers of ARCHITECTURE.md, checked on the sources: a package imports only packages of
 * lower layers, so formats and targets never reach up to writers, the engine or the command line.
 */
class LayeringTest {

    /** Layer of each package below {@code org.vipctl} ("" is the root package). Keep in step with ARCHITECTURE.md. */
    static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("diagnostic", 0), Map.entry("files", 0),
            Map.entry("registry", 1), Map.entry("load", 1),
            Map.entry("model", 2), Map.entry("schema", 2), Map.entry("suppress", 2), Map.entry("format.pol", 2),
            Map.entry("format.reg", 2), Map.entry("format.citrix", 2), Map.entry("format.yaml", 2), Map.entry("admx", 2),
            Map.entry("catalog", 3), Map.entry("admx.lint", 3),
            Map.entry("validate", 4), Map.entry("lower", 4), Map.entry("target", 4),
            Map.entry("", 5), Map.entry("gpo", 5), Map.entry("plan", 5),
            Map.entry("apply", 6), Map.entry("emit", 6), Map.entry("detect", 6), Map.entry("imports", 6),
            Map.entry("report", 6),
            Map.entry("emit.reg", 7), Map.entry("emit.pol", 7), Map.entry("emit.citrix", 7), Map.entry("emit.admx", 7),
            Map.entry("emit.gpobackup", 7), Map.entry("emit.ansible", 7), Map.entry("emit.dsc", 7),
            Map.entry("publish", 7),
            Map.entry("cli", 8));

    private static final Pattern PACKAGE = Pattern.compile("^package org\\.vipctl(\\.[\\w.]+)?;", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.vipctl((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void everyPackageImportsOnlyLowerLayers() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertTrue(imports.size() > 10, "sources found: " + imports.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : imports.entrySet()) {
            Integer layer = LAYER.get(e.getKey());
            if (layer == null) {
                problems.add("package '" + e.getKey() + "' has no layer: add it to ARCHITECTURE.md and LayeringTest.LAYER");
                continue;
            }
            for (String used : e.getValue()) {
                Integer usedLayer = LAYER.get(used);
                if (usedLayer != null && usedLayer >= layer) {
                    problems.add(name(e.getKey()) + " (layer " + layer + ") imports " + name(used) + " (layer " + usedLayer + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "org.vipctl" : "org.vipctl." + pkg;
    }

    /** Package to the vipctl packages its main sources name (generated ADMX binding classes excluded). */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        Path repo = PackagedCli.repo();
        for (String module : List.of("compiler", "admx", "cli")) {
            Path src = repo.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    Matcher pm = PACKAGE.matcher(text);
                    if (!pm.find()) {
                        continue;
                    }
                    String pkg = pm.group(1) == null ? "" : pm.group(1).substring(1);
                    Set<String> used = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                    Matcher rm = REFERENCE.matcher(text);
                    while (rm.find()) {
                        String ref = rm.group(1).isEmpty() ? "" : rm.group(1).substring(1);
                        if (!ref.equals(pkg) && !ref.startsWith("admx.binding")) {
                            used.add(ref);
                        }
                    }
                }
            }
        }
        return out;
    }
}
