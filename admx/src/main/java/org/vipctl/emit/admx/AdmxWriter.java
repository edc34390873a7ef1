package org.vipctl.emit.admx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.binding.BooleanElement;
import org.vipctl.admx.binding.CategoryList;
import org.vipctl.admx.binding.CheckBox;
import org.vipctl.admx.binding.DecimalElement;
import org.vipctl.admx.binding.DecimalTextBox;
import org.vipctl.admx.binding.DecimalValue;
import org.vipctl.admx.binding.DropdownList;
import org.vipctl.admx.binding.EnumElement;
import org.vipctl.admx.binding.EnumItem;
import org.vipctl.admx.binding.LocalizedResources;
import org.vipctl.admx.binding.LocalizedString;
import org.vipctl.admx.binding.LongDecimalElement;
import org.vipctl.admx.binding.LongDecimalTextBox;
import org.vipctl.admx.binding.MultiTextBox;
import org.vipctl.admx.binding.MultiTextElement;
import org.vipctl.admx.binding.NamespaceBinding;
import org.vipctl.admx.binding.ObjectFactory;
import org.vipctl.admx.binding.Policy;
import org.vipctl.admx.binding.PolicyClass;
import org.vipctl.admx.binding.PolicyDefinitionResources;
import org.vipctl.admx.binding.PolicyDefinitions;
import org.vipctl.admx.binding.PolicyElements;
import org.vipctl.admx.binding.PolicyList;
import org.vipctl.admx.binding.PolicyNamespaces;
import org.vipctl.admx.binding.Presentation;
import org.vipctl.admx.binding.PresentationTable;
import org.vipctl.admx.binding.Reference;
import org.vipctl.admx.binding.ResourcesReference;
import org.vipctl.admx.binding.StringTable;
import org.vipctl.admx.binding.SupportedOnDefinition;
import org.vipctl.admx.binding.SupportedOnDefinitionList;
import org.vipctl.admx.binding.SupportedOnTable;
import org.vipctl.admx.binding.TextBox;
import org.vipctl.admx.binding.TextElement;
import org.vipctl.admx.binding.Value;

/**
 * Writes one {@link Template} as ADMX and one ADML per language, through the JAXB binding. Only the
 * documented subset is written: no annotations, no clientExtension, ids of letters, digits and
 * underscores. String ids: policy P has P and P_Help, category C has C and C_Help; presentations
 * are named after their policy.
 */
final class AdmxWriter {

    static final String SCHEMA_VERSION = "1.0";
    private static final ObjectFactory OF = new ObjectFactory();

    /** ADMX text. */
    byte[] admx(Template t) {
        return AdmxXml.marshal(OF.createPolicyDefinitions(definitions(t)));
    }

    /** ADML text for one of the template's languages. */
    byte[] adml(Template t, String lang) {
        return AdmxXml.marshal(OF.createPolicyDefinitionResources(resources(t, lang)));
    }

    PolicyDefinitions definitions(Template t) {
        PolicyDefinitions d = new PolicyDefinitions();
        d.setRevision(t.revision());
        d.setSchemaVersion(SCHEMA_VERSION);
        PolicyNamespaces ns = new PolicyNamespaces();
        ns.setTarget(binding(t.prefix(), t.namespace()));
        for (Map.Entry<String, String> u : usedNamespaces(t).entrySet()) {
            ns.getUsing().add(binding(u.getKey(), u.getValue()));
        }
        d.setPolicyNamespaces(ns);
        ResourcesReference r = new ResourcesReference();
        r.setMinRequiredRevision(t.revision());
        d.setResources(r);
        if (!t.supportedOn().isEmpty()) {
            SupportedOnDefinitionList defs = new SupportedOnDefinitionList();
            for (Template.SupportedOn s : t.supportedOn()) {
                SupportedOnDefinition def = new SupportedOnDefinition();
                def.setName(s.name());
                def.setDisplayName(string(s.name()));
                defs.getDefinition().add(def);
            }
            SupportedOnTable table = new SupportedOnTable();
            table.setDefinitions(defs);
            d.setSupportedOn(table);
        }
        CategoryList cats = new CategoryList();
        for (Template.Category c : t.categories()) {
            org.vipctl.admx.binding.Category cat = new org.vipctl.admx.binding.Category();
            cat.setName(c.name());
            cat.setDisplayName(string(c.name()));
            cat.setExplainText(string(c.name() + "_Help"));
            if (!c.parent().isEmpty()) {
                cat.setParentCategory(ref(c.parent()));
            }
            cats.getCategory().add(cat);
        }
        d.setCategories(cats);
        PolicyList list = new PolicyList();
        t.policies().forEach(p -> list.getPolicy().add(policy(p)));
        d.setPolicies(list);
        return d;
    }

    /** Only the namespaces a reference actually goes through get a using element. */
    private static Map<String, String> usedNamespaces(Template t) {
        Map<String, String> used = new LinkedHashMap<>();
        for (Map.Entry<String, String> u : t.using().entrySet()) {
            String prefix = u.getKey() + ":";
            boolean referenced = t.categories().stream().anyMatch(c -> c.parent().startsWith(prefix))
                    || t.policies().stream().anyMatch(p -> p.category().startsWith(prefix)
                    || p.supportedOn().startsWith(prefix));
            if (referenced) {
                used.put(u.getKey(), u.getValue());
            }
        }
        return used;
    }

    private static Policy policy(Template.PolicyDef p) {
        Policy x = new Policy();
        x.setName(p.name());
        x.setClazz(p.machine() ? PolicyClass.MACHINE : PolicyClass.USER);
        x.setDisplayName(string(p.name()));
        x.setExplainText(string(p.name() + "_Help"));
        if (!p.elements().isEmpty()) {
            x.setPresentation("$(presentation." + p.name() + ")");
        }
        x.setKey(p.key());
        if (p.hasValue()) {
            x.setValueName(p.valueName());
        }
        x.setParentCategory(ref(p.category()));
        x.setSupportedOn(ref(p.supportedOn()));
        if (p.hasValue()) {
            x.setEnabledValue(decimal(p.enabledValue()));
            x.setDisabledValue(decimal(p.disabledValue()));
        }
        if (!p.elements().isEmpty()) {
            PolicyElements els = new PolicyElements();
            p.elements().forEach(e -> els.getItems().add(element(e)));
            x.setElements(els);
        }
        return x;
    }

    private static Object element(Template.ElementDef e) {
        String key = e.key().isEmpty() ? null : e.key();
        Boolean required = e.required() ? Boolean.TRUE : null;
        switch (e.kind()) {
            case BOOLEAN: {
                BooleanElement b = new BooleanElement();
                b.setId(e.id());
                b.setKey(key);
                b.setValueName(e.valueName());
                b.setTrueValue(decimal(1L));
                b.setFalseValue(decimal(0L));
                return b;
            }
            case DECIMAL: {
                DecimalElement d = new DecimalElement();
                d.setId(e.id());
                d.setKey(key);
                d.setValueName(e.valueName());
                d.setRequired(required);
                return d;
            }
            case LONG_DECIMAL: {
                LongDecimalElement d = new LongDecimalElement();
                d.setId(e.id());
                d.setKey(key);
                d.setValueName(e.valueName());
                d.setRequired(required);
                return d;
            }
            case MULTI_TEXT: {
                MultiTextElement m = new MultiTextElement();
                m.setId(e.id());
                m.setKey(key);
                m.setValueName(e.valueName());
                m.setRequired(required);
                return m;
            }
            case ENUM: {
                EnumElement en = new EnumElement();
                en.setId(e.id());
                en.setKey(key);
                en.setValueName(e.valueName());
                en.setRequired(required);
                for (Template.EnumChoice c : e.items()) {
                    EnumItem item = new EnumItem();
                    item.setDisplayName(string(c.id()));
                    item.setValue(decimal(c.value()));
                    en.getItem().add(item);
                }
                return en;
            }
            default: {
                TextElement tx = new TextElement();
                tx.setId(e.id());
                tx.setKey(key);
                tx.setValueName(e.valueName());
                tx.setRequired(required);
                return tx;
            }
        }
    }

    PolicyDefinitionResources resources(Template t, String lang) {
        PolicyDefinitionResources r = new PolicyDefinitionResources();
        r.setRevision(t.revision());
        r.setSchemaVersion(SCHEMA_VERSION);
        r.setDisplayName(t.displayName().get(lang));
        r.setDescription(t.description().get(lang));
        StringTable strings = new StringTable();
        List<LocalizedString> s = strings.getString();
        for (Template.SupportedOn x : t.supportedOn()) {
            s.add(text(x.name(), x.text().get(lang)));
        }
        for (Template.Category c : t.categories()) {
            s.add(text(c.name(), c.text().get(lang)));
            s.add(text(c.name() + "_Help", c.explain().get(lang)));
        }
        PresentationTable presentations = new PresentationTable();
        for (Template.PolicyDef p : t.policies()) {
            s.add(text(p.name(), p.displayName().get(lang)));
            s.add(text(p.name() + "_Help", p.explain().get(lang)));
            for (Template.ElementDef e : p.elements()) {
                for (Template.EnumChoice c : e.items()) {
                    s.add(text(c.id(), c.text().get(lang)));
                }
            }
            if (!p.elements().isEmpty()) {
                presentations.getPresentation().add(presentation(p, lang));
            }
        }
        LocalizedResources res = new LocalizedResources();
        res.setStringTable(strings);
        if (!presentations.getPresentation().isEmpty()) {
            res.setPresentationTable(presentations);
        }
        r.setResources(res);
        return r;
    }

    private static Presentation presentation(Template.PolicyDef p, String lang) {
        Presentation pr = new Presentation();
        pr.setId(p.name());
        for (Template.ElementDef e : p.elements()) {
            String label = e.label().get(lang);
            switch (e.kind()) {
                case BOOLEAN: {
                    CheckBox c = new CheckBox();
                    c.setRefId(e.id());
                    c.setValue(label);
                    pr.getControls().add(c);
                    break;
                }
                case DECIMAL: {
                    DecimalTextBox c = new DecimalTextBox();
                    c.setRefId(e.id());
                    c.setValue(label);
                    pr.getControls().add(c);
                    break;
                }
                case LONG_DECIMAL: {
                    LongDecimalTextBox c = new LongDecimalTextBox();
                    c.setRefId(e.id());
                    c.setValue(label);
                    pr.getControls().add(c);
                    break;
                }
                case MULTI_TEXT: {
                    MultiTextBox c = new MultiTextBox();
                    c.setRefId(e.id());
                    c.setValue(label);
                    pr.getControls().add(c);
                    break;
                }
                case ENUM: {
                    DropdownList c = new DropdownList();
                    c.setRefId(e.id());
                    c.setNoSort(Boolean.TRUE);
                    c.setDefaultItem(0L);
                    c.setValue(label);
                    pr.getControls().add(c);
                    break;
                }
                default: {
                    TextBox c = new TextBox();
                    c.setRefId(e.id());
                    c.setLabel(label);
                    pr.getControls().add(c);
                }
            }
        }
        return pr;
    }

    private static LocalizedString text(String id, String value) {
        LocalizedString s = new LocalizedString();
        s.setId(id);
        s.setValue(value);
        return s;
    }

    private static NamespaceBinding binding(String prefix, String namespace) {
        NamespaceBinding b = new NamespaceBinding();
        b.setPrefix(prefix);
        b.setNamespace(namespace);
        return b;
    }

    private static Reference ref(String name) {
        Reference r = new Reference();
        r.setRef(name);
        return r;
    }

    private static Value decimal(long v) {
        DecimalValue d = new DecimalValue();
        d.setValue(v);
        Value val = new Value();
        val.setDecimal(d);
        return val;
    }

    static String string(String id) {
        return "$(string." + id + ")";
    }
}
