package org.vipctl.gpo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vipctl.emit.OutputFiles;
import org.vipctl.files.AtomicFile;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolFormatException;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;

/**
 * The machine half of a GPO folder ({@code Machine/Registry.pol} and {@code GPT.INI}): written fresh
 * for {@code compile -o}, or updated in place for {@code --gpo-dir} (a domain GPO's SYSVOL folder or
 * the local GPO in {@code %SystemRoot%\System32\GroupPolicy}).
 */
public final class GpoFolder {

    public static final String POL_PATH = "Machine/Registry.pol";
    public static final String INI_PATH = "GPT.INI";

    /** What an in-place update did. {@code written} is empty when the folder already had this content. */
    public record Update(Path folder, long versionBefore, long versionAfter, List<Path> written) {
        public Update {
            written = List.copyOf(written);
        }

        public boolean changed() {
            return !written.isEmpty();
        }
    }

    private GpoFolder() {
    }

    /** The files of a new GPO folder holding {@code pol}: computer version 1, registry extension listed. */
    public static Map<String, byte[]> fresh(PolFile pol) {
        GptIni ini = GptIni.create().bumpComputerVersion().withMachineExtensionNames(
                ExtensionNames.merge("", ExtensionNames.REGISTRY_CSE, ExtensionNames.REGISTRY_TOOL_MACHINE));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(POL_PATH, pol.toBytes());
        files.put(INI_PATH, ini.toBytes());
        return files;
    }

    /**
     * Updates {@code folder} in place: records of the existing Registry.pol that {@code owned} does
     * not claim stay byte for byte and in order; owned records are replaced by {@code generated}
     * (placed where the first owned record was, or at the end). When either file changes, the
     * computer half of the version is bumped and both files are replaced atomically, Registry.pol
     * first; when nothing differs, nothing is written.
     *
     * @throws GpoFolderException when the folder is missing or a file in it cannot be read
     */
    public static Update update(Path folder, PolFile generated, Ownership owned) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new GpoFolderException("GPO folder " + folder + " does not exist or is not a folder");
        }
        Path machine = child(folder, "Machine").orElse(folder.resolve("Machine"));
        Path polPath = Files.isDirectory(machine) ? child(machine, "Registry.pol").orElse(machine.resolve("Registry.pol"))
                : machine.resolve("Registry.pol");
        Path iniPath = child(folder, "GPT.INI").orElse(folder.resolve("GPT.INI"));

        byte[] oldPol = Files.exists(polPath) ? Files.readAllBytes(polPath) : null;
        PolFile existing;
        try {
            existing = oldPol == null ? PolFile.empty() : PolReader.read(oldPol);
        } catch (PolFormatException e) {
            throw new GpoFolderException(polPath + ": " + e.getMessage(), e);
        }
        PolFile merged = merge(existing, generated, owned);
        byte[] newPol = merged.toBytes();
        boolean polChanged = oldPol == null ? !merged.records().isEmpty() : !Arrays.equals(oldPol, newPol);

        GptIni oldIni;
        long before;
        String extensions;
        try {
            oldIni = Files.exists(iniPath) ? GptIni.parse(Files.readAllBytes(iniPath)) : GptIni.create();
            before = oldIni.version();
            extensions = merged.records().isEmpty() ? oldIni.machineExtensionNames()
                    : ExtensionNames.merge(oldIni.machineExtensionNames(), ExtensionNames.REGISTRY_CSE,
                            ExtensionNames.REGISTRY_TOOL_MACHINE);
        } catch (IllegalArgumentException e) {
            throw new GpoFolderException(iniPath + ": " + e.getMessage(), e);
        }
        boolean iniChanged = !extensions.equals(oldIni.machineExtensionNames());
        if (!polChanged && !iniChanged) {
            return new Update(folder, before, before, List.of());
        }
        GptIni newIni = (iniChanged ? oldIni.withMachineExtensionNames(extensions) : oldIni).bumpComputerVersion();
        List<Path> written = new ArrayList<>();
        if (polChanged) {
            AtomicFile.write(polPath, newPol);
            written.add(polPath);
        }
        AtomicFile.write(iniPath, newIni.toBytes());
        written.add(iniPath);
        return new Update(folder, before, newIni.version(), written);
    }

    /** Unowned records in their order, with the generated ones where the first owned record stood. */
    static PolFile merge(PolFile existing, PolFile generated, Ownership owned) {
        List<PolRecord> out = new ArrayList<>();
        boolean placed = false;
        for (PolRecord r : existing.records()) {
            if (owned.owns(r)) {
                if (!placed) {
                    out.addAll(generated.records());
                    placed = true;
                }
            } else {
                out.add(r);
            }
        }
        if (!placed) {
            out.addAll(generated.records());
        }
        return new PolFile(out);
    }

    /** Windows file names are case-insensitive: {@code gpt.ini}, {@code MACHINE} and {@code registry.pol} all occur. */
    private static Optional<Path> child(Path dir, String name) throws IOException {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return Optional.of(exact);
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
