package org.vipctl.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Location;
import org.vipctl.model.Located;

/**
 * The ADMX side of a catalog setting (its {@code admx} block): either another vendor's template
 * defines it, or it is part of a template vipctl writes. Texts are maps from language to text in
 * the order the catalog gives them.
 */
public sealed interface AdmxBinding {

    /** The ADMX policy the setting belongs to. */
    String policy();

    /** {@code definedBy}: the named template (Microsoft's) has the setting; vipctl never writes it again. */
    record DefinedBy(String template, String policy, Optional<String> element, Optional<AdmxElementKind> elementKind)
            implements AdmxBinding {
    }

    /**
     * Part of a template vipctl writes. Settings with the same {@code policy} form one policy: the one
     * without an {@code element} is the policy's own value (enabled/disabled), the others are its
     * elements; one of them carries the {@code description}.
     */
    record Own(String policy, Optional<PolicyDescription> description, Optional<Element> element)
            implements AdmxBinding {
    }

    /** What the editor shows for a policy: its category, supportedOn reference and texts ({@code at}: the texts). */
    record PolicyDescription(Located<String> category, Located<String> supportedOn, Map<String, PolicyText> text,
                             Location at) {
        public PolicyDescription {
            text = ordered(text);
        }
    }

    record PolicyText(String displayName, String explain) {
    }

    /** A policy element; {@code items} are an enum element's choices, in map order. */
    record Element(String id, AdmxElementKind kind, boolean required, Map<String, String> label,
                   List<EnumItem> items) {
        public Element {
            label = ordered(label);
            items = List.copyOf(items);
        }
    }

    /** One choice of an enum element: the map key, its registry value and its label per language. */
    record EnumItem(String key, long value, Map<String, String> text) {
        public EnumItem {
            text = ordered(text);
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
