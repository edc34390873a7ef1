package org.vipctl.emit.admx;

import java.util.List;
import java.util.Map;
import org.vipctl.admx.ElementKind;
import org.vipctl.catalog.AdmxTemplateSpec;
import org.vipctl.diagnostic.Location;

/**
 * One ADMX template to write: the catalog's {@code admxTemplate} block (file name, own namespace and
 * prefix, the namespaces it uses, revision, languages, categories and supportedOn definitions) and
 * the policies its settings form. Localized texts are maps from language (en-US) to text.
 */
record Template(AdmxTemplateSpec spec, List<PolicyDef> policies) {

    Template {
        policies = List.copyOf(policies);
    }

    String name() {
        return spec.name();
    }

    String namespace() {
        return spec.namespace();
    }

    String prefix() {
        return spec.prefix();
    }

    String revision() {
        return spec.revision();
    }

    String intuneApp() {
        return spec.intuneApp();
    }

    List<String> languages() {
        return spec.languages();
    }

    Map<String, String> displayName() {
        return spec.displayName();
    }

    Map<String, String> description() {
        return spec.description();
    }

    /** Prefix to namespace, in catalog order ({@code windows} first). */
    Map<String, String> using() {
        return spec.using();
    }

    List<AdmxTemplateSpec.Category> categories() {
        return spec.categories();
    }

    List<AdmxTemplateSpec.SupportedOn> supportedOn() {
        return spec.supportedOn();
    }

    Location at() {
        return spec.at();
    }

    Template withPolicies(List<PolicyDef> subset) {
        return new Template(spec, subset);
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
