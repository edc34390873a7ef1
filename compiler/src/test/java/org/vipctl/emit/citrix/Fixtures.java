package org.vipctl.emit.citrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.OutputFiles;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;

/** Test policies under src/test/resources/org/vipctl/emit/citrix and a way to compile them. */
final class Fixtures {

    static final List<String> ALL = List.of("crm-loopback.yaml", "cti-defaults.yaml", "rds-only.yaml");

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    static Compilation compile(Catalog catalog, Diagnostics d, List<String> resources) {
        List<SourceDocument> docs = new ArrayList<>();
        YamlLoader loader = new YamlLoader();
        for (String r : resources) {
            docs.addAll(loader.parse(r, resource(r), d));
        }
        return Compilation.of(docs, catalog, d);
    }

    /** Compiles YAML given as text, one string per file. */
    static Compilation compileText(Diagnostics d, String... yaml) {
        List<SourceDocument> docs = new ArrayList<>();
        YamlLoader loader = new YamlLoader();
        for (int i = 0; i < yaml.length; i++) {
            docs.addAll(loader.parse("p" + i + ".yaml", yaml[i].getBytes(StandardCharsets.UTF_8), d));
        }
        return Compilation.of(docs, Catalog.builtIn(), d);
    }

    static OutputFiles emit(Compilation c, Diagnostics d) {
        OutputFiles out = new OutputFiles();
        new CitrixEmitter().emit(new EmitContext(c, d), out);
        return out;
    }
}
