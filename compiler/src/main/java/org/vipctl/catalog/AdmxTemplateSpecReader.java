package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;

/** Reads a catalog file's top-level {@code admxTemplate} block. */
final class AdmxTemplateSpecReader {

    static final String KEY = "admxTemplate";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern REVISION = Pattern.compile("[0-9]+\\.[0-9]+");

    private final SourceDocument doc;
    private final Diagnostics out;

    AdmxTemplateSpecReader(SourceDocument doc, Diagnostics out) {
        this.doc = doc;
        this.out = out;
    }

    Optional<AdmxTemplateSpec> read() {
        String base = "/" + KEY;
        JsonNode t = doc.tree().path(KEY);
        long errorsBefore = out.count(org.vipctl.diagnostic.Severity.ERROR);
        String name = required(base, t, "name", FILE_NAME);
        String namespace = required(base, t, "namespace", FILE_NAME);
        String prefix = required(base, t, "prefix", FILE_NAME);
        String revision = required(base, t, "revision", REVISION);
        List<String> languages = new ArrayList<>();
        t.path("languages").forEach(l -> languages.add(l.asText()));
        if (languages.isEmpty()) {
            languages.add("en-US");
        }
        Map<String, String> using = new LinkedHashMap<>();
        using.put("windows", AdmxTemplateSpec.WINDOWS_NAMESPACE);
        t.path("using").forEach(u -> using.put(u.path("prefix").asText(), u.path("namespace").asText()));
        List<AdmxTemplateSpec.Category> categories = new ArrayList<>();
        JsonNode cats = t.path("categories");
        for (int i = 0; i < cats.size(); i++) {
            String p = base + "/categories/" + i;
            JsonNode c = cats.get(i);
            categories.add(new AdmxTemplateSpec.Category(required(p, c, "name", AdmxBindingReader.NAME),
                    c.path("parent").asText(""), AdmxBindingReader.texts(c.path("text")), AdmxBindingReader.texts(c.path("explain")), doc.valueAt(p)));
        }
        List<AdmxTemplateSpec.SupportedOn> supported = new ArrayList<>();
        JsonNode sups = t.path("supportedOn");
        for (int i = 0; i < sups.size(); i++) {
            String p = base + "/supportedOn/" + i;
            JsonNode s = sups.get(i);
            supported.add(new AdmxTemplateSpec.SupportedOn(required(p, s, "name", AdmxBindingReader.NAME),
                    AdmxBindingReader.texts(s.path("text")), doc.valueAt(p)));
        }
        Map<String, String> displayName = new LinkedHashMap<>();
        Map<String, String> description = new LinkedHashMap<>();
        for (String lang : languages) {
            JsonNode x = t.path("text").path(lang);
            displayName.put(lang, x.path("displayName").asText(name).strip());
            description.put(lang, x.path("description").asText(name).strip());
        }
        if (out.count(org.vipctl.diagnostic.Severity.ERROR) > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new AdmxTemplateSpec(name, namespace, prefix, revision, t.path("intuneApp").asText(prefix),
                languages, displayName, description, using, categories, supported, doc.valueAt(base)));
    }

    private String required(String ptr, JsonNode n, String field, Pattern form) {
        String v = n.path(field).asText("");
        if (!form.matcher(v).matches()) {
            out.add(Rule.ADMX_TEMPLATE.error(doc.valueAt(ptr + "/" + field), v.isEmpty() ? "'" + field + "' is missing"
                    : "'" + field + "' value '" + v + "' is not valid", "expected the form " + form.pattern()));
        }
        return v;
    }
}
