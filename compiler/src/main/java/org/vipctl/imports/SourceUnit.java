package org.vipctl.imports;

import java.util.List;
import java.util.Optional;
import org.vipctl.registry.Scope;

/**
 * What one policy is imported from: a Registry.pol or GPO folder, one GPO of a backup, a .reg file,
 * the live registry, or one Citrix policy. {@code kind} and {@code source} say what it is for the
 * file's header, {@code files} lists what was read. {@code scope} is the scope whose catalog
 * placements the source's values are read against ({@code POLICY} for Group Policy files,
 * {@code LOCAL} for .reg files and the live registry); Citrix policies have none.
 */
public record SourceUnit(String kind, String source, List<String> files, Optional<Scope> scope, String suggestedName,
                         Optional<String> description, List<Observed> observed, Optional<CitrixPolicyFacts> citrix) {

    public SourceUnit {
        files = List.copyOf(files);
        observed = List.copyOf(observed);
    }
}
