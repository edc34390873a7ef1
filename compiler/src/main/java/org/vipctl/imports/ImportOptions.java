package org.vipctl.imports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.vipctl.catalog.Catalog;
import org.vipctl.model.TargetOs;

/**
 * How to import: the catalog to read values against, {@code all} to keep every HKLM value rather
 * than only those under the catalog's keys, a {@code name} for a single imported policy, the
 * {@code os} list for {@code targets.os}, the {@code $schema} reference for editors, the folder
 * the files go to as messages should show it ({@code outputPrefix}, may be empty), and how to open
 * the live registry when a source is {@code windows}.
 */
public record ImportOptions(Catalog catalog, boolean all, Optional<String> name, List<TargetOs> os, String schemaRef,
                            String outputPrefix, Supplier<ListableRegistry> windows) {

    public ImportOptions {
        Objects.requireNonNull(catalog);
        os = List.copyOf(os);
    }

    /** The built-in behaviour: catalog keys only, names from the sources, no live registry. */
    public static ImportOptions of(Catalog catalog) {
        return new ImportOptions(catalog, false, Optional.empty(), List.of(), SchemaRef.ID, "", () -> {
            throw new ImportException("windows: the live registry can be read on Windows only");
        });
    }

    public ImportOptions withAll(boolean value) {
        return new ImportOptions(catalog, value, name, os, schemaRef, outputPrefix, windows);
    }

    public ImportOptions withName(Optional<String> value) {
        return new ImportOptions(catalog, all, value, os, schemaRef, outputPrefix, windows);
    }

    public ImportOptions withOs(List<TargetOs> value) {
        return new ImportOptions(catalog, all, name, value, schemaRef, outputPrefix, windows);
    }

    public ImportOptions withOutput(String schema, String prefix) {
        return new ImportOptions(catalog, all, name, os, schema, prefix, windows);
    }

    public ImportOptions withWindows(Supplier<ListableRegistry> value) {
        return new ImportOptions(catalog, all, name, os, schemaRef, outputPrefix, value);
    }
}
