package org.vipctl.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;

/**
 * The project file {@code .vipctl.yaml}: found in the folder of the first policy path or the nearest
 * folder above it, like {@code .editorconfig}. It holds {@code failOn} (error, warning or note) and
 * {@code ignore}, a list of {@code {rule, paths, reason}} entries whose glob {@code paths} are relative
 * to the file's folder (all files when left out).
 */
public record ProjectConfig(Optional<Path> file, Optional<Severity> failOn, List<Ignore> ignores) {

    public static final String FILE_NAME = ".vipctl.yaml";

    /** One {@code ignore} entry. */
    public record Ignore(String rule, List<String> paths, String reason, Location at) {
        public Ignore {
            paths = List.copyOf(paths);
        }
    }

    public ProjectConfig {
        ignores = List.copyOf(ignores);
    }

    public static ProjectConfig none() {
        return new ProjectConfig(Optional.empty(), Optional.empty(), List.of());
    }

    /** The nearest {@value #FILE_NAME} at or above {@code start} (a file or folder). */
    public static Optional<Path> locate(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Finds and reads the project file for these policy paths; problems go to {@code out} as VIP007. */
    public static ProjectConfig find(List<Path> policyPaths, Diagnostics out) {
        if (policyPaths.isEmpty()) {
            return none();
        }
        Optional<Path> file = locate(policyPaths.get(0));
        return file.isPresent() ? read(file.get(), out) : none();
    }

    /** Reads one project file (safely, as policies are read: no tags, no alias bombs). */
    public static ProjectConfig read(Path file, Diagnostics out) {
        List<SourceDocument> docs = new YamlLoader().load(file, out);
        if (docs.isEmpty()) {
            return new ProjectConfig(Optional.of(file), Optional.empty(), List.of());
        }
        SourceDocument doc = docs.get(0);
        JsonNode root = doc.tree();
        if (!root.isObject()) {
            out.add(Rule.PROJECT_FILE.error(doc.valueAt(""), "the project file must be a mapping with failOn and ignore",
                    "see docs/policy-format.md#project-file"));
            return new ProjectConfig(Optional.of(file), Optional.empty(), List.of());
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("failOn", "ignore").contains(key)) {
                out.add(Rule.PROJECT_FILE.error(doc.keyAt("/" + SourceDocument.escape(key)),
                        "unknown key '" + key + "' in the project file", "allowed: failOn, ignore"));
            }
        }
        Optional<Severity> failOn = Optional.empty();
        JsonNode f = root.path("failOn");
        if (!f.isMissingNode()) {
            try {
                failOn = Optional.of(Severity.parse(f.asText()));
            } catch (IllegalArgumentException e) {
                out.add(Rule.PROJECT_FILE.error(doc.valueAt("/failOn"), "failOn is '" + f.asText() + "'",
                        "write error, warning or note"));
            }
        }
        List<Ignore> ignores = new ArrayList<>();
        JsonNode list = root.path("ignore");
        if (!list.isMissingNode() && !list.isArray()) {
            out.add(Rule.PROJECT_FILE.error(doc.valueAt("/ignore"), "ignore must be a list",
                    "write e.g. ignore: [{rule: VIP043, reason: targets are set per site}]"));
        }
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = "/ignore/" + i;
            String rule = e.isTextual() ? e.asText() : e.path("rule").asText("");
            if (Rule.byId(rule).isEmpty()) {
                out.add(Rule.PROJECT_FILE.error(doc.valueAt(e.isTextual() ? at : at + "/rule"),
                        "'" + rule + "' is not a rule id", "write a rule id such as VIP043 (vipctl explain lists them)"));
                continue;
            }
            List<String> paths = new ArrayList<>();
            e.path("paths").forEach(p -> paths.add(p.asText()));
            ignores.add(new Ignore(rule, paths, e.path("reason").asText(""), doc.valueAt(at)));
        }
        return new ProjectConfig(Optional.of(file), failOn, ignores);
    }
}
