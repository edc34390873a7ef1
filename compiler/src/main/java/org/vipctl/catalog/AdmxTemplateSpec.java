package org.vipctl.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.diagnostic.Location;

/**
 * The {@code admxTemplate} block of a catalog file: the ADMX file that file's settings form, with
 * its own namespace and prefix, the namespaces it uses by prefix ({@code windows} always), its
 * languages and the categories and supportedOn definitions it defines. Texts are maps from
 * language to text; every map keeps the catalog's order.
 */
public record AdmxTemplateSpec(String name, String namespace, String prefix, String revision, String intuneApp,
                               List<String> languages, Map<String, String> displayName,
                               Map<String, String> description, Map<String, String> using,
                               List<Category> categories, List<SupportedOn> supportedOn, Location at) {

    /** The namespace of Windows.admx, known to every template under the prefix {@code windows}. */
    public static final String WINDOWS_NAMESPACE = "Microsoft.Policies.Windows";

    public AdmxTemplateSpec {
        languages = List.copyOf(languages);
        displayName = ordered(displayName);
        description = ordered(description);
        using = ordered(using);
        categories = List.copyOf(categories);
        supportedOn = List.copyOf(supportedOn);
    }

    /** A category; {@code parent} is empty for a top-level one, else a name or prefix:name. */
    public record Category(String name, String parent, Map<String, String> text, Map<String, String> explain,
                           Location at) {
        public Category {
            text = ordered(text);
            explain = ordered(explain);
        }
    }

    /** A supportedOn definition with display text only. */
    public record SupportedOn(String name, Map<String, String> text, Location at) {
        public SupportedOn {
            text = ordered(text);
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
