package org.vipctl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.PreparsedDocuments;
import org.vipctl.load.SourceDocument;

/**
 * The built-in catalog files parsed at build time ({@code compiler/pom.xml} runs {@link #main} after
 * the classes are compiled), so a run reads them without a YAML parser: SnakeYAML was most of the
 * cost of a run's catalog. The form holds the documents as the YAML loader made them, positions
 * included, and is read into the same settings; PreparsedCatalogTest checks both against the YAML.
 * A build without that step (an IDE's) has no form, and the YAML files are read.
 */
public final class PreparsedCatalog {

    /** The resource beside the catalog files. */
    static final String RESOURCE = "built-in-catalog.bin";

    private PreparsedCatalog() {
    }

    /** Build step: writes the form of the built-in catalog files into the folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            PreparsedDocuments.write(yaml(), out);
        }
    }

    /** The documents of the built-in catalog files, from the form; empty when the build made none. */
    static Optional<List<SourceDocument>> read() {
        try (InputStream in = PreparsedCatalog.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(PreparsedDocuments.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in catalog's " + RESOURCE, e);
        }
    }

    /** The documents of the built-in catalog files, parsed from the YAML. */
    static List<SourceDocument> yaml() {
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new ArrayList<>();
        for (String name : Catalog.BUILT_IN) {
            docs.addAll(Catalog.builtInDocuments(name, d));
        }
        if (d.hasErrors()) {
            throw new IllegalStateException("built-in catalog is invalid: " + d.sorted());
        }
        return docs;
    }
}
