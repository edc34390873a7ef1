package org.vipctl.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.files.AtomicFile;

/** The all-types test policy, one writer run over it, and golden-file comparison for the writers of other tools' formats. */
public final class EmitFixtures {

    private EmitFixtures() {
    }

    public static Compilation allTypes() throws Exception {
        Diagnostics d = new Diagnostics();
        // relative to the working folder (the module), so the generated headers that name the file
        // are the same in every checkout
        Path file = Path.of("").toAbsolutePath().relativize(Path.of(EmitFixtures.class.getResource("all-types.yaml").toURI()));
        Compilation c = Compilation.load(List.of(file), Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), d.sorted().toString());
        return c;
    }

    public static OutputFiles emit(Emitter e, Compilation c) {
        OutputFiles out = new OutputFiles();
        Diagnostics d = new Diagnostics();
        e.emit(new EmitContext(c, d), out);
        assertFalse(d.hasErrors(), d.sorted().toString());
        return out;
    }

    /**
     * Every file against its golden copy in {@code org/vipctl/emit/golden/} (same relative path; the
     * golden files below the writer's folder {@code dir} must be exactly the ones written), byte for
     * byte. With -Dvipctl.updateGolden=true the golden files are written first: review the diff.
     */
    public static void matchesGolden(OutputFiles out, String dir) throws IOException {
        Path root = Path.of(System.getProperty("vipctl.repo", "..")).resolve("compiler/src/test/resources/org/vipctl/emit/golden");
        if (Boolean.getBoolean("vipctl.updateGolden")) {
            for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
                AtomicFile.write(root.resolve(f.getKey()), f.getValue());
            }
        }
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> w = Files.walk(root.resolve(dir))) {
            w.filter(Files::isRegularFile).forEach(p -> expected.add(root.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(expected, out.files().keySet());
        for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
            assertArrayEquals(Files.readAllBytes(root.resolve(f.getKey())), f.getValue(), f.getKey() + " differs from its golden file");
        }
    }
}
