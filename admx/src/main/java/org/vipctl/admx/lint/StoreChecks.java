package org.vipctl.admx.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.ElementKind;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;

/**
 * The store-wide checks of {@code admx lint}. Problems inside Microsoft's own templates (see
 * {@link #isMicrosoft}) that Windows or Office ship and GPMC loads anyway are reported as warnings
 * with that reason; the same problem in any other template is an error. A duplicate target
 * namespace and unreadable files are errors whoever wrote them: GPMC refuses those.
 */
final class StoreChecks {

    private static final String STRING_REF = "$(string.";
    private static final String PRESENTATION_REF = "$(presentation.";
    private static final String MICROSOFT_NOTE = " (in Microsoft's own template, which Microsoft ships and GPMC"
            + " loads this way: reported as a warning)";
    private static final int NAMES_IN_A_NOTE = 8;

    /** One ADMX file as read, with the store folder it belongs to. */
    record AdmxInput(StoreFiles.Source src, String name, Optional<AdmxDoc> doc) {
    }

    /** One ADML file as read. */
    record AdmlInput(StoreFiles.Source src, String name, Optional<AdmlDoc> doc) {
    }

    private final StoreFiles files;
    private final List<AdmxInput> admxFiles;
    private final List<AdmlInput> admlFiles;
    private final boolean strictNamespaces;
    private final Diagnostics out;

    private final List<Admx> admx = new ArrayList<>();
    private final Map<String, Admx> byNamespace = new HashMap<>();
    private final Map<String, NameIndex> index = new HashMap<>();
    private final Map<String, Adml> adml = new LinkedHashMap<>();
    /** Per language folder: the templates without an ADML there that fall back to another language. */
    private final Map<LanguageFolder, List<String>> fallingBack = new TreeMap<>();

    private record LanguageFolder(String folder, String language, String fallback) implements Comparable<LanguageFolder> {
        @Override
        public int compareTo(LanguageFolder o) {
            return (folder + "\0" + fallback).compareTo(o.folder + "\0" + o.fallback);
        }
    }

    StoreChecks(StoreFiles files, List<AdmxInput> admxFiles, List<AdmlInput> admlFiles, boolean strictNamespaces,
                Diagnostics out) {
        this.files = files;
        this.admxFiles = admxFiles;
        this.admlFiles = admlFiles;
        this.strictNamespaces = strictNamespaces;
        this.out = out;
    }

    /** One readable ADMX with its namespace bindings. */
    private record Admx(StoreFiles.Source src, String name, AdmxDoc doc, String ns, String prefix,
                        Map<String, String> using, boolean microsoft, Location at) {
    }

    /** One readable ADML with its tables. */
    private record Adml(StoreFiles.Source src, String name, AdmlDoc doc, Set<String> strings,
                        Map<String, AdmlDoc.Presentation> presentations) {
    }

    /** The names one namespace defines, by kind, each also found by its lower-case form. */
    private static final class NameIndex {
        final Names categories = new Names();
        final Names policies = new Names();
        final Names definitions = new Names();
        final Names products = new Names();
    }

    private static final class Names {
        final Map<String, Location> exact = new HashMap<>();
        final Map<String, String> folded = new HashMap<>();

        Location define(String name, Location at) {
            folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            return exact.putIfAbsent(name, at);
        }

        Optional<String> caseOnly(String name) {
            return Optional.ofNullable(folded.get(name.toLowerCase(Locale.ROOT)));
        }
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
            unexpected(a.microsoft(), a.doc().unexpected());
            checkUsing(a);
            checkReferences(a);
            checkLanguages(a);
        }
        languageNotes();
        checkOrphans();
    }

    // ---- namespaces ------------------------------------------------------------------------

    private void readNamespaces() {
        for (AdmxInput f : admxFiles) {
            if (f.doc().isEmpty()) {
                continue;
            }
            AdmxDoc doc = f.doc().get();
            Optional<AdmxDoc.Binding> target = doc.target();
            if (target.isEmpty() || blank(target.get().namespace()) || blank(target.get().prefix())) {
                out.add(Rule.ADMX_STRUCTURE.error(doc.at(), "no <policyNamespaces><target prefix=… namespace=…/>",
                        "every ADMX declares its own target namespace and prefix"));
                continue;
            }
            Map<String, String> using = new LinkedHashMap<>();
            boolean microsoft = isMicrosoft(target.get().namespace());
            for (AdmxDoc.Binding u : doc.using()) {
                if (blank(u.prefix()) || blank(u.namespace())) {
                    out.add(Rule.ADMX_STRUCTURE.error(u.at(), "<using> needs prefix and namespace", ""));
                } else if (using.containsKey(u.prefix()) || u.prefix().equals(target.get().prefix())) {
                    issue(microsoft, Rule.ADMX_DUPLICATE, u.at(), "prefix '" + u.prefix() + "' is bound twice",
                            "use one prefix per namespace");
                } else {
                    using.put(u.prefix(), u.namespace());
                }
            }
            Admx a = new Admx(f.src(), f.name(), doc, target.get().namespace(), target.get().prefix(), using, microsoft,
                    target.get().at());
            admx.add(a);
            Admx first = byNamespace.putIfAbsent(a.ns(), a);
            if (first != null && sameFileOnWindows(first.src(), a.src())) {
                out.add(Rule.ADMX_NAMESPACE.warning(a.at(), "target namespace '" + a.ns() + "' is already defined by "
                        + first.name() + ", whose file name differs only in letter case: on Windows they are one file,"
                        + " and copied into a Windows store one replaces the other", "keep one of the two files")
                        .withRelated(first.at()));
            } else if (first != null) {
                out.add(Rule.ADMX_NAMESPACE.error(a.at(), "target namespace '" + a.ns() + "' is already defined by "
                        + first.name(), "GPMC refuses a store where two files share a target namespace (it ignores"
                        + " the second, MS-GPREG 3.1.5.2); remove one copy or give your template its own namespace")
                        .withRelated(first.at()));
            }
        }
    }

    private static boolean sameFileOnWindows(StoreFiles.Source x, StoreFiles.Source y) {
        return x.root().equals(y.root()) && x.file().getFileName().toString()
                .equalsIgnoreCase(y.file().getFileName().toString());
    }

    private void checkUsing(Admx a) {
        for (AdmxDoc.Binding u : a.doc().using()) {
            if (blank(u.namespace()) || byNamespace.containsKey(u.namespace())) {
                continue;
            }
            String msg = "namespace '" + u.namespace() + "' (prefix '" + u.prefix()
                    + "') is not defined by any ADMX file in this store";
            String hint = "copy the ADMX that defines it (with its ADML files) into the store; references"
                    + " through '" + u.prefix() + ":' were not checked";
            out.add(strictNamespaces ? Rule.ADMX_USING.error(u.at(), msg, hint) : Rule.ADMX_USING.warning(u.at(), msg, hint));
        }
    }

    private void unexpected(boolean microsoft, List<AdmxDoc.Unexpected> found) {
        for (AdmxDoc.Unexpected u : found) {
            issue(microsoft, Rule.ADMX_STRUCTURE, u.at(), "<" + u.element() + "> is not an element the format allows"
                    + " in <" + u.parent() + ">; it is skipped", "GPMC refuses a file with content its schema does not"
                    + " define: remove it or check its spelling against schemas/admx");
        }
    }

    // ---- names -------------------------------------------------------------------------------

    private void indexNames(Admx a) {
        NameIndex idx = index.computeIfAbsent(a.ns(), k -> new NameIndex());
        for (AdmxDoc.Named p : a.doc().products()) {
            define(a, idx.products, p.name(), p.at(), p.what());
        }
        for (AdmxDoc.Definition d : a.doc().definitions()) {
            define(a, idx.definitions, d.name(), d.at(), "supportedOn definition");
        }
        for (AdmxDoc.Category c : a.doc().categories()) {
            define(a, idx.categories, c.name(), c.at(), "category");
        }
        for (AdmxDoc.Policy p : a.doc().policies()) {
            define(a, idx.policies, p.name(), p.at(), "policy");
        }
    }

    private void define(Admx a, Names names, String name, Location at, String what) {
        if (blank(name)) {
            out.add(Rule.ADMX_STRUCTURE.error(at, what + " without a name", "add name=\"…\""));
            return;
        }
        checkName(a.microsoft(), at, name, what);
        Location first = names.define(name, at);
        if (first != null) {
            issue(a.microsoft(), Rule.ADMX_DUPLICATE, at, what + " '" + name + "' is defined twice in namespace "
                    + a.ns(), "rename or remove one", first);
        }
    }

    /**
     * Microsoft's own templates, by target namespace: Windows' ({@code Microsoft.*}), Office's
     * ({@code outlk16.Office.Microsoft.Policies.Windows} and the like), and the ones FullArmor converted
     * for Windows ({@code FullArmor.Policies.<GUID>}: AdmPwd, Search, EarlyLaunchAM).
     */
    static boolean isMicrosoft(String namespace) {
        return namespace.startsWith("Microsoft.") || namespace.contains(".Microsoft.Policies.")
                || namespace.startsWith("FullArmor.Policies.");
    }

    /** Microsoft's itemName: letters, digits, underscore (same as {@link AdmxXml#NAME}, without a regex: it runs per id). */
    private static boolean isName(String s, boolean hyphens) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || (hyphens && c == '-'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The id of a {@code $(string.ID)} or {@code $(presentation.ID)} reference. */
    private static Optional<String> refId(String value, String prefix) {
        return value.startsWith(prefix) && value.endsWith(")") && value.indexOf(')') == value.length() - 1
                ? Optional.of(value.substring(prefix.length(), value.length() - 1)) : Optional.empty();
    }

    private void checkName(boolean microsoft, Location at, String name, String what) {
        if (isName(name, false)) {
            return;
        }
        if (isName(name, true)) {
            out.add(Rule.ADMX_NAME.warning(at, what + " id '" + name + "' has a hyphen, which Microsoft's schema does"
                    + " not allow in ids (letters, digits, underscore)", "GPMC loads such ids (Windows' EarlyLaunchAM"
                    + " and Mozilla's templates have them); in your own templates use underscores"));
            return;
        }
        issue(microsoft, Rule.ADMX_NAME, at, what + " id '" + name + "' is not a valid name",
                "use only letters, digits and underscores (Microsoft's schema: itemName)");
    }

    // ---- references --------------------------------------------------------------------------

    private enum Kind { CATEGORY, DEFINITION, PRODUCT_OR_DEFINITION }

    private void checkReferences(Admx a) {
        for (AdmxDoc.Definition d : a.doc().definitions()) {
            for (AdmxDoc.Ref r : d.refs()) {
                resolve(a, r, Kind.PRODUCT_OR_DEFINITION, "supportedOn definition " + d.name());
            }
        }
        for (AdmxDoc.Category c : a.doc().categories()) {
            c.parent().ifPresent(p -> resolve(a, p, Kind.CATEGORY, "category " + c.name()));
        }
        for (AdmxDoc.Policy p : a.doc().policies()) {
            checkPolicy(a, p);
        }
    }

    private void checkPolicy(Admx a, AdmxDoc.Policy p) {
        if (blank(p.key()) || blank(p.policyClass()) || blank(p.displayName())) {
            out.add(Rule.ADMX_STRUCTURE.error(p.at(), "policy " + p.name() + " needs class (Machine, User or Both),"
                    + " displayName and key", "add the missing attributes"));
        } else if (!List.of("Machine", "User", "Both").contains(p.policyClass())) {
            issue(a.microsoft(), Rule.ADMX_STRUCTURE, p.at(), "policy " + p.name() + " has class '" + p.policyClass()
                    + "'", "use Machine, User or Both");
        }
        if (p.parent().isEmpty()) {
            issue(a.microsoft(), Rule.ADMX_STRUCTURE, p.at(), "policy " + p.name() + " has no parentCategory",
                    "add <parentCategory ref=\"…\"/> so gpedit can show it");
        } else {
            resolve(a, p.parent().get(), Kind.CATEGORY, "policy " + p.name());
        }
        p.supportedOn().ifPresent(s -> resolve(a, s, Kind.DEFINITION, "policy " + p.name()));
        Set<String> ids = new HashSet<>();
        for (AdmxDoc.Element e : p.elements()) {
            if (blank(e.id())) {
                out.add(Rule.ADMX_STRUCTURE.error(e.at(), "element of policy " + p.name() + " without an id", ""));
                continue;
            }
            checkName(a.microsoft(), e.at(), e.id(), "element");
            if (!ids.add(e.id())) {
                issue(a.microsoft(), Rule.ADMX_DUPLICATE, e.at(), "policy " + p.name() + " has two elements with id '"
                        + e.id() + "'", "give each element its own id");
            }
        }
        if (!p.elements().isEmpty() && blank(p.presentation())) {
            issue(a.microsoft(), Rule.ADMX_PRESENTATION, p.at(), "policy " + p.name()
                    + " has elements but no presentation", "add presentation=\"$(presentation.ID)\" so its options can be set");
        }
    }

    private void resolve(Admx a, AdmxDoc.Ref r, Kind kind, String owner) {
        String ref = r.ref();
        if (blank(ref)) {
            out.add(Rule.ADMX_STRUCTURE.error(r.at(), owner + ": empty ref", "name prefix:name or name"));
            return;
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
                    issue(a.microsoft(), Rule.ADMX_REFERENCE, r.at(), owner + ": prefix '" + prefix + "' in '" + ref
                            + "' is not declared", "add <using prefix=\"" + prefix + "\" namespace=\"…\"/>");
                    return;
                }
            }
        }
        NameIndex idx = index.get(ns);
        if (idx == null) {
            return; // namespace absent from the store: reported once by checkUsing
        }
        List<Names> where = switch (kind) {
            case CATEGORY -> List.of(idx.categories);
            case DEFINITION -> List.of(idx.definitions);
            default -> List.of(idx.products, idx.definitions);
        };
        String what = switch (kind) {
            case CATEGORY -> "category";
            case DEFINITION -> "supportedOn definition";
            default -> "product or supportedOn definition";
        };
        for (Names n : where) {
            if (n.exact.containsKey(name)) {
                return;
            }
        }
        Admx definer = byNamespace.get(ns);
        String in = ns + (definer == null || definer == a ? "" : " (" + definer.name() + ")");
        for (Names n : where) {
            Optional<String> other = n.caseOnly(name);
            if (other.isPresent()) {
                // Windows' handling of such a reference is not documented; its own templates have them
                out.add(Rule.ADMX_REFERENCE.warning(r.at(), owner + ": " + what + " '" + ref + "' differs only in"
                        + " letter case from '" + other.get() + "' in " + in, "write '" + other.get() + "': whether"
                        + " Group Policy tools match names ignoring case is not documented"));
                return;
            }
        }
        issue(a.microsoft(), Rule.ADMX_REFERENCE, r.at(), owner + ": " + what + " '" + ref + "' is not defined in "
                + in, "check the spelling, or define it");
    }

    // ---- ADML --------------------------------------------------------------------------------

    private static String admlKey(Path root, String lang, String base) {
        return root + "|" + lang.toLowerCase(Locale.ROOT) + "|" + base;
    }

    private void readAdml() {
        Map<String, Boolean> microsoftByBase = new HashMap<>();
        for (Admx a : admx) {
            microsoftByBase.put(a.src().root() + "|" + a.src().baseName(), a.microsoft());
        }
        for (AdmlInput f : admlFiles) {
            if (f.doc().isEmpty()) {
                continue;
            }
            StoreFiles.Source src = f.src();
            boolean microsoft = microsoftByBase.getOrDefault(src.root() + "|" + src.baseName(), false);
            AdmlDoc d = f.doc().get();
            unexpected(microsoft, d.unexpected());
            Set<String> strings = new HashSet<>();
            Map<String, AdmlDoc.Presentation> presentations = new HashMap<>();
            if (!d.hasResources()) {
                out.add(Rule.ADMX_STRUCTURE.error(d.at(), "ADML without <resources>", ""));
            }
            Map<String, Location> seen = new HashMap<>();
            for (AdmlDoc.Id s : d.strings()) {
                if (addResource(microsoft, seen, s.id(), s.at(), "string")) {
                    strings.add(s.id());
                }
            }
            seen.clear();
            for (AdmlDoc.Presentation p : d.presentations()) {
                if (addResource(microsoft, seen, p.id(), p.at(), "presentation")) {
                    presentations.put(p.id(), p);
                }
            }
            adml.put(admlKey(src.root(), src.language(), src.baseName()), new Adml(src, f.name(), d, strings, presentations));
        }
    }

    private boolean addResource(boolean microsoft, Map<String, Location> seen, String id, Location at, String what) {
        if (blank(id)) {
            out.add(Rule.ADMX_STRUCTURE.error(at, what + " without an id", "add id=\"…\""));
            return false;
        }
        checkName(microsoft, at, id, what);
        if (seen.putIfAbsent(id, at) != null) {
            issue(microsoft, Rule.ADMX_DUPLICATE, at, what + " id '" + id + "' is defined twice in this file",
                    "remove or rename one");
            return false;
        }
        return true;
    }

    private void checkLanguages(Admx a) {
        List<String> langs = files.languagesByRoot().getOrDefault(a.src().root(), List.of());
        if (langs.isEmpty()) {
            out.add(Rule.ADMX_ADML_MISSING.error(a.at(), "no language folder with ADML files next to " + a.name(),
                    "GPMC reports 'An appropriate resource file could not be found': put "
                            + "<lang>/" + fileBase(a) + ".adml (e.g. en-US) beside it"));
            return;
        }
        String fallback = a.doc().resources().map(AdmxDoc.Resources::fallbackCulture).filter(s -> !blank(s))
                .orElse("en-US");
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
                if (fallbackAdml != null) {
                    fallingBack.computeIfAbsent(new LanguageFolder(AdmxLinter.display(a.src().root().resolve(lang)), lang,
                            fallback), k -> new ArrayList<>()).add(fileBase(a));
                } else {
                    issue(a.microsoft(), Rule.ADMX_ADML_MISSING, a.at(), "no " + lang + "/" + fileBase(a) + ".adml for "
                            + a.name() + " and no " + fallback + " fallback",
                            "GPMC reports 'An appropriate resource file could not be found'; add the ADML file");
                }
                continue;
            }
            checkRevision(a, l);
            checkResources(a, l, refs);
            checkPresentations(a, l);
        }
    }

    /** One note per language folder: templates without a translation there are normal (GPMC falls back). */
    private void languageNotes() {
        for (Map.Entry<LanguageFolder, List<String>> e : fallingBack.entrySet()) {
            LanguageFolder k = e.getKey();
            List<String> names = e.getValue();
            String listed = String.join(", ", names.subList(0, Math.min(NAMES_IN_A_NOTE, names.size())))
                    + (names.size() > NAMES_IN_A_NOTE ? " and " + (names.size() - NAMES_IN_A_NOTE) + " more" : "");
            out.add(new Diagnostic(Severity.NOTE, Rule.ADMX_ADML_MISSING.id(), names.size() + " template"
                    + (names.size() == 1 ? " has" : "s have") + " no " + k.language() + " ADML (" + listed
                    + "); GPMC in " + k.language() + " shows them in " + k.fallback(),
                    "nothing to fix unless you want them translated", Location.ofFile(k.folder()), List.of()));
        }
    }

    private static String fileBase(Admx a) {
        String n = a.src().file().getFileName().toString();
        return n.substring(0, n.length() - ".admx".length());
    }

    private void checkRevision(Admx a, Adml l) {
        String min = a.doc().resources().map(AdmxDoc.Resources::minRequiredRevision).orElse("");
        String rev = l.doc().revision();
        Optional<long[]> m = version(min);
        Optional<long[]> r = version(rev);
        Location at = l.doc().at();
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
        AdmxDoc d = a.doc();
        for (AdmxDoc.Named p : d.products()) {
            stringRef(a, refs, p.displayName(), p.at(), p.what() + " " + p.name(), true);
        }
        for (AdmxDoc.Definition x : d.definitions()) {
            stringRef(a, refs, x.displayName(), x.at(), "supportedOn " + x.name(), true);
        }
        for (AdmxDoc.Category c : d.categories()) {
            stringRef(a, refs, c.displayName(), c.at(), "category " + c.name(), true);
            stringRef(a, refs, c.explainText(), c.at(), "category " + c.name(), false);
        }
        for (AdmxDoc.Policy p : d.policies()) {
            stringRef(a, refs, p.displayName(), p.at(), "policy " + p.name(), true);
            stringRef(a, refs, p.explainText(), p.at(), "policy " + p.name(), false);
            if (!blank(p.presentation())) {
                Optional<String> id = refId(p.presentation(), PRESENTATION_REF);
                if (id.isPresent()) {
                    refs.add(new Ref(id.get(), true, p.at(), "policy " + p.name()));
                } else {
                    issue(a.microsoft(), Rule.ADMX_RESOURCE, p.at(), "policy " + p.name() + ": presentation '"
                            + p.presentation() + "' is not a $(presentation.ID) reference",
                            "write presentation=\"$(presentation.ID)\"");
                }
            }
            for (AdmxDoc.Element e : p.elements()) {
                for (AdmxDoc.EnumItem item : e.items()) {
                    stringRef(a, refs, item.displayName(), item.at(), "enum item of " + p.name() + "/" + e.id(), true);
                }
            }
        }
        return refs;
    }

    private void stringRef(Admx a, List<Ref> refs, String value, Location at, String owner, boolean required) {
        if (blank(value)) {
            if (required) {
                out.add(Rule.ADMX_STRUCTURE.error(at, owner + " has no displayName", "add displayName=\"$(string.ID)\""));
            }
            return;
        }
        Optional<String> id = refId(value, STRING_REF);
        if (id.isPresent()) {
            refs.add(new Ref(id.get(), false, at, owner));
        } else {
            issue(a.microsoft(), Rule.ADMX_RESOURCE, at, owner + ": '" + value
                    + "' is not a $(string.ID) reference", "move the text into the ADML string table");
        }
    }

    private void checkResources(Admx a, Adml l, List<Ref> refs) {
        for (Ref r : refs) {
            boolean present = r.presentation() ? l.presentations().containsKey(r.id()) : l.strings().contains(r.id());
            if (!present) {
                issue(a.microsoft(), Rule.ADMX_RESOURCE, r.at(), r.owner() + ": resource '$(" + (r.presentation()
                        ? "presentation." : "string.") + r.id() + ")' could not be found in " + l.name(),
                        "add it to the ADML's " + (r.presentation() ? "presentationTable" : "stringTable"));
            }
        }
    }

    private void checkPresentations(Admx a, Adml l) {
        for (AdmxDoc.Policy p : a.doc().policies()) {
            if (blank(p.presentation())) {
                continue;
            }
            Optional<AdmlDoc.Presentation> found = refId(p.presentation(), PRESENTATION_REF).map(l.presentations()::get);
            if (found.isEmpty()) {
                continue; // reported by checkResources
            }
            AdmlDoc.Presentation pres = found.get();
            Map<String, ElementKind> kinds = new LinkedHashMap<>();
            for (AdmxDoc.Element e : p.elements()) {
                kinds.putIfAbsent(e.id(), e.kind());
            }
            Set<String> shown = new HashSet<>();
            for (AdmlDoc.Control c : pres.controls()) {
                if (c.name().equals("text")) {
                    continue;
                }
                ElementKind kind = kinds.get(c.refId());
                if (kind == null) {
                    issue(a.microsoft(), Rule.ADMX_PRESENTATION, c.at(), c.name() + " refId '" + c.refId()
                            + "' is not an element of policy " + p.name() + " (" + a.name() + ")",
                            "use one of: " + String.join(", ", kinds.keySet()));
                } else if (!kind.shownBy(c.name())) {
                    issue(a.microsoft(), Rule.ADMX_PRESENTATION, c.at(), c.name() + " cannot show element '" + c.refId()
                            + "' of policy " + p.name() + ", which is a " + kind.xmlName(),
                            "use " + kind.control() + " for a " + kind.xmlName() + " element");
                } else {
                    shown.add(c.refId());
                }
            }
            for (String id : kinds.keySet()) {
                if (!shown.contains(id)) {
                    out.add(Rule.ADMX_PRESENTATION.warning(pres.at(), "presentation " + pres.id() + " has no control for"
                            + " element '" + id + "' of policy " + p.name() + (a.microsoft() ? MICROSOFT_NOTE : ""),
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
                out.add(Rule.ADMX_ORPHAN.warning(l.doc().at(), "no ADMX file "
                        + l.src().baseName() + ".admx for this ADML in " + AdmxLinter.display(l.src().root()),
                        "remove the ADML or add its ADMX"));
            }
        }
    }

    // ---- small helpers -----------------------------------------------------------------------

    private void issue(boolean microsoft, Rule rule, Location at, String message, String hint, Location... related) {
        Diagnostic d = microsoft ? rule.warning(at, message + MICROSOFT_NOTE, hint) : rule.error(at, message, hint);
        out.add(related.length == 0 ? d : d.withRelated(related));
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
