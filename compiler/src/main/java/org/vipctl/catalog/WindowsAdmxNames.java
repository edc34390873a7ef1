package org.vipctl.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The supportedOn definitions and categories of Windows.admx ({@code windows:} references), kept as
 * data in {@code windows-admx-names.txt} and read on first use. Lookups also find a name that
 * differs only in letter case, so a caller can say so.
 */
final class WindowsAdmxNames {

    private static final String RESOURCE = "windows-admx-names.txt";

    /** What a reference found. */
    enum Kind { DEFINITION, CATEGORY }

    private final Map<String, String> definitions;
    private final Map<String, String> categories;

    private WindowsAdmxNames(Map<String, String> definitions, Map<String, String> categories) {
        this.definitions = definitions;
        this.categories = categories;
    }

    static WindowsAdmxNames get() {
        return Loaded.NAMES;
    }

    private static final class Loaded {
        static final WindowsAdmxNames NAMES = read();
    }

    /** The name as Windows.admx spells it, when it defines one that equals {@code name} ignoring case. */
    Optional<String> find(Kind kind, String name) {
        Map<String, String> m = kind == Kind.DEFINITION ? definitions : categories;
        return Optional.ofNullable(m.get(name.toLowerCase(Locale.ROOT)));
    }

    java.util.Collection<String> all(Kind kind) {
        return (kind == Kind.DEFINITION ? definitions : categories).values();
    }

    private static WindowsAdmxNames read() {
        Map<String, String> definitions = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        try (InputStream in = WindowsAdmxNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                Map<String, String> into = parts[0].equals("definition") ? definitions : categories;
                into.put(parts[1].toLowerCase(Locale.ROOT), parts[1]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        return new WindowsAdmxNames(Map.copyOf(definitions), Map.copyOf(categories));
    }
}
