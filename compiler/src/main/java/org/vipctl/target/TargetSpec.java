package org.vipctl.target;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What {@code --target} names: {@code windows}, {@code local-gpo[:DIR]} or {@code regfile:FILE}. */
public sealed interface TargetSpec {

    String AVAILABLE = "windows (the live registry, on Windows only), local-gpo[:DIR], regfile:FILE";

    record Windows() implements TargetSpec {
    }

    /** A local Group Policy object; no folder means %SystemRoot%\System32\GroupPolicy. */
    record LocalGpo(Optional<Path> dir) implements TargetSpec {
    }

    record RegFile(Path file) implements TargetSpec {
    }

    /** @throws IllegalArgumentException with a message that lists the accepted forms */
    static TargetSpec parse(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("windows")) {
            return new Windows();
        }
        if (lower.equals("local-gpo")) {
            return new LocalGpo(Optional.empty());
        }
        if (lower.startsWith("local-gpo:") && s.length() > "local-gpo:".length()) {
            return new LocalGpo(Optional.of(Path.of(s.substring("local-gpo:".length()))));
        }
        if (lower.startsWith("regfile:") && s.length() > "regfile:".length()) {
            return new RegFile(Path.of(s.substring("regfile:".length())));
        }
        throw new IllegalArgumentException("unknown target '" + s + "'; available targets: " + AVAILABLE);
    }

    /** The target when none is given: the live registry on Windows, none elsewhere. */
    static TargetSpec defaultFor(String osName) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new Windows();
        }
        throw new IllegalArgumentException("there is no default target on " + osName
                + "; choose one with --target. Available targets: " + AVAILABLE);
    }
}
