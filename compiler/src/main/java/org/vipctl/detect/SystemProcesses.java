package org.vipctl.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Windows processes that listen on every server and never need virtualization, read from the data
 * file {@code system-processes.txt} beside this class (one image name a line, {@code #} comments;
 * docs/detect.md shows it). Compared ignoring case.
 */
public record SystemProcesses(Set<String> names) {

    /** Kernel processes that have no image file, so their name has no {@code .exe}. */
    static final Set<String> KERNEL = Set.of("system", "idle", "system idle process", "registry",
            "memory compression", "secure system");

    static final String RESOURCE = "system-processes.txt";

    public SystemProcesses {
        names = Set.copyOf(names);
    }

    /** The built-in list. */
    public static SystemProcesses builtIn() {
        try (InputStream in = SystemProcesses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SystemProcesses parse(InputStream in) throws IOException {
        Set<String> names = new HashSet<>(KERNEL);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new SystemProcesses(names);
    }

    boolean contains(String image) {
        return names.contains(image.toLowerCase(Locale.ROOT));
    }
}
