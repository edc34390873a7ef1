package org.vipctl.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostic;

/**
 * {@code vipctl import}: sources in, policy YAML out. Each source is read into what it states,
 * mapped onto the catalog (typed fields, registry entries, what cannot be said), checked by the
 * validator as one set of policies, and written in the documented format. Pure apart from reading
 * the sources: the caller decides where the files go.
 */
public final class Importer {

    /** One source as the user named it, with the kind {@code --from} gave, if any. */
    public record Request(String source, Optional<SourceKind> from) {
    }

    private Importer() {
    }

    /**
     * @throws ImportException when a source cannot be read (nothing is imported then)
     * @throws IllegalArgumentException when {@code options.name()} is given but the sources hold more than one policy
     */
    public static ImportResult run(List<Request> requests, ImportOptions options) {
        List<SourceUnit> units = new ArrayList<>();
        for (Request r : requests) {
            units.addAll(Sources.read(r.source(), r.from(), options));
        }
        Mapping mapping = new Mapping(new CatalogIndex(options.catalog()), options.all());
        List<Draft> drafts = new ArrayList<>();
        for (SourceUnit u : units) {
            drafts.add(mapping.map(u));
        }
        List<Draft> withContent = drafts.stream().filter(d -> !d.isEmpty()).toList();
        if (options.name().isPresent() && withContent.size() > 1) {
            throw new IllegalArgumentException("--name names one policy, but the sources hold " + withContent.size()
                    + "; leave it out to name each after its source");
        }
        PolicyNames names = new PolicyNames();
        for (Draft d : withContent) {
            d.name = names.unique(options.name().orElse(d.name));
            d.os = options.os();
            d.description = d.description.map(Importer::descriptionText);
        }
        ValidationLoop loop = new ValidationLoop(options.catalog(), mapping, options.schemaRef(), options.outputPrefix());
        List<Diagnostic> findings = loop.run(withContent);
        List<Diagnostic> diagnostics = new ArrayList<>();
        drafts.forEach(d -> diagnostics.addAll(d.diagnostics));
        diagnostics.addAll(findings);
        List<ImportResult.File> files = new ArrayList<>();
        for (Draft d : withContent) {
            if (!d.isEmpty()) {
                files.add(new ImportResult.File(d.name, d.name + ".yaml", loop.render(d)));
            }
        }
        int imported = drafts.stream().mapToInt(Draft::imported).sum();
        int unrelated = drafts.stream().mapToInt(d -> d.unrelated).sum();
        int notExpressible = drafts.stream().mapToInt(d -> d.notExpressible).sum();
        return new ImportResult(files, diagnostics, imported, unrelated, notExpressible);
    }

    /** The schema allows 2000 characters and one line reads best. */
    private static String descriptionText(String s) {
        String one = s.replaceAll("[\\r\\n]+", " ").strip();
        return one.length() <= 2000 ? one : one.substring(0, 1997) + "...";
    }
}
