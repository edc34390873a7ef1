package org.vipctl.catalog;

import java.util.Optional;

/**
 * The provider path of a Citrix setting as {@code Export-CtxGroupPolicy} stores it in {@code Path}:
 * the part below the policy's {@code Settings} folder, made of category folders separated by
 * backslashes and ending in the setting name (as in {@code ICA\WebSockets\AcceptWebSocketsConnections}).
 * {@code Import-CtxGroupPolicy} puts {@code Settings\} in front itself, so a stored path that
 * starts with it would be looked up at {@code Settings\Settings\…}.
 */
public final class CitrixSettingPaths {

    private CitrixSettingPaths() {
    }

    private static final String PREFIX = "Settings\\";

    /**
     * The stored form of a path a user typed: {@code Settings\VirtualIP\X} and
     * {@code \Settings\VirtualIP\X} (the form the full provider path suggests) become {@code VirtualIP\X}.
     */
    public static String normalize(String path) {
        String p = path.strip();
        if (p.startsWith("\\")) {
            p = p.substring(1);
        }
        return p.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? p.substring(PREFIX.length()) : path;
    }

    /** Why {@code path} cannot be the path of setting {@code name}; empty when it can. */
    public static Optional<String> problem(String name, String path) {
        if (path.isBlank()) {
            return Optional.of("the path is empty");
        }
        if (path.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of("write the path below the policy's Settings folder, without 'Settings\\' (the import adds it)");
        }
        if (path.startsWith("\\") || path.endsWith("\\") || path.contains("\\\\") || path.contains("/")) {
            return Optional.of("write category folders separated by single backslashes, without leading or trailing ones");
        }
        if (hasForbiddenCharacter(path)) {
            return Optional.of("the path has characters a provider path cannot have");
        }
        String last = path.substring(path.lastIndexOf('\\') + 1);
        if (!last.equalsIgnoreCase(name)) {
            return Optional.of("the path must end with the setting name, e.g. Category\\" + name);
        }
        return Optional.empty();
    }

    private static boolean hasForbiddenCharacter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || "*?[]:\"<>|".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
