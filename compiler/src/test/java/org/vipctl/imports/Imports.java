package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/** Running imports in tests and looking at what they give. */
final class Imports {

    private Imports() {
    }

    static ImportOptions options() {
        return ImportOptions.of(Catalog.builtIn());
    }

    static ImportResult run(ImportOptions options, String... sources) {
        return Importer.run(Arrays.stream(sources).map(s -> new Importer.Request(s, Optional.empty())).toList(), options);
    }

    static ImportResult run(String... sources) {
        return run(options(), sources);
    }

    static String text(ImportResult r, int i) {
        return new String(r.files().get(i).content(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Loads and validates every imported file together, as `vipctl validate DIR` would; errors fail the test. */
    static Compilation compile(ImportResult r) {
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new ArrayList<>();
        for (ImportResult.File f : r.files()) {
            docs.addAll(new YamlLoader().parse(f.fileName(), f.content(), d));
        }
        Compilation c = Compilation.of(docs, Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), () -> "imported policies do not validate: " + d.sorted() + "\n"
                + r.files().stream().map(f -> new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)).toList());
        return c;
    }

    /** Policies from YAML text, validated; errors fail the test. */
    static Compilation compile(String... yaml) {
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < yaml.length; i++) {
            docs.addAll(new YamlLoader().parse("p" + i + ".yaml", yaml[i].getBytes(java.nio.charset.StandardCharsets.UTF_8), d));
        }
        Compilation c = Compilation.of(docs, Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), () -> "test policy invalid: " + d.sorted() + "\n" + String.join("\n---\n", yaml));
        return c;
    }

    /** A state as comparable facts: key (case-insensitive, view-aware), name, and type plus data or "absent". */
    static TreeSet<String> facts(RegistryState state) {
        TreeSet<String> out = new TreeSet<>();
        for (RegistryEntry e : state.entries()) {
            String data = e instanceof RegistryEntry.Set s
                    ? s.value().type() + ":" + HexFormat.of().formatHex(s.value().toBytes()) : "absent";
            out.add(e.valueId() + "=" + data);
        }
        return out;
    }

    static TreeSet<String> facts(Compilation c, Scope scope) {
        return facts(c.registry(scope));
    }

    /** The records of a Registry.pol as sorted strings (record order aside, the same file). */
    static TreeSet<String> records(PolFile pol) {
        TreeSet<String> out = new TreeSet<>();
        for (PolRecord r : pol.records()) {
            out.add(r.raw().toString());
        }
        return out;
    }

    static Path write(Path file, byte[] bytes) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        return file;
    }
}
