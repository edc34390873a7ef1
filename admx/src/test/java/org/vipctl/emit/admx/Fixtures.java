package org.vipctl.emit.admx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.OutputFiles;

/** Shared test helpers: repository paths and running an emitter over a catalog. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("vipctl.repo", ".")).toAbsolutePath().normalize();
    }

    /** ../shared/reference/admx beside the repository, when present. */
    public static Path referenceStore() {
        return repo().resolve("../shared/reference/admx").normalize();
    }

    public static boolean hasReferenceStore() {
        return Files.isRegularFile(referenceStore().resolve("TerminalServer-Server.admx"));
    }

    public static Path schema(String name) {
        return repo().resolve("schemas/admx").resolve(name);
    }

    public static OutputFiles emit(org.vipctl.emit.Emitter emitter, Catalog catalog, List<Path> policies, Diagnostics d) {
        Compilation c = Compilation.load(policies, catalog, d);
        OutputFiles out = new OutputFiles();
        emitter.emit(new EmitContext(c, d), out);
        return out;
    }

    public static Path write(Path dir, OutputFiles files) throws java.io.IOException {
        files.writeTo(dir);
        return dir;
    }
}
