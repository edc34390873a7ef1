package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.TextCharacters;
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
        if (checked && !xmlText(doc, "", tree, out)) {
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
            Optional<Setting> s = reader.read(ptr, list.get(i));
            if (s.isPresent()) {
                if (fields.isPresent()) {
                    fields.get().check(doc, ptr, s.get());
                }
                settings.add(s.get());
            }
        }
        Optional<AdmxTemplateSpec> template = hasTemplate && !schema.within("/" + AdmxTemplateSpecReader.KEY)
                ? new AdmxTemplateSpecReader(doc, out).read() : Optional.empty();
        return new Contents(settings, template);
    }

    /**
     * Catalog text goes into ADMX/ADML files as it is, and XML cannot hold most control characters:
     * the first such character is an error at its position, and the document is not used.
     */
    private static boolean xmlText(SourceDocument doc, String pointer, JsonNode n, Diagnostics out) {
        if (n.isTextual()) {
            Optional<String> problem = TextCharacters.xmlProblem(n.textValue());
            problem.ifPresent(p -> out.add(Rule.CATALOG.error(doc.valueAt(pointer), "catalog text holds " + p
                    + ", which ADMX/ADML files cannot hold", "remove it; line breaks and tabs are fine")));
            return problem.isEmpty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = pointer + "/" + SourceDocument.escape(e.getKey());
            Optional<String> problem = TextCharacters.xmlProblem(e.getKey());
            if (problem.isPresent()) {
                out.add(Rule.CATALOG.error(doc.keyAt(child), "catalog key holds " + problem.get(), "remove it"));
                return false;
            }
            if (!xmlText(doc, child, e.getValue(), out)) {
                return false;
            }
        }
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            if (!xmlText(doc, pointer + "/" + i, n.get(i), out)) {
                return false;
            }
        }
        return true;
    }
}
