package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.schema.SchemaCheck;

/**
 * Reads one catalog document: its settings and its {@code admxTemplate} block. A checked read (every
 * user file) first validates the document against {@code schemas/vipctl-catalog.schema.json} and
 * then checks each setting's {@code source} and {@code when} against the policy format; entries
 * with schema errors are skipped. The built-in files are read unchecked: tests run the checked read
 * on them, so a start-up does not pay for it.
 */
final class CatalogFileReader {

    record Contents(List<Setting> settings, Optional<AdmxTemplateSpec> template) {
    }

    private CatalogFileReader() {
    }

    static Contents read(SourceDocument doc, boolean checked, Diagnostics out) {
        JsonNode tree = doc.tree();
        boolean hasTemplate = tree.path(AdmxTemplateSpecReader.KEY).isObject();
        if (!tree.path("settings").isArray() && !hasTemplate) {
            out.add(Rule.CATALOG.error(doc.start(), "a catalog file needs a 'settings' list", "see docs/catalog.md"));
            return new Contents(List.of(), Optional.empty());
        }
        SchemaCheck.Findings schema = checked ? SchemaCheck.catalog().findings(doc)
                : new SchemaCheck.Findings(List.of(), java.util.Set.of());
        out.addAll(schema.diagnostics());
        List<Setting> settings = new ArrayList<>();
        SettingReader reader = new SettingReader(doc, out);
        Optional<PolicyFields> fields = checked ? Optional.of(new PolicyFields(out)) : Optional.empty();
        JsonNode list = tree.path("settings");
        for (int i = 0; i < list.size(); i++) {
            String ptr = "/settings/" + i;
            if (schema.within(ptr)) {
                continue;
            }
            reader.read(ptr, list.get(i)).ifPresent(s -> {
                fields.ifPresent(f -> f.check(doc, ptr, s));
                settings.add(s);
            });
        }
        Optional<AdmxTemplateSpec> template = hasTemplate && !schema.within("/" + AdmxTemplateSpecReader.KEY)
                ? new AdmxTemplateSpecReader(doc, out).read() : Optional.empty();
        return new Contents(settings, template);
    }
}
