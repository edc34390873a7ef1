package org.vipctl.emit.citrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;
import org.vipctl.model.CitrixFilter;

/**
 * Request bodies for the Citrix DaaS / CVAD REST API ({@code /cvad/manage}): {@code policy} is the
 * body of {@code POST /gpo/policies?policySetGuid=…} (settings included), {@code settings} are the
 * bodies of {@code POST /gpo/settings?policyGuid=…} for a policy that already exists, and
 * {@code filters} the bodies of {@code POST /gpo/filters?policyGuid=…}. Boolean settings take
 * {@code "1"}/{@code "0"}; list settings a JSON array encoded in the string. Filter data that only
 * the site knows (delivery group and tag GUIDs, the site's server name, user SIDs) is written as
 * a {@code <PLACEHOLDER>} that the README says how to fill.
 */
public final class RestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RestBodies() {
    }

    public static ObjectNode document(CitrixPolicy p, String policySet) {
        ObjectNode doc = NODES.objectNode();
        doc.put("policySetName", policySet);
        doc.put("priority", p.priority());
        ObjectNode policy = doc.putObject("policy");
        policy.put("name", p.name());
        policy.put("description", p.description());
        policy.put("isEnabled", p.enabled());
        ArrayNode policySettings = policy.putArray("settings");
        ArrayNode settings = doc.putArray("settings");
        for (CitrixSettingValue s : p.settings()) {
            policySettings.add(setting(s));
            settings.add(setting(s));
        }
        ArrayNode filters = doc.putArray("filters");
        for (CitrixFilter f : p.filters()) {
            filters.add(filter(f));
        }
        return doc;
    }

    static ObjectNode setting(CitrixSettingValue s) {
        ObjectNode n = NODES.objectNode();
        n.put("settingName", s.setting().name());
        boolean useDefault = s.state().equals("UseDefault");
        n.put("useDefault", useDefault);
        if (!useDefault) {
            n.put("settingValue", s.setting().isList() ? jsonArray(s) : s.state().equals("Enabled") ? "1" : "0");
        }
        return n;
    }

    private static String jsonArray(CitrixSettingValue s) {
        ArrayNode a = NODES.arrayNode();
        s.values().forEach(a::add);
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode filter(CitrixFilter f) {
        ObjectNode n = NODES.objectNode();
        n.put("filterType", f.type());
        n.put("isAllowed", f.allow());
        n.put("isEnabled", f.enabled());
        n.put("filterData", filterData(f));
        return n;
    }

    /** What the API expects in filterData for each filter type. */
    static String filterData(CitrixFilter f) {
        switch (f.type()) {
            case "DesktopGroup":
            case "DesktopTag": {
                ObjectNode d = NODES.objectNode();
                d.put("server", "<SERVER>");
                d.put("uuid", placeholder(f));
                try {
                    return JSON.writeValueAsString(d);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            case "User":
                return isSid(f.value()) ? f.value() : placeholder(f);
            default:
                return f.value();
        }
    }

    /** The placeholder for a value the site must supply, e.g. {@code <DesktopGroup-UUID:Sales>}. */
    static String placeholder(CitrixFilter f) {
        return "<" + f.type() + (f.type().equals("User") ? "-SID:" : "-UUID:") + f.value() + ">";
    }

    static boolean isSid(String s) {
        return s.matches("S-1-\\d+(-\\d+)+");
    }

    public static byte[] toBytes(ObjectNode doc) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            return (JSON.writer(pp).writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
