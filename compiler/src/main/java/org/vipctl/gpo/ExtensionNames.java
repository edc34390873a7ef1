package org.vipctl.gpo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code gPC...ExtensionNames} value: {@code [{CSE}{tool}...][{CSE}{tool}...]}, each group a
 * client-side extension followed by the snap-ins that edit its settings, GUIDs sorted.
 */
public final class ExtensionNames {

    /** The Registry client-side extension. */
    public static final String REGISTRY_CSE = "{35378EAC-683F-11D2-A89A-00C04FBBCFA2}";
    /** The Administrative Templates snap-in (computer configuration). */
    public static final String REGISTRY_TOOL_MACHINE = "{D02B1F72-3407-48AE-BA88-E8213C6761F1}";

    private static final Pattern GUID = Pattern.compile("\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}");
    private static final Pattern GROUP = Pattern.compile("\\[((?:" + GUID.pattern() + ")+)\\]");
    private static final Comparator<String> ORDER = Comparator.comparing(s -> s.toUpperCase(Locale.ROOT));

    private ExtensionNames() {
    }

    /**
     * {@code existing} with {@code cse} and {@code tool} added. Returns {@code existing} unchanged when
     * it already lists them, otherwise the merged value with groups and GUIDs sorted.
     */
    public static String merge(String existing, String cse, String tool) {
        Map<String, List<String>> groups = parse(existing);
        String cseKey = cse.toUpperCase(Locale.ROOT);
        List<String> tools = groups.get(cseKey);
        if (tools != null && tools.stream().anyMatch(t -> t.equalsIgnoreCase(tool))) {
            return existing;
        }
        if (tools == null) {
            tools = new ArrayList<>();
            tools.add(cse);
            groups.put(cseKey, tools);
        }
        tools.add(tool);
        return render(groups);
    }

    /** Groups keyed by upper-case CSE GUID; each list starts with the CSE GUID as written. */
    static Map<String, List<String>> parse(String value) {
        String v = value.strip();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Matcher m = GROUP.matcher(v);
        int at = 0;
        while (at < v.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("GPT.INI: extension names are not a list of [{GUID}...] groups: " + value);
            }
            List<String> guids = new ArrayList<>();
            Matcher g = GUID.matcher(m.group(1));
            while (g.find()) {
                guids.add(g.group());
            }
            List<String> into = groups.computeIfAbsent(guids.get(0).toUpperCase(Locale.ROOT), k -> new ArrayList<>(List.of(guids.get(0))));
            for (String t : guids.subList(1, guids.size())) {
                if (into.subList(1, into.size()).stream().noneMatch(t::equalsIgnoreCase)) {
                    into.add(t);
                }
            }
            at = m.end();
        }
        return groups;
    }

    private static String render(Map<String, List<String>> groups) {
        StringBuilder sb = new StringBuilder();
        groups.keySet().stream().sorted(ORDER).forEach(k -> {
            List<String> g = groups.get(k);
            List<String> tools = new ArrayList<>(g.subList(1, g.size()));
            tools.sort(ORDER);
            sb.append('[').append(g.get(0));
            tools.forEach(sb::append);
            sb.append(']');
        });
        return sb.toString();
    }
}
