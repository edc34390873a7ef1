package org.vipctl.suppress;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Findings;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Suppressed;
import org.vipctl.diagnostic.Suppression;

/**
 * Splits a run's diagnostics into reported and suppressed ones. Only warnings and notes can be
 * suppressed: an error means an output would be wrong, so it is always reported.
 */
public final class Suppressor {

    private final ProjectConfig config;
    private final Map<String, List<IgnoreComment>> comments = new HashMap<>();

    public Suppressor(ProjectConfig config) {
        this.config = config;
    }

    public Findings apply(List<Diagnostic> sorted, int policies) {
        List<Diagnostic> reported = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        for (Diagnostic d : sorted) {
            Optional<Suppression> by = d.isError() ? Optional.empty() : suppression(d);
            if (by.isPresent()) {
                suppressed.add(new Suppressed(d, by.get()));
            } else {
                reported.add(d);
            }
        }
        return new Findings(reported, suppressed, policies);
    }

    private Optional<Suppression> suppression(Diagnostic d) {
        String file = d.location().file();
        List<IgnoreComment> inFile = comments.get(file);
        if (inFile == null) {
            inFile = read(file);
            comments.put(file, inFile);
        }
        for (IgnoreComment c : inFile) {
            if (c.covers(d.ruleId(), d.location().line())) {
                return Optional.of(new Suppression(Suppression.Kind.IN_SOURCE, new Location(file, c.line(), c.column()), c.reason()));
            }
        }
        for (ProjectConfig.Ignore i : config.ignores()) {
            if (i.rule().equals(d.ruleId()) && covers(i, file)) {
                return Optional.of(new Suppression(Suppression.Kind.PROJECT, i.at(), i.reason()));
            }
        }
        return Optional.empty();
    }

    private boolean covers(ProjectConfig.Ignore ignore, String file) {
        if (ignore.paths().isEmpty()) {
            return true;
        }
        Path base = config.file().map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
        Path relative;
        try {
            relative = base.relativize(Path.of(file).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String glob : ignore.paths()) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    /** The ignore comments of a policy file; none when it cannot be read (its own diagnostic says why). */
    private static List<IgnoreComment> read(String file) {
        Path p = Path.of(file);
        List<IgnoreComment> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > 2 * 1024 * 1024) {
                return out;
            }
            List<String> lines = Files.readAllLines(p, java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Optional<IgnoreComment> c = IgnoreComment.parse(lines.get(i), i + 1);
                if (c.isPresent()) {
                    out.add(c.get());
                }
            }
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            return out;
        }
        return out;
    }
}
