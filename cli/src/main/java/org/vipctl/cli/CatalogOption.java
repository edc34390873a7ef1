package org.vipctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import picocli.CommandLine.Option;

/** {@code --catalog FILE}: extra setting catalog files, for every command that plans or compiles. */
final class CatalogOption {

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Extra setting catalog file(s): add settings or override built-in ones by id. Repeatable.")
    List<Path> catalogFiles = new ArrayList<>();

    Catalog catalog(Diagnostics out) {
        return catalogFiles.isEmpty() ? Catalog.builtIn() : Catalog.withUserFiles(catalogFiles, out);
    }
}
