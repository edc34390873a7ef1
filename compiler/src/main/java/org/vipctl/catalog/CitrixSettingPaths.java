package org.vipctl.catalog;

import java.util.Optional;

/**
 * Checks a provider path given with {@code --citrix-setting-path NAME=PATH}: the path below
 * {@code \Settings\}, made of category folders separated by backslashes, ending in the setting
 * name (as in {@code ICA\WebSockets\AcceptWebSocketsConnections}).
 */
public final class CitrixSettingPaths {

    private CitrixSettingPaths() {
    }

    /** Why {@code path} cannot be the path of setting {@code name}; empty when it can. */
    public static Optional<String> problem(String name, String path) {
        if (path.isBlank()) {
            return Optional.of("the path is empty");
        }
        if (path.startsWith("\\") || path.endsWith("\\") || path.contains("\\\\") || path.contains("/")) {
            return Optional.of("write category folders separated by single backslashes, without leading or trailing ones");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || "*?[]:\"<>|".indexOf(c) >= 0)) {
            return Optional.of("the path has characters a provider path cannot have");
        }
        String last = path.substring(path.lastIndexOf('\\') + 1);
        if (!last.equalsIgnoreCase(name)) {
            return Optional.of("the path must end with the setting name, e.g. Category\\" + name);
        }
        return Optional.empty();
    }
}
