package org.vipctl.emit.admx;

import java.util.List;
import java.util.Map;
import org.vipctl.admx.ElementKind;
import org.vipctl.diagnostic.Location;

/**
 * One ADMX template to write, built from catalog data: its file name, its own target namespace and
 * prefix, the namespaces it uses, revision, languages, and the categories, supportedOn definitions
 * and policies it defines. Localized texts are maps from language (en-US) to text.
 */
record Template(String name, String namespace, String prefix, String revision, String intuneApp,
                List<String> languages, Map<String, String> displayName, Map<String, String> description,
                Map<String, String> using, List<Category> categories, List<SupportedOn> supportedOn,
                List<PolicyDef> policies, Location at) {

    Template {
        languages = List.copyOf(languages);
        displayName = Map.copyOf(displayName);
        description = Map.copyOf(description);
        using = Map.copyOf(using);
        categories = List.copyOf(categories);
        supportedOn = List.copyOf(supportedOn);
        policies = List.copyOf(policies);
    }

    Template withPolicies(List<PolicyDef> subset) {
        return new Template(name, namespace, prefix, revision, intuneApp, languages, displayName, description,
                using, categories, supportedOn, subset, at);
    }

    /** A category; {@code parent} is empty for a top-level one, else a name or prefix:name. */
    record Category(String name, String parent, Map<String, String> text, Map<String, String> explain) {
    }

    /** A supportedOn definition with display text only. */
    record SupportedOn(String name, Map<String, String> text) {
    }

    /** One policy: the policy-level value (optional) and its elements. */
    record PolicyDef(String name, String category, String supportedOn, boolean machine, String key,
                     String valueName, Long enabledValue, Long disabledValue, Map<String, String> displayName,
                     Map<String, String> explain, List<ElementDef> elements, List<String> settingIds, Location at) {

        PolicyDef {
            elements = List.copyOf(elements);
            settingIds = List.copyOf(settingIds);
        }

        boolean hasValue() {
            return !valueName.isEmpty();
        }
    }

    /** A policy element; {@code key} is empty when it is the policy's key. */
    record ElementDef(String id, ElementKind kind, String key, String valueName, boolean required,
                      Map<String, String> label, List<EnumChoice> items, String settingId) {

        ElementDef {
            items = List.copyOf(items);
        }
    }

    /** One choice of an enum element. */
    record EnumChoice(String id, long value, Map<String, String> text) {
    }
}
