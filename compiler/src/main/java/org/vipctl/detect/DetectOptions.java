package org.vipctl.detect;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the analysis decides.
 *
 * @param includeServices also consider processes in session 0 (services)
 * @param exclude image names to leave out, besides the system list
 */
public record DetectOptions(Platform platform, boolean includeServices, Set<String> exclude, SystemProcesses system) {

    /** Ports from here on are the dynamic (ephemeral) range Windows hands out (IANA, RFC 6335). */
    public static final int DYNAMIC_RANGE_START = 49152;

    public DetectOptions {
        exclude = exclude.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static DetectOptions defaults() {
        return new DetectOptions(Platform.RDS, false, Set.of(), SystemProcesses.builtIn());
    }
}
