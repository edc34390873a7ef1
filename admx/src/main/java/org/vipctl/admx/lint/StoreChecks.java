package org.vipctl.admx.lint;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vipctl.admx.AdmxReader;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.ElementKind;
import org.vipctl.admx.ParsedFile;
import org.vipctl.admx.binding.BooleanElement;
import org.vipctl.admx.binding.Category;
import org.vipctl.admx.binding.CheckBox;
import org.vipctl.admx.binding.ComboBox;
import org.vipctl.admx.binding.DecimalElement;
import org.vipctl.admx.binding.DecimalTextBox;
import org.vipctl.admx.binding.DropdownList;
import org.vipctl.admx.binding.EnumElement;
import org.vipctl.admx.binding.EnumItem;
import org.vipctl.admx.binding.ListBox;
import org.vipctl.admx.binding.ListElement;
import org.vipctl.admx.binding.LocalizedString;
import org.vipctl.admx.binding.LongDecimalElement;
import org.vipctl.admx.binding.LongDecimalTextBox;
import org.vipctl.admx.binding.MajorVersion;
import org.vipctl.admx.binding.MinorVersion;
import org.vipctl.admx.binding.MultiTextBox;
import org.vipctl.admx.binding.MultiTextElement;
import org.vipctl.admx.binding.NamespaceBinding;
import org.vipctl.admx.binding.Policy;
import org.vipctl.admx.binding.PolicyDefinitionResources;
import org.vipctl.admx.binding.PolicyDefinitions;
import org.vipctl.admx.binding.Presentation;
import org.vipctl.admx.binding.Product;
import org.vipctl.admx.binding.SupportedOnCombination;
import org.vipctl.admx.binding.SupportedOnDefinition;
import org.vipctl.admx.binding.SupportedOnRange;
import org.vipctl.admx.binding.TextBox;
import org.vipctl.admx.binding.TextElement;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.xml.sax.Locator;

/**
 * The store-wide checks of {@code admx lint}. Problems inside Microsoft's own templates (target
 * namespace {@code Microsoft.Policies.*}) that Windows ships and loads anyway are reported as
 * warnings with that reason; the same problem in any other template is an error. A duplicate target
 * namespace and unreadable files are errors whoever wrote them: GPMC refuses those.
 */
final class StoreChecks {

    private static final Pattern NAME = AdmxXml.NAME;
    private static final Pattern STRING_REF = Pattern.compile("\\$\\(string\\.([^)]*)\\)");
    private static final Pattern PRESENTATION_REF = Pattern.compile("\\$\\(presentation\\.([^)]*)\\)");
    private static final String MICROSOFT_NOTE = " (in Microsoft's own template, which Windows ships and loads"
            + " this way: reported as a warning)";

    private final StoreFiles files;
    private final List<ParsedFile<PolicyDefinitions>> admxFiles;
    private final List<ParsedFile<PolicyDefinitionResources>> admlFiles;
    private final boolean strictNamespaces;
    private final Diagnostics out;

    private final List<Admx> admx = new ArrayList<>();
    private final Map<String, Admx> byNamespace = new HashMap<>();
    private final Map<String, NameIndex> index = new HashMap<>();
    private final Map<String, Adml> adml = new LinkedHashMap<>();

    StoreChecks(StoreFiles files, List<ParsedFile<PolicyDefinitions>> admxFiles,
                List<ParsedFile<PolicyDefinitionResources>> admlFiles, boolean strictNamespaces, Diagnostics out) {
        this.files = files;
        this.admxFiles = admxFiles;
        this.admlFiles = admlFiles;
        this.strictNamespaces = strictNamespaces;
        this.out = out;
    }

    /** One readable ADMX with its namespace bindings. */
    private record Admx(StoreFiles.Source src, String name, PolicyDefinitions root, String ns, String prefix,
                        Map<String, String> using, boolean microsoft, Location at) {
    }

    /** One readable ADML with its tables. */
    private record Adml(StoreFiles.Source src, String name, PolicyDefinitionResources root,
                        Map<String, LocalizedString> strings, Map<String, Presentation> presentations) {
    }

    /** The names one namespace defines, by kind. */
    private static final class NameIndex {
        final Map<String, Location> categories = new HashMap<>();
        final Map<String, Location> policies = new HashMap<>();
        final Map<String, Location> definitions = new HashMap<>();
        final Map<String, Location> products = new HashMap<>();
    }

    void run() {
        readNamespaces();
        for (Admx a : admx) {
            if (byNamespace.get(a.ns()) == a) {
                indexNames(a);
            }
        }
        readAdml();
        for (Admx a : admx) {
            checkUsing(a);
            checkReferences(a);
            checkLanguages(a);
        }
        checkOrphans();
    }

    // ---- namespaces ------------------------------------------------------------------------

    private void readNamespaces() {
        for (int i = 0; i < admxFiles.size(); i++) {
            ParsedFile<PolicyDefinitions> f = admxFiles.get(i);
            StoreFiles.Source src = files.admx().get(i);
            if (f.root().isEmpty()) {
                continue;
            }
            PolicyDefinitions root = f.root().get();
            Location at = loc(f.name(), root.sourceLocation());
            NamespaceBinding target = root.getPolicyNamespaces() == null ? null : root.getPolicyNamespaces().getTarget();
            if (target == null || blank(target.getNamespace()) || blank(target.getPrefix())) {
                out.add(Rule.ADMX_STRUCTURE.error(at, "no <policyNamespaces><target prefix=… namespace=…/>",
                        "every ADMX declares its own target namespace and prefix"));
                continue;
            }
            Map<String, String> using = new LinkedHashMap<>();
            boolean microsoft = target.getNamespace().startsWith("Microsoft.Policies.");
            for (NamespaceBinding u : root.getPolicyNamespaces().getUsing()) {
                Location uat = loc(f.name(), u.sourceLocation());
                if (blank(u.getPrefix()) || blank(u.getNamespace())) {
                    out.add(Rule.ADMX_STRUCTURE.error(uat, "<using> needs prefix and namespace", ""));
                } else if (using.containsKey(u.getPrefix()) || u.getPrefix().equals(target.getPrefix())) {
                    issue(microsoft, Rule.ADMX_DUPLICATE, uat, "prefix '" + u.getPrefix() + "' is bound twice",
                            "use one prefix per namespace");
                } else {
                    using.put(u.getPrefix(), u.getNamespace());
                }
            }
            Admx a = new Admx(src, f.name(), root, target.getNamespace(), target.getPrefix(), using, microsoft,
                    loc(f.name(), target.sourceLocation()));
            admx.add(a);
            Admx first = byNamespace.putIfAbsent(a.ns(), a);
            if (first != null) {
                out.add(Rule.ADMX_NAMESPACE.error(a.at(), "target namespace '" + a.ns() + "' is already defined by "
                        + first.name(), "GPMC refuses a store where two files share a target namespace; remove one"
                        + " copy or give your template its own namespace").withRelated(first.at()));
            }
        }
    }

    private void checkUsing(Admx a) {
        for (NamespaceBinding u : a.root().getPolicyNamespaces().getUsing()) {
            if (blank(u.getNamespace()) || byNamespace.containsKey(u.getNamespace())) {
                continue;
            }
            Location at = loc(a.name(), u.sourceLocation());
            String msg = "namespace '" + u.getNamespace() + "' (prefix '" + u.getPrefix()
                    + "') is not defined by any ADMX file in this store";
            String hint = "copy the ADMX that defines it (with its ADML files) into the store; references"
                    + " through '" + u.getPrefix() + ":' were not checked";
            out.add(strictNamespaces ? Rule.ADMX_USING.error(at, msg, hint) : Rule.ADMX_USING.warning(at, msg, hint));
        }
    }

    // ---- names -------------------------------------------------------------------------------

    private void indexNames(Admx a) {
        NameIndex idx = index.computeIfAbsent(a.ns(), k -> new NameIndex());
        PolicyDefinitions r = a.root();
        if (r.getSupportedOn() != null) {
            if (r.getSupportedOn().getProductDefinitions() != null) {
                for (Product p : r.getSupportedOn().getProductDefinitions().getProduct()) {
                    define(a, idx.products, p.getName(), p.sourceLocation(), "product");
                    for (MajorVersion m : p.getMajorVersion()) {
                        define(a, idx.products, m.getName(), m.sourceLocation(), "product version");
                        for (MinorVersion n : m.getMinorVersion()) {
                            define(a, idx.products, n.getName(), n.sourceLocation(), "product version");
                        }
                    }
                }
            }
            if (r.getSupportedOn().getDefinitions() != null) {
                for (SupportedOnDefinition d : r.getSupportedOn().getDefinitions().getDefinition()) {
                    define(a, idx.definitions, d.getName(), d.sourceLocation(), "supportedOn definition");
                }
            }
        }
        if (r.getCategories() != null) {
            for (Category c : r.getCategories().getCategory()) {
                define(a, idx.categories, c.getName(), c.sourceLocation(), "category");
            }
        }
        if (r.getPolicies() != null) {
            for (Policy p : r.getPolicies().getPolicy()) {
                define(a, idx.policies, p.getName(), p.sourceLocation(), "policy");
            }
        }
    }

    private void define(Admx a, Map<String, Location> names, String name, Locator l, String what) {
        Location at = loc(a.name(), l);
        if (blank(name)) {
            out.add(Rule.ADMX_STRUCTURE.error(at, what + " without a name", "add name=\"…\""));
            return;
        }
        checkName(a.microsoft(), at, name, what);
        Location first = names.putIfAbsent(name, at);
        if (first != null) {
            issue(a.microsoft(), Rule.ADMX_DUPLICATE, at, what + " '" + name + "' is defined twice in namespace "
                    + a.ns(), "rename or remove one", first);
        }
    }

    private void checkName(boolean microsoft, Location at, String name, String what) {
        if (!NAME.matcher(name).matches()) {
            issue(microsoft, Rule.ADMX_NAME, at, what + " id '" + name + "' is not a valid name",
                    "use only letters, digits and underscores: dots, spaces and hyphens break gpedit");
        }
    }

    // ---- references --------------------------------------------------------------------------

    private enum Kind { CATEGORY, DEFINITION, PRODUCT_OR_DEFINITION }

    private void checkReferences(Admx a) {
        PolicyDefinitions r = a.root();
        if (r.getSupportedOn() != null && r.getSupportedOn().getDefinitions() != null) {
            for (SupportedOnDefinition d : r.getSupportedOn().getDefinitions().getDefinition()) {
                for (SupportedOnCombination c : combinations(d)) {
                    for (JAXBElement<SupportedOnRange> term : c.getTerms()) {
                        SupportedOnRange range = term.getValue();
                        resolve(a, range.getRef(), loc(a.name(), range.sourceLocation()), Kind.PRODUCT_OR_DEFINITION,
                                "supportedOn definition " + d.getName());
                    }
                }
            }
        }
        if (r.getCategories() != null) {
            for (Category c : r.getCategories().getCategory()) {
                if (c.getParentCategory() != null) {
                    resolve(a, c.getParentCategory().getRef(), loc(a.name(), c.getParentCategory().sourceLocation()),
                            Kind.CATEGORY, "category " + c.getName());
                }
            }
        }
        if (r.getPolicies() != null) {
            for (Policy p : r.getPolicies().getPolicy()) {
                checkPolicy(a, p);
            }
        }
    }

    private static List<SupportedOnCombination> combinations(SupportedOnDefinition d) {
        List<SupportedOnCombination> l = new ArrayList<>(2);
        if (d.getOr() != null) {
            l.add(d.getOr());
        }
        if (d.getAnd() != null) {
            l.add(d.getAnd());
        }
        return l;
    }

    private void checkPolicy(Admx a, Policy p) {
        Location at = loc(a.name(), p.sourceLocation());
        if (blank(p.getKey()) || p.getClazz() == null || blank(p.getDisplayName())) {
            out.add(Rule.ADMX_STRUCTURE.error(at, "policy " + p.getName() + " needs class (Machine, User or Both),"
                    + " displayName and key", "add the missing attributes"));
        }
        if (p.getParentCategory() == null) {
            issue(a.microsoft(), Rule.ADMX_STRUCTURE, at, "policy " + p.getName() + " has no parentCategory",
                    "add <parentCategory ref=\"…\"/> so gpedit can show it");
        } else {
            resolve(a, p.getParentCategory().getRef(), loc(a.name(), p.getParentCategory().sourceLocation()),
                    Kind.CATEGORY, "policy " + p.getName());
        }
        if (p.getSupportedOn() != null) {
            resolve(a, p.getSupportedOn().getRef(), loc(a.name(), p.getSupportedOn().sourceLocation()),
                    Kind.DEFINITION, "policy " + p.getName());
        }
        Set<String> ids = new HashSet<>();
        for (Object e : elements(p)) {
            String id = elementId(e);
            Location eat = loc(a.name(), locator(e));
            if (blank(id)) {
                out.add(Rule.ADMX_STRUCTURE.error(eat, "element of policy " + p.getName() + " without an id", ""));
                continue;
            }
            checkName(a.microsoft(), eat, id, "element");
            if (!ids.add(id)) {
                issue(a.microsoft(), Rule.ADMX_DUPLICATE, eat, "policy " + p.getName() + " has two elements with id '"
                        + id + "'", "give each element its own id");
            }
        }
        if (!elements(p).isEmpty() && blank(p.getPresentation())) {
            issue(a.microsoft(), Rule.ADMX_PRESENTATION, at, "policy " + p.getName()
                    + " has elements but no presentation", "add presentation=\"$(presentation.ID)\" so its options can be set");
        }
    }

    private Optional<String> resolve(Admx a, String ref, Location at, Kind kind, String owner) {
        if (blank(ref)) {
            out.add(Rule.ADMX_STRUCTURE.error(at, owner + ": empty ref", "name prefix:name or name"));
            return Optional.empty();
        }
        int colon = ref.indexOf(':');
        String ns = a.ns();
        String name = ref;
        if (colon >= 0) {
            String prefix = ref.substring(0, colon);
            name = ref.substring(colon + 1);
            if (!prefix.equals(a.prefix())) {
                ns = a.using().get(prefix);
                if (ns == null) {
                    issue(a.microsoft(), Rule.ADMX_REFERENCE, at, owner + ": prefix '" + prefix + "' in '" + ref
                            + "' is not declared", "add <using prefix=\"" + prefix + "\" namespace=\"…\"/>");
                    return Optional.empty();
                }
            }
        }
        NameIndex idx = index.get(ns);
        if (idx == null) {
            return Optional.empty(); // namespace absent from the store: reported once by checkUsing
        }
        boolean found;
        String what;
        switch (kind) {
            case CATEGORY:
                found = idx.categories.containsKey(name);
                what = "category";
                break;
            case DEFINITION:
                found = idx.definitions.containsKey(name);
                what = "supportedOn definition";
                break;
            default:
                found = idx.products.containsKey(name) || idx.definitions.containsKey(name);
                what = "product or supportedOn definition";
        }
        if (!found) {
            Admx definer = byNamespace.get(ns);
            issue(a.microsoft(), Rule.ADMX_REFERENCE, at, owner + ": " + what + " '" + ref + "' is not defined in "
                    + ns + (definer == null || definer == a ? "" : " (" + definer.name() + ")"),
                    "check the spelling, or define it");
            return Optional.empty();
        }
        return Optional.of(ns);
    }

    // ---- ADML --------------------------------------------------------------------------------

    private static String admlKey(java.nio.file.Path root, String lang, String base) {
        return root + "|" + lang.toLowerCase(Locale.ROOT) + "|" + base;
    }

    private void readAdml() {
        Map<String, Boolean> microsoftByBase = new HashMap<>();
        for (Admx a : admx) {
            microsoftByBase.put(a.src().root() + "|" + a.src().baseName(), a.microsoft());
        }
        for (int i = 0; i < admlFiles.size(); i++) {
            ParsedFile<PolicyDefinitionResources> f = admlFiles.get(i);
            StoreFiles.Source src = files.adml().get(i);
            if (f.root().isEmpty()) {
                continue;
            }
            boolean microsoft = microsoftByBase.getOrDefault(src.root() + "|" + src.baseName(), false);
            PolicyDefinitionResources r = f.root().get();
            Map<String, LocalizedString> strings = new HashMap<>();
            Map<String, Presentation> presentations = new HashMap<>();
            if (r.getResources() == null) {
                out.add(Rule.ADMX_STRUCTURE.error(loc(f.name(), r.sourceLocation()), "ADML without <resources>", ""));
            } else {
                if (r.getResources().getStringTable() != null) {
                    for (LocalizedString s : r.getResources().getStringTable().getString()) {
                        addResource(microsoft, f.name(), strings, s.getId(), s, s.sourceLocation(), "string");
                    }
                }
                if (r.getResources().getPresentationTable() != null) {
                    for (Presentation p : r.getResources().getPresentationTable().getPresentation()) {
                        addResource(microsoft, f.name(), presentations, p.getId(), p, p.sourceLocation(), "presentation");
                    }
                }
            }
            adml.put(admlKey(src.root(), src.language(), src.baseName()), new Adml(src, f.name(), r, strings, presentations));
        }
    }

    private <T> void addResource(boolean microsoft, String file, Map<String, T> into, String id, T value, Locator l,
                                 String what) {
        Location at = loc(file, l);
        if (blank(id)) {
            out.add(Rule.ADMX_STRUCTURE.error(at, what + " without an id", "add id=\"…\""));
            return;
        }
        checkName(microsoft, at, id, what);
        if (into.putIfAbsent(id, value) != null) {
            issue(microsoft, Rule.ADMX_DUPLICATE, at, what + " id '" + id + "' is defined twice in this file",
                    "remove or rename one");
        }
    }

    private void checkLanguages(Admx a) {
        List<String> langs = files.languagesByRoot().getOrDefault(a.src().root(), List.of());
        if (langs.isEmpty()) {
            out.add(Rule.ADMX_ADML_MISSING.error(a.at(), "no language folder with ADML files next to " + a.name(),
                    "GPMC reports 'An appropriate resource file could not be found': put "
                            + "<lang>/" + fileBase(a) + ".adml (e.g. en-US) beside it"));
            return;
        }
        String fallback = a.root().getResources() != null && !blank(a.root().getResources().getFallbackCulture())
                ? a.root().getResources().getFallbackCulture() : "en-US";
        Adml fallbackAdml = adml.get(admlKey(a.src().root(), fallback, a.src().baseName()));
        List<Ref> refs = resourceRefs(a);
        for (String lang : langs) {
            Adml l = adml.get(admlKey(a.src().root(), lang, a.src().baseName()));
            if (l == null) {
                boolean readable = files.adml().stream().anyMatch(s -> s.root().equals(a.src().root())
                        && s.language().equalsIgnoreCase(lang) && s.baseName().equals(a.src().baseName()));
                if (readable) {
                    continue; // present but unreadable: already an error of its own
                }
                String msg = "no " + lang + "/" + fileBase(a) + ".adml for " + a.name();
                if (fallbackAdml != null) {
                    out.add(Rule.ADMX_ADML_MISSING.warning(a.at(), msg + "; GPMC in " + lang + " falls back to "
                            + fallback, "add the " + lang + " translation"));
                } else {
                    out.add(Rule.ADMX_ADML_MISSING.error(a.at(), msg + " and no " + fallback + " fallback",
                            "GPMC reports 'An appropriate resource file could not be found'; add the ADML file"));
                }
                continue;
            }
            checkRevision(a, l);
            checkResources(a, l, refs);
            checkPresentations(a, l);
        }
    }

    private static String fileBase(Admx a) {
        String n = a.src().file().getFileName().toString();
        return n.substring(0, n.length() - ".admx".length());
    }

    private void checkRevision(Admx a, Adml l) {
        String min = a.root().getResources() == null ? null : a.root().getResources().getMinRequiredRevision();
        String rev = l.root().getRevision();
        Optional<long[]> m = version(min);
        Optional<long[]> r = version(rev);
        Location at = loc(l.name(), l.root().sourceLocation());
        if (m.isEmpty()) {
            out.add(Rule.ADMX_STRUCTURE.error(a.at(), "resources minRequiredRevision '" + min + "' is not major.minor",
                    "write e.g. minRequiredRevision=\"1.0\""));
        } else if (r.isEmpty()) {
            out.add(Rule.ADMX_STRUCTURE.error(at, "revision '" + rev + "' is not major.minor", "write e.g. revision=\"1.0\""));
        } else if (compare(r.get(), m.get()) < 0) {
            issue(a.microsoft(), Rule.ADMX_REVISION, at, "ADML revision " + rev + " is below " + a.name()
                    + "'s minRequiredRevision " + min, "GPMC ignores this ADML: update it to the ADMX's revision");
        }
    }

    private record Ref(String id, boolean presentation, Location at, String owner) {
    }

    private List<Ref> resourceRefs(Admx a) {
        List<Ref> refs = new ArrayList<>();
        PolicyDefinitions r = a.root();
        if (r.getSupportedOn() != null) {
            if (r.getSupportedOn().getProductDefinitions() != null) {
                for (Product p : r.getSupportedOn().getProductDefinitions().getProduct()) {
                    stringRef(a, refs, p.getDisplayName(), p.sourceLocation(), "product " + p.getName(), true);
                    for (MajorVersion m : p.getMajorVersion()) {
                        stringRef(a, refs, m.getDisplayName(), m.sourceLocation(), "product version " + m.getName(), true);
                        for (MinorVersion n : m.getMinorVersion()) {
                            stringRef(a, refs, n.getDisplayName(), n.sourceLocation(), "product version " + n.getName(), true);
                        }
                    }
                }
            }
            if (r.getSupportedOn().getDefinitions() != null) {
                for (SupportedOnDefinition d : r.getSupportedOn().getDefinitions().getDefinition()) {
                    stringRef(a, refs, d.getDisplayName(), d.sourceLocation(), "supportedOn " + d.getName(), true);
                }
            }
        }
        if (r.getCategories() != null) {
            for (Category c : r.getCategories().getCategory()) {
                stringRef(a, refs, c.getDisplayName(), c.sourceLocation(), "category " + c.getName(), true);
                stringRef(a, refs, c.getExplainText(), c.sourceLocation(), "category " + c.getName(), false);
            }
        }
        if (r.getPolicies() != null) {
            for (Policy p : r.getPolicies().getPolicy()) {
                stringRef(a, refs, p.getDisplayName(), p.sourceLocation(), "policy " + p.getName(), true);
                stringRef(a, refs, p.getExplainText(), p.sourceLocation(), "policy " + p.getName(), false);
                if (!blank(p.getPresentation())) {
                    Matcher m = PRESENTATION_REF.matcher(p.getPresentation());
                    if (m.matches()) {
                        refs.add(new Ref(m.group(1), true, loc(a.name(), p.sourceLocation()), "policy " + p.getName()));
                    } else {
                        issue(a.microsoft(), Rule.ADMX_RESOURCE, loc(a.name(), p.sourceLocation()), "policy " + p.getName()
                                + ": presentation '" + p.getPresentation() + "' is not a $(presentation.ID) reference",
                                "write presentation=\"$(presentation.ID)\"");
                    }
                }
                for (Object e : elements(p)) {
                    if (e instanceof EnumElement en) {
                        for (EnumItem item : en.getItem()) {
                            stringRef(a, refs, item.getDisplayName(), item.sourceLocation(), "enum item of "
                                    + p.getName() + "/" + en.getId(), true);
                        }
                    }
                }
            }
        }
        return refs;
    }

    private void stringRef(Admx a, List<Ref> refs, String value, Locator l, String owner, boolean required) {
        if (blank(value)) {
            if (required) {
                out.add(Rule.ADMX_STRUCTURE.error(loc(a.name(), l), owner + " has no displayName",
                        "add displayName=\"$(string.ID)\""));
            }
            return;
        }
        Matcher m = STRING_REF.matcher(value);
        if (m.matches()) {
            refs.add(new Ref(m.group(1), false, loc(a.name(), l), owner));
        } else {
            issue(a.microsoft(), Rule.ADMX_RESOURCE, loc(a.name(), l), owner + ": '" + value
                    + "' is not a $(string.ID) reference", "move the text into the ADML string table");
        }
    }

    private void checkResources(Admx a, Adml l, List<Ref> refs) {
        for (Ref r : refs) {
            boolean present = r.presentation() ? l.presentations().containsKey(r.id()) : l.strings().containsKey(r.id());
            if (!present) {
                issue(a.microsoft(), Rule.ADMX_RESOURCE, r.at(), r.owner() + ": resource '$(" + (r.presentation()
                        ? "presentation." : "string.") + r.id() + ")' could not be found in " + l.name(),
                        "add it to the ADML's " + (r.presentation() ? "presentationTable" : "stringTable"));
            }
        }
    }

    private void checkPresentations(Admx a, Adml l) {
        if (a.root().getPolicies() == null) {
            return;
        }
        for (Policy p : a.root().getPolicies().getPolicy()) {
            if (blank(p.getPresentation())) {
                continue;
            }
            Matcher m = PRESENTATION_REF.matcher(p.getPresentation());
            Presentation pres = m.matches() ? l.presentations().get(m.group(1)) : null;
            if (pres == null) {
                continue; // reported by checkResources
            }
            Map<String, ElementKind> kinds = new LinkedHashMap<>();
            for (Object e : elements(p)) {
                kinds.putIfAbsent(String.valueOf(elementId(e)), ElementKind.of(e));
            }
            Set<String> shown = new HashSet<>();
            for (Object c : pres.getControls()) {
                String control = controlName(c);
                String refId = controlRefId(c);
                if (refId == null) {
                    continue; // plain <text>
                }
                Location cat = loc(l.name(), locator(c));
                ElementKind kind = kinds.get(refId);
                if (kind == null) {
                    issue(a.microsoft(), Rule.ADMX_PRESENTATION, cat, control + " refId '" + refId
                            + "' is not an element of policy " + p.getName() + " (" + a.name() + ")",
                            "use one of: " + String.join(", ", kinds.keySet()));
                } else if (!kind.shownBy(control)) {
                    issue(a.microsoft(), Rule.ADMX_PRESENTATION, cat, control + " cannot show element '" + refId
                            + "' of policy " + p.getName() + ", which is a " + kind.xmlName(),
                            "use " + kind.control() + " for a " + kind.xmlName() + " element");
                } else {
                    shown.add(refId);
                }
            }
            for (String id : kinds.keySet()) {
                if (!shown.contains(id)) {
                    Location pat = loc(l.name(), pres.sourceLocation());
                    out.add(Rule.ADMX_PRESENTATION.warning(pat, "presentation " + pres.getId() + " has no control for"
                            + " element '" + id + "' of policy " + p.getName() + (a.microsoft() ? MICROSOFT_NOTE : ""),
                            "gpedit cannot set it; add a " + kinds.get(id).control()));
                }
            }
        }
    }

    private void checkOrphans() {
        Set<String> admxKeys = new HashSet<>();
        for (StoreFiles.Source s : files.admx()) {
            admxKeys.add(s.root() + "|" + s.baseName());
        }
        for (Adml l : adml.values()) {
            if (!admxKeys.contains(l.src().root() + "|" + l.src().baseName())) {
                out.add(Rule.ADMX_ORPHAN.warning(loc(l.name(), l.root().sourceLocation()), "no ADMX file "
                        + l.src().baseName() + ".admx for this ADML in " + AdmxLinter.display(l.src().root()),
                        "remove the ADML or add its ADMX"));
            }
        }
    }

    // ---- element helpers ---------------------------------------------------------------------

    private static List<Object> elements(Policy p) {
        return p.getElements() == null ? List.of() : p.getElements().getItems();
    }

    private static String elementId(Object e) {
        if (e instanceof BooleanElement x) {
            return x.getId();
        } else if (e instanceof DecimalElement x) {
            return x.getId();
        } else if (e instanceof LongDecimalElement x) {
            return x.getId();
        } else if (e instanceof TextElement x) {
            return x.getId();
        } else if (e instanceof MultiTextElement x) {
            return x.getId();
        } else if (e instanceof EnumElement x) {
            return x.getId();
        } else if (e instanceof ListElement x) {
            return x.getId();
        }
        return null;
    }


    private static Locator locator(Object o) {
        if (o instanceof org.glassfish.jaxb.core.Locatable x) {
            return x.sourceLocation();
        }
        return null;
    }

    private static String controlName(Object c) {
        if (c instanceof CheckBox) {
            return "checkBox";
        } else if (c instanceof DecimalTextBox) {
            return "decimalTextBox";
        } else if (c instanceof LongDecimalTextBox) {
            return "longDecimalTextBox";
        } else if (c instanceof TextBox) {
            return "textBox";
        } else if (c instanceof MultiTextBox) {
            return "multiTextBox";
        } else if (c instanceof ComboBox) {
            return "comboBox";
        } else if (c instanceof DropdownList) {
            return "dropdownList";
        } else if (c instanceof ListBox) {
            return "listBox";
        }
        return "text";
    }

    private static String controlRefId(Object c) {
        if (c instanceof CheckBox x) {
            return x.getRefId();
        } else if (c instanceof DecimalTextBox x) {
            return x.getRefId();
        } else if (c instanceof LongDecimalTextBox x) {
            return x.getRefId();
        } else if (c instanceof TextBox x) {
            return x.getRefId();
        } else if (c instanceof MultiTextBox x) {
            return x.getRefId();
        } else if (c instanceof ComboBox x) {
            return x.getRefId();
        } else if (c instanceof DropdownList x) {
            return x.getRefId();
        } else if (c instanceof ListBox x) {
            return x.getRefId();
        }
        return null;
    }

    // ---- small helpers -----------------------------------------------------------------------

    private void issue(boolean microsoft, Rule rule, Location at, String message, String hint, Location... related) {
        Diagnostic d = microsoft ? rule.warning(at, message + MICROSOFT_NOTE, hint) : rule.error(at, message, hint);
        out.add(related.length == 0 ? d : d.withRelated(related));
    }

    static Location loc(String file, Locator l) {
        return AdmxReader.at(file, l);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Optional<long[]> version(String v) {
        if (v == null || !v.strip().matches("[0-9]{1,9}\\.[0-9]{1,9}")) {
            return Optional.empty();
        }
        String[] p = v.strip().split("\\.");
        return Optional.of(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
    }

    private static int compare(long[] a, long[] b) {
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }
}
