package org.vipctl.emit.citrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.format.citrix.CliValue;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;
import org.vipctl.model.CitrixFilter;

/**
 * The three object lists of an {@code Export-CtxGroupPolicy} folder, for any number of policies:
 * {@code GroupPolicy.xml} (one object per policy and type), {@code GroupPolicyConfiguration.xml}
 * (one object per policy and type with one member per setting) and {@code GroupPolicyFilter.xml}
 * (one object per filter). The virtual loopback settings are Computer settings, so every object
 * has {@code Type = Computer}.
 */
public final class CitrixExport {

    public static final String TYPE = "Computer";
    public static final String POLICY_FILE = "GroupPolicy.xml";
    public static final String CONFIGURATION_FILE = "GroupPolicyConfiguration.xml";
    public static final String FILTER_FILE = "GroupPolicyFilter.xml";

    private CitrixExport() {
    }

    /** File name → objects, in the order the files are listed above. */
    public static Map<String, List<CliValue.Obj>> objects(List<CitrixPolicy> policies) {
        List<CliValue.Obj> policyObjects = new ArrayList<>();
        List<CliValue.Obj> configurations = new ArrayList<>();
        List<CliValue.Obj> filters = new ArrayList<>();
        for (CitrixPolicy p : policies) {
            policyObjects.add(CliValue.Obj.builder()
                    .str("PolicyName", p.name())
                    .str("Type", TYPE)
                    .str("Description", p.description())
                    .bool("Enabled", p.enabled())
                    .int32("Priority", p.priority())
                    .build());
            CliValue.Builder config = CliValue.Obj.builder().str("PolicyName", p.name()).str("Type", TYPE);
            for (CitrixSettingValue s : p.settings()) {
                config.put(s.setting().name(), setting(s));
            }
            configurations.add(config.build());
            for (NamedFilter f : filterNames(p.filters())) {
                filters.add(CliValue.Obj.builder()
                        .str("PolicyName", p.name())
                        .str("Type", TYPE)
                        .str("FilterName", f.name())
                        .str("FilterType", f.filter().type())
                        .bool("Enabled", f.filter().enabled())
                        .str("Mode", f.filter().mode())
                        .str("FilterValue", f.filter().value())
                        .build());
            }
        }
        Map<String, List<CliValue.Obj>> files = new LinkedHashMap<>();
        files.put(POLICY_FILE, policyObjects);
        files.put(CONFIGURATION_FILE, configurations);
        files.put(FILTER_FILE, filters);
        return files;
    }

    /** {@code State}, {@code Values} when the setting carries a list, and {@code Path} below {@code \Settings\}. */
    static CliValue.Obj setting(CitrixSettingValue s) {
        CliValue.Builder b = CliValue.Obj.builder().str("State", s.state());
        if (s.setting().isList() && !s.values().isEmpty()) {
            b.put("Values", new CliValue.Arr(s.values().stream().<CliValue>map(CliValue.Str::new).toList()));
        }
        return b.str("Path", s.setting().path()).build();
    }

    /** A filter with the name it gets in the Citrix provider: its type and its number within that type. */
    public record NamedFilter(String name, CitrixFilter filter) {
    }

    public static List<NamedFilter> filterNames(List<CitrixFilter> filters) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<NamedFilter> named = new ArrayList<>();
        for (CitrixFilter f : filters) {
            int n = counts.merge(f.type(), 1, Integer::sum);
            named.add(new NamedFilter(f.type() + n, f));
        }
        return named;
    }
}
