package org.vipctl.imports;

import java.nio.file.Path;
import java.util.List;

/** Reads an {@code Export-CtxGroupPolicy} folder: one unit per Citrix policy that sets a catalog setting. */
final class CitrixSource {

    static final String CONFIGURATION_FILE = "GroupPolicyConfiguration.xml";

    private CitrixSource() {
    }

    static List<SourceUnit> read(Path folder, String shown) {
        throw new ImportException(shown + ": Citrix exports cannot be imported yet");
    }
}
