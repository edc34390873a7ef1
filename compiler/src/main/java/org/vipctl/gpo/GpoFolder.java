package org.vipctl.gpo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.format.pol.PolFile;
import org.vipctl.target.RegistryException;

/**
 * The machine half of a GPO folder ({@code Machine/Registry.pol} and {@code GPT.INI}): written fresh
 * for {@code compile -o}; an existing folder is changed through {@link GpoRegistry}.
 */
public final class GpoFolder {

    public static final String POL_PATH = "Machine/Registry.pol";
    public static final String INI_PATH = "GPT.INI";

    /** What one batch of writes did to a GPO folder: the version before and after, the files replaced. */
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

    /** Where a GPO folder keeps its machine files, spelled as they exist on disk when they do. */
    public record Layout(Path folder, Path pol, Path ini) {
    }

    /**
     * The files of the GPO folder {@code folder}. Windows file names are case-insensitive and real
     * folders spell them {@code gpt.ini}, {@code MACHINE}, {@code registry.pol}: an existing spelling
     * is used, else the canonical one.
     */
    public static Layout locate(Path folder) {
        try {
            Path machine = child(folder, "Machine").orElse(folder.resolve("Machine"));
            Path pol = Files.isDirectory(machine)
                    ? child(machine, "Registry.pol").orElse(machine.resolve("Registry.pol"))
                    : machine.resolve("Registry.pol");
            Path ini = child(folder, "GPT.INI").orElse(folder.resolve("GPT.INI"));
            return new Layout(folder, pol, ini);
        } catch (IOException e) {
            throw new RegistryException("cannot list the GPO folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> child(Path dir, String name) throws IOException {
        return GpoPaths.child(dir, name);
    }
}
