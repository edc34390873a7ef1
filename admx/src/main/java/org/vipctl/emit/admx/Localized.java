package org.vipctl.emit.admx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;

/** Reads a {language: text} map from catalog data, requiring every template language. */
final class Localized {

    private Localized() {
    }

    static Map<String, String> of(JsonNode n, List<String> languages, Location at, String what, Diagnostics out) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String lang : languages) {
            String v = n.path(lang).asText("");
            if (v.isBlank()) {
                out.add(Rule.ADMX_TEMPLATE.error(at, what + " has no " + lang + " text",
                        "add " + lang + ": ... (every template language needs a translation)"));
            }
            texts.put(lang, v.strip());
        }
        return texts;
    }
}
