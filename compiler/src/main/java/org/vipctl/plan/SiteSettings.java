package org.vipctl.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;

/**
 * The Citrix policy settings of the compiled policies: plan and apply do not write them (they are
 * settings of a Citrix site policy, not registry values), so the plan names each one and the file
 * of {@code compile --emit citrix} that carries it.
 */
public final class SiteSettings {

    private SiteSettings() {
    }

    /** One Citrix setting of one policy, and the output files that carry it. */
    public record NotApplied(String policy, String citrixPolicy, String setting, String state, List<String> values,
                             List<String> files) {
        public NotApplied {
            values = List.copyOf(values);
            files = List.copyOf(files);
        }
    }

    /** @param byPolicy the Citrix section of each compiled policy, by policy name, in file order */
    public static List<NotApplied> of(Map<String, CitrixPolicy> byPolicy) {
        List<NotApplied> out = new ArrayList<>();
        for (Map.Entry<String, CitrixPolicy> e : byPolicy.entrySet()) {
            CitrixPolicy cp = e.getValue();
            String base = e.getKey();
            List<String> files = List.of("citrix/Import-" + base + ".ps1", "citrix/GroupPolicy.xml", "citrix/" + base + ".tf",
                    "citrix/" + base + ".rest.json");
            for (CitrixSettingValue s : cp.settings()) {
                out.add(new NotApplied(base, cp.name(), s.setting().name(), s.state(), s.values(), files));
            }
        }
        return out;
    }

    /** One line per setting, after a heading; nothing when there is none. */
    public static List<String> lines(List<NotApplied> settings) {
        List<String> out = new ArrayList<>();
        if (settings.isEmpty()) {
            return out;
        }
        out.add("Not written by apply (Citrix site policy settings; import them with compile --emit citrix):");
        for (NotApplied n : settings) {
            out.add("  ! " + n.policy() + ": Citrix " + n.setting() + " = " + n.state()
                    + (n.values().isEmpty() ? "" : " [" + String.join(", ", n.values()) + "]")
                    + " -> " + n.files().get(0) + " (or " + String.join(", ", n.files().subList(1, n.files().size())) + ")");
        }
        return out;
    }

    public static void toJson(List<NotApplied> settings, ArrayNode into) {
        for (NotApplied n : settings) {
            ObjectNode o = into.addObject();
            o.put("policy", n.policy());
            o.put("citrix_policy", n.citrixPolicy());
            o.put("setting", n.setting());
            o.put("state", n.state());
            ArrayNode values = o.putArray("values");
            n.values().forEach(values::add);
            ArrayNode files = o.putArray("files");
            n.files().forEach(files::add);
        }
    }
}
