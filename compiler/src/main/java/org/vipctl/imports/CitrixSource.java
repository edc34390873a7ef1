package org.vipctl.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.format.citrix.CitrixExportReader;

/**
 * Reads an {@code Export-CtxGroupPolicy} folder (through the same reader as {@code citrix show}):
 * one unit per Citrix policy, holding every setting it configures and its name, description,
 * state, priority and filters. Which settings are the catalog's is decided by the mapping, so a
 * policy without virtual loopback settings imports nothing and its settings are counted.
 */
final class CitrixSource {

    static final String CONFIGURATION_FILE = CitrixExportReader.CONFIGURATION_FILE;

    private CitrixSource() {
    }

    static List<SourceUnit> read(Path folder, String shown) throws IOException {
        CitrixExportReader.Export export;
        try {
            export = CitrixExportReader.read(folder);
        } catch (CitrixExportReader.CitrixExportException e) {
            throw new ImportException(shown + ": not a readable Citrix export: " + e.getMessage(), e);
        }
        String configuration = Sources.show(folder.resolve(CONFIGURATION_FILE));
        List<String> files = List.of(Sources.show(folder.resolve(CitrixExportReader.POLICY_FILE)), configuration,
                Sources.show(folder.resolve(CitrixExportReader.FILTER_FILE)));
        List<SourceUnit> units = new ArrayList<>();
        for (CitrixExportReader.Policy p : export.policies()) {
            Origin at = new Origin.CitrixPolicyAt(configuration, p.name());
            List<Observed> observed = new ArrayList<>();
            p.settings().values().forEach(s -> observed.add(new Observed.CitrixValue(s.name(), s.state(), s.values(), at)));
            List<CitrixPolicyFacts.Filter> filters = p.filters().stream().map(f -> new CitrixPolicyFacts.Filter(f.type(),
                    f.value(), !f.mode().equalsIgnoreCase("Deny"), f.enabled())).toList();
            units.add(new SourceUnit("Citrix policy '" + p.name() + "' (" + p.type() + ") of the export", shown, files,
                    Optional.empty(), PolicyNames.fromText(p.name()),
                    p.description().isBlank() ? Optional.empty() : Optional.of(p.description()), observed,
                    Optional.of(new CitrixPolicyFacts(p.name(), p.description(), p.enabled(), p.priority(), filters))));
        }
        return units;
    }
}
