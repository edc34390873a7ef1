package org.vipctl.format.citrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code vipctl citrix show}: the chosen settings (the virtual loopback settings) of every policy of
 * an export, as text for people or JSON for machines, with each policy's priority, state and
 * filters, and how many other settings it carries.
 */
public final class CitrixExportView {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CitrixExportView() {
    }

    public static String text(String folder, CitrixExportReader.Export export, List<String> settingNames) {
        StringBuilder b = new StringBuilder();
        int n = export.policies().size();
        b.append(folder).append(": ").append(n).append(n == 1 ? " policy" : " policies").append('\n');
        int width = settingNames.stream().mapToInt(String::length).max().orElse(0);
        for (CitrixExportReader.Policy p : export.policies()) {
            b.append('\n').append(p.name()).append(" (").append(p.type()).append(", priority ").append(p.priority())
                    .append(", ").append(p.enabled() ? "enabled" : "disabled").append(")\n");
            if (settingNames.stream().noneMatch(s -> p.setting(s).isPresent())) {
                b.append("  no virtual loopback settings\n");
            } else {
                for (String name : settingNames) {
                    b.append("  ").append(name).append(" ".repeat(width - name.length())).append("  ");
                    Optional<CitrixExportReader.Setting> s = p.setting(name);
                    if (s.isEmpty()) {
                        b.append("not configured\n");
                        continue;
                    }
                    b.append(s.get().state());
                    if (!s.get().values().isEmpty()) {
                        b.append(": ").append(String.join(", ", s.get().values()));
                    }
                    s.get().value().ifPresent(v -> b.append(": ").append(v));
                    if (!s.get().path().isEmpty()) {
                        b.append("  (Path ").append(s.get().path()).append(')');
                    }
                    b.append('\n');
                }
            }
            long others = others(p, settingNames);
            if (others > 0) {
                b.append("  ").append(others).append(others == 1 ? " other setting\n" : " other settings\n");
            }
            for (CitrixExportReader.Filter f : p.filters()) {
                b.append("  filter ").append(f.type()).append(' ').append(f.value()).append(": ")
                        .append(f.mode().toLowerCase(java.util.Locale.ROOT))
                        .append(f.enabled() ? "" : " (disabled)").append('\n');
            }
        }
        return b.toString();
    }

    public static String json(String folder, CitrixExportReader.Export export, List<String> settingNames) {
        ObjectNode root = JSON.createObjectNode();
        root.put("folder", folder);
        ArrayNode policies = root.putArray("policies");
        for (CitrixExportReader.Policy p : export.policies()) {
            ObjectNode o = policies.addObject();
            o.put("name", p.name());
            o.put("type", p.type());
            o.put("description", p.description());
            o.put("enabled", p.enabled());
            o.put("priority", p.priority());
            ObjectNode settings = o.putObject("settings");
            for (String name : settingNames) {
                p.setting(name).ifPresent(s -> {
                    ObjectNode n = settings.putObject(name);
                    n.put("state", s.state());
                    n.put("enabled", s.isEnabled());
                    ArrayNode values = n.putArray("values");
                    s.values().forEach(values::add);
                    s.value().ifPresent(v -> n.put("value", v));
                    n.put("path", s.path());
                });
            }
            o.put("otherSettings", others(p, settingNames));
            ArrayNode filters = o.putArray("filters");
            for (CitrixExportReader.Filter f : p.filters()) {
                ObjectNode n = filters.addObject();
                n.put("name", f.name());
                n.put("type", f.type());
                n.put("value", f.value());
                n.put("mode", f.mode());
                n.put("enabled", f.enabled());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long others(CitrixExportReader.Policy p, List<String> settingNames) {
        return p.settings().keySet().stream().filter(k -> !settingNames.contains(k)).count();
    }
}
