package org.vipctl.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vipctl.gpo.GpoBackup;
import org.vipctl.gpo.GpoBackupException;
import org.vipctl.gpo.GpoPaths;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Scope;

/**
 * Turns what the user named into the units policies are imported from: it tells the kind of a
 * source from its form ({@code windows}, {@code local-gpo[:DIR]}, {@code regfile:FILE}) or its
 * content (the {@code PReg} signature, a regedit header, {@code Backup.xml}, {@code GPT.INI}, the
 * Citrix export files), unless {@code --from} says it, and reads it.
 */
final class Sources {

    private static final String REGFILE = "regfile:";
    private static final String LOCAL_GPO = "local-gpo";

    private Sources() {
    }

    static List<SourceUnit> read(String source, Optional<SourceKind> from, ImportOptions options) {
        SourceKind kind = from.orElseGet(() -> detect(source));
        try {
            return switch (kind) {
                case WINDOWS -> List.of(windows(options));
                case LOCAL_GPO -> List.of(gpoFolder(localGpoFolder(source), "local GPO", LOCAL_GPO));
                case GPO -> List.of(gpoFolder(existingFolder(source), "GPO folder", null));
                case POL -> List.of(polFile(existingFile(strip(source, REGFILE))));
                case REGFILE -> List.of(regFile(existingFile(strip(source, REGFILE))));
                case GPO_BACKUP -> backups(existingFolder(source));
                case CITRIX -> CitrixSource.read(existingFolder(source), show(path(source)));
            };
        } catch (IOException e) {
            throw new ImportException(source + ": cannot read: " + e.getMessage(), e);
        } catch (GpoBackupException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }

    /** The kind of {@code source} by its form or content. */
    static SourceKind detect(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.equals("windows")) {
            return SourceKind.WINDOWS;
        }
        if (lower.equals(LOCAL_GPO) || lower.startsWith(LOCAL_GPO + ":")) {
            return SourceKind.LOCAL_GPO;
        }
        if (lower.startsWith(REGFILE)) {
            return SourceKind.REGFILE;
        }
        Path p = path(source);
        try {
            if (Files.isRegularFile(p)) {
                return fileKind(p).orElseThrow(() -> new ImportException(source
                        + ": neither a Registry.pol (PReg signature) nor a .reg file (regedit header); say what it is with --from"));
            }
            if (Files.isDirectory(p)) {
                return folderKind(p).orElseThrow(() -> new ImportException(source
                        + ": not a GPO folder (GPT.INI, Machine/Registry.pol), a GPO backup (Backup.xml) or folder of backups,"
                        + " or a Citrix export (GroupPolicyConfiguration.xml); say what it is with --from"));
            }
        } catch (IOException e) {
            throw new ImportException(source + ": cannot read: " + e.getMessage(), e);
        }
        throw new ImportException(source + ": no such file or folder (registry targets are written windows,"
                + " local-gpo[:DIR] or regfile:FILE)");
    }

    private static Optional<SourceKind> fileKind(Path p) throws IOException {
        byte[] head = new byte[80];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'R' && head[2] == 'e' && head[3] == 'g') {
            return Optional.of(SourceKind.POL);
        }
        String text = n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                ? new String(head, 2, n - 2, StandardCharsets.UTF_16LE)
                : new String(head, 0, n, StandardCharsets.UTF_8);
        String start = text.replace("\uFEFF", "").stripLeading();
        if (start.startsWith("Windows Registry Editor") || start.startsWith("REGEDIT4")) {
            return Optional.of(SourceKind.REGFILE);
        }
        return Optional.empty();
    }

    private static Optional<SourceKind> folderKind(Path p) throws IOException {
        if (GpoBackup.isBackup(p)) {
            return Optional.of(SourceKind.GPO_BACKUP);
        }
        if (GpoPaths.gptIni(p).isPresent() || GpoPaths.machinePol(p).isPresent() || GpoPaths.userPol(p).isPresent()) {
            return Optional.of(SourceKind.GPO);
        }
        if (GpoPaths.child(p, CitrixSource.CONFIGURATION_FILE).isPresent()) {
            return Optional.of(SourceKind.CITRIX);
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
            for (Path child : s) {
                if (GpoBackup.isBackup(child)) {
                    return Optional.of(SourceKind.GPO_BACKUP);
                }
            }
        }
        return Optional.empty();
    }

    private static SourceUnit windows(ImportOptions options) {
        ListableRegistry live = options.windows().get();
        RegistryFold fold = new RegistryFold();
        LiveSource.read(live, options.catalog(), fold);
        return new SourceUnit("the live registry", live.target(), List.of(), Optional.of(Scope.LOCAL), "windows",
                Optional.empty(), fold.result(), Optional.empty());
    }

    /** A GPO folder's Machine (HKLM) and User (HKCU) Registry.pol; a folder without either imports nothing. */
    private static SourceUnit gpoFolder(Path dir, String kind, String name) throws IOException {
        List<Observed> observed = new ArrayList<>();
        List<String> files = new ArrayList<>();
        halves(GpoPaths.machinePol(dir), GpoPaths.userPol(dir), observed, files);
        return new SourceUnit(kind, show(dir), files, Optional.of(Scope.POLICY),
                PolicyNames.fromText(name != null ? name : fileName(dir)), Optional.empty(), observed, Optional.empty());
    }

    /** {@code X/Machine/Registry.pol} is named after X; a User folder's file is the user half. */
    private static SourceUnit polFile(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        String half = parent == null ? "" : fileName(parent);
        boolean user = half.equalsIgnoreCase("User");
        boolean inGpo = user || half.equalsIgnoreCase("Machine");
        String name = inGpo && parent.getParent() != null ? fileName(parent.getParent()) : baseName(file);
        List<Observed> observed = PolSource.read(file, show(file), user ? Hive.HKCU : Hive.HKLM);
        return new SourceUnit("Registry.pol", show(file), List.of(show(file)), Optional.of(Scope.POLICY),
                PolicyNames.fromText(name), Optional.empty(), observed, Optional.empty());
    }

    private static SourceUnit regFile(Path file) {
        RegistryFold fold = new RegistryFold();
        RegSource.read(file, show(file), fold);
        return new SourceUnit(".reg file", show(file), List.of(show(file)), Optional.of(Scope.LOCAL),
                PolicyNames.fromText(baseName(file)), Optional.empty(), fold.result(), Optional.empty());
    }

    private static List<SourceUnit> backups(Path dir) throws IOException {
        List<GpoBackup> all = GpoBackup.readAll(dir);
        if (all.isEmpty()) {
            throw new ImportException(show(dir) + ": no GPO backup here (a folder holding Backup.xml, or a folder of them)");
        }
        List<SourceUnit> units = new ArrayList<>();
        for (GpoBackup b : all) {
            List<Observed> observed = new ArrayList<>();
            List<String> files = new ArrayList<>();
            halves(b.machinePol(), b.userPol(), observed, files);
            String title = b.displayName().isBlank() ? (b.gpoGuid().isBlank() ? b.backupId() : b.gpoGuid()) : b.displayName();
            String what = "GPO backup";
            String source = show(b.folder()) + (b.gpoGuid().isBlank() ? "" : " (GPO " + b.gpoGuid() + ")");
            units.add(new SourceUnit(what, source, files, Optional.of(Scope.POLICY), PolicyNames.fromText(title),
                    b.displayName().isBlank() ? Optional.empty() : Optional.of(b.displayName()), observed,
                    Optional.empty()));
        }
        return units;
    }

    /** The machine half (HKLM) and the user half (HKCU) of a GPO, when they are there. */
    private static void halves(Optional<Path> machine, Optional<Path> user, List<Observed> observed, List<String> files) {
        if (machine.isPresent()) {
            files.add(show(machine.get()));
            observed.addAll(PolSource.read(machine.get(), show(machine.get()), Hive.HKLM));
        }
        if (user.isPresent()) {
            files.add(show(user.get()));
            observed.addAll(PolSource.read(user.get(), show(user.get()), Hive.HKCU));
        }
    }

    private static Path localGpoFolder(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith(LOCAL_GPO + ":") && source.length() > LOCAL_GPO.length() + 1) {
            return existingFolder(source.substring(LOCAL_GPO.length() + 1));
        }
        if (!lower.equals(LOCAL_GPO)) {
            return existingFolder(source);
        }
        String root = System.getenv("SystemRoot");
        if (root == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new ImportException("local-gpo: name the folder off Windows: local-gpo:DIR");
        }
        return existingFolder(Path.of(root, "System32", "GroupPolicy").toString());
    }

    private static Path existingFolder(String source) {
        Path p = path(source);
        if (!Files.isDirectory(p)) {
            throw new ImportException(source + ": no such folder");
        }
        return p;
    }

    private static Path existingFile(String source) {
        Path p = path(source);
        if (!Files.isRegularFile(p)) {
            throw new ImportException(source + ": no such file");
        }
        return p;
    }

    private static Path path(String source) {
        try {
            return Path.of(source);
        } catch (InvalidPathException e) {
            throw new ImportException(source + ": not a valid path: " + e.getReason(), e);
        }
    }

    private static String strip(String source, String prefix) {
        return source.regionMatches(true, 0, prefix, 0, prefix.length()) ? source.substring(prefix.length()) : source;
    }

    /** A path as comments and messages show it: as given, with forward slashes. */
    static String show(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static String fileName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? "" : n.toString();
    }

    private static String baseName(Path file) {
        String n = fileName(file);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
