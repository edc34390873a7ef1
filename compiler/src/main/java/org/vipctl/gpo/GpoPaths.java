package org.vipctl.gpo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finding the files of a GPO folder or backup. Windows file names are case-insensitive and real
 * folders spell them every way ({@code GPT.INI}, {@code gpt.ini}, {@code MACHINE},
 * {@code registry.pol}), so each step of a path is matched ignoring case; an exact match wins.
 */
public final class GpoPaths {

    private GpoPaths() {
    }

    /** {@code dir/name}, matching {@code name} ignoring case; empty when there is no such entry. */
    public static Optional<Path> child(Path dir, String name) throws IOException {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return Optional.of(exact);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path found = null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                // the smallest match, so the answer does not depend on the order the system lists
                if (n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                        && (found == null || n.compareTo(found.getFileName().toString()) < 0)) {
                    found = p;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * {@code dir} followed by a relative path whose parts are separated by {@code \} or {@code /},
     * each matched ignoring case. Parts that climb ({@code ..}) or are absolute are refused: a path
     * from a backup's XML may not lead out of the backup.
     */
    public static Optional<Path> resolve(Path dir, String relative) throws IOException {
        Path at = dir;
        for (String part : relative.split("[\\\\/]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") || part.contains(":")) {
                return Optional.empty();
            }
            Optional<Path> next = child(at, part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    /** {@code Machine/Registry.pol} of a GPO folder, in whatever case the folder spells it. */
    public static Optional<Path> machinePol(Path gpoFolder) throws IOException {
        return resolve(gpoFolder, "Machine/Registry.pol").filter(Files::isRegularFile);
    }

    /** {@code User/Registry.pol} of a GPO folder. */
    public static Optional<Path> userPol(Path gpoFolder) throws IOException {
        return resolve(gpoFolder, "User/Registry.pol").filter(Files::isRegularFile);
    }

    /** {@code GPT.INI} of a GPO folder. */
    public static Optional<Path> gptIni(Path gpoFolder) throws IOException {
        return child(gpoFolder, GpoFolder.INI_PATH).filter(Files::isRegularFile);
    }
}
