package org.vipctl.emit.admx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vipctl.admx.ElementKind;
import org.vipctl.diagnostic.Rule;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * {@code --emit intune}: the OMA-URI rows of an Intune custom profile that ingests vipctl's ADMX
 * templates and sets their policies to what the compiled policies say: one ADMXInstall row per
 * template (the ADMX text) and one row per configured policy with its
 * {@code <enabled/><data id=… value=…/>} or {@code <disabled/>} payload. Written as
 * {@code intune/oma-uri.json} and {@code intune/oma-uri.csv}. Intune refuses ADMX files that write
 * under System, Software\Microsoft or Software\Policies\Microsoft, so policies with such keys are
 * left out of the ingested template, each with a warning.
 */
public final class IntuneEmitter implements Emitter {

    /** Intune separates multiText items with U+F000 in a data value. */
    static final char MULTI_TEXT_SEPARATOR = '\uF000';
    private static final List<String> REFUSED = List.of("system", "software\\microsoft", "software\\policies\\microsoft");

    @Override
    public String name() {
        return "intune";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        // --emit admx,intune reads the same catalog data twice: report each catalog problem once
        org.vipctl.diagnostic.Diagnostics own = new org.vipctl.diagnostic.Diagnostics();
        List<Template> templates = new TemplateReader().read(context.compilation().catalog(), own);
        List<org.vipctl.diagnostic.Diagnostic> seen = context.diagnostics().sorted();
        own.sorted().stream().filter(d -> !seen.contains(d)).forEach(context.diagnostics()::add);
        RegistryState state = context.compilation().registry(Scope.POLICY);
        AdmxWriter writer = new AdmxWriter();
        List<OmaUriRow> rows = new ArrayList<>();
        for (Template t : templates) {
            List<Template.PolicyDef> accepted = new ArrayList<>();
            for (Template.PolicyDef p : t.policies()) {
                Optional<String> refused = refusedKey(p);
                if (refused.isPresent()) {
                    context.diagnostics().add(Rule.INTUNE_KEY.warning(p.at(), "policy " + p.name() + " is left out of the"
                            + " Intune template: it writes under " + refused.get() + ", and Intune ADMX ingestion refuses"
                            + " keys under System, Software\\Microsoft and Software\\Policies\\Microsoft",
                            "deploy it with Group Policy (--emit admx, gpo), a .reg file or vipctl apply"));
                } else {
                    accepted.add(p);
                }
            }
            if (accepted.isEmpty()) {
                continue;
            }
            Template ingested = t.withPolicies(accepted);
            String lang = t.languages().get(0);
            rows.add(new OmaUriRow(t.displayName().get(lang) + " (ADMX ingestion)",
                    "Installs " + t.name() + ".admx, namespace " + t.namespace() + ", revision " + t.revision(),
                    "./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/" + t.intuneApp() + "/Policy/" + t.name(),
                    "String", new String(writer.admx(ingested), StandardCharsets.UTF_8)));
            for (Template.PolicyDef p : accepted) {
                payload(p, state).ifPresent(payload -> rows.add(new OmaUriRow(p.displayName().get(lang),
                        String.join(", ", p.settingIds()),
                        (p.machine() ? "./Device" : "./User") + "/Vendor/MSFT/Policy/Config/" + t.intuneApp() + "~Policy~"
                                + String.join("~", categoryPath(t, p.category())) + "/" + p.name(),
                        "String", payload)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        out.add("intune/oma-uri.json", json(rows));
        out.add("intune/oma-uri.csv", csv(rows));
    }

    private static Optional<String> refusedKey(Template.PolicyDef p) {
        List<String> keys = new ArrayList<>();
        keys.add(p.key());
        p.elements().forEach(e -> keys.add(e.key().isEmpty() ? p.key() : e.key()));
        for (String k : keys) {
            String lower = k.toLowerCase(Locale.ROOT);
            for (String r : REFUSED) {
                if (lower.equals(r) || lower.startsWith(r + "\\")) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }

    /** Own categories from the top down to {@code leaf}; a parent in another namespace ends the path. */
    static List<String> categoryPath(Template t, String leaf) {
        Map<String, Template.Category> byName = t.categories().stream()
                .collect(Collectors.toMap(Template.Category::name, c -> c, (a, b) -> a, LinkedHashMap::new));
        List<String> path = new ArrayList<>();
        String at = leaf;
        while (byName.containsKey(at) && !path.contains(at)) {
            path.add(0, at);
            at = byName.get(at).parent();
        }
        return path;
    }

    /** The payload for what the compiled policies set, or empty when they leave the policy unconfigured. */
    static Optional<String> payload(Template.PolicyDef p, RegistryState state) {
        Hive hive = p.machine() ? Hive.HKLM : Hive.HKCU;
        Optional<RegValue> main = p.hasValue() ? value(state, hive, p.key(), p.valueName()) : Optional.empty();
        if (main.isPresent() && main.get() instanceof RegValue.Dword d && p.disabledValue() != null
                && d.unsigned() == p.disabledValue()) {
            return Optional.of("<disabled/>");
        }
        StringBuilder sb = new StringBuilder("<enabled/>");
        boolean any = main.isPresent();
        for (Template.ElementDef e : p.elements()) {
            Optional<RegValue> v = value(state, hive, e.key().isEmpty() ? p.key() : e.key(), e.valueName());
            if (v.isEmpty()) {
                continue;
            }
            any = true;
            sb.append("<data id=\"").append(attr(e.id())).append("\" value=\"").append(attr(data(e, v.get())))
                    .append("\"/>");
        }
        return any ? Optional.of(sb.toString()) : Optional.empty();
    }

    private static Optional<RegValue> value(RegistryState state, Hive hive, String key, String name) {
        for (RegistryEntry e : state.entries()) {
            if (e instanceof RegistryEntry.Set s && s.key().hive() == hive
                    && s.key().literalPath().equalsIgnoreCase(key) && s.name().equalsIgnoreCase(name)) {
                return Optional.of(s.value());
            }
        }
        return Optional.empty();
    }

    private static String data(Template.ElementDef e, RegValue v) {
        if (v instanceof RegValue.MultiSz m) {
            return String.join(String.valueOf(MULTI_TEXT_SEPARATOR), m.items());
        } else if (v instanceof RegValue.Dword d) {
            return e.kind() == ElementKind.BOOLEAN ? String.valueOf(d.unsigned() != 0) : Long.toString(d.unsigned());
        } else if (v instanceof RegValue.Qword q) {
            return Long.toUnsignedString(q.value());
        } else if (v instanceof RegValue.Sz s) {
            return s.text();
        } else if (v instanceof RegValue.ExpandSz s) {
            return s.text();
        }
        return v.display();
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static byte[] json(List<OmaUriRow> rows) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode list = m.createArrayNode();
        for (OmaUriRow r : rows) {
            ObjectNode o = list.addObject();
            o.put("displayName", r.name());
            o.put("description", r.description());
            o.put("omaUri", r.omaUri());
            o.put("dataType", r.dataType());
            o.put("value", r.value());
        }
        ObjectNode root = m.createObjectNode();
        root.set("omaSettings", list);
        try {
            return (m.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180: every field quoted, quotes doubled, CRLF between records. */
    static byte[] csv(List<OmaUriRow> rows) {
        StringBuilder sb = new StringBuilder("\"displayName\",\"description\",\"omaUri\",\"dataType\",\"value\"\r\n");
        for (OmaUriRow r : rows) {
            sb.append(String.join(",", q(r.name()), q(r.description()), q(r.omaUri()), q(r.dataType()), q(r.value())))
                    .append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
