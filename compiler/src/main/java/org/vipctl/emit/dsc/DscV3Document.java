package org.vipctl.emit.dsc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.format.yaml.YamlWriter;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;

/**
 * A DSC v3 configuration document: one {@code Microsoft.Windows/Registry} instance per value, with
 * {@code keyPath} (hive and the literal path a 64-bit process sees, {@code SOFTWARE\Wow6432Node\...}
 * for the 32-bit view), {@code valueName} and {@code valueData} (one property naming the type), or
 * {@code _exist: false} for a value that must be absent. The resource has no REG_DWORD_BIG_ENDIAN;
 * a REG_NONE value is one without {@code valueData}.
 */
final class DscV3Document {

    static final String SCHEMA = "https://aka.ms/dsc/schemas/v3/bundled/config/document.json";
    static final String TYPE = "Microsoft.Windows/Registry";

    private DscV3Document() {
    }

    static String write(List<String> header, RegistryState state, String path) {
        List<Object> resources = new ArrayList<>();
        for (RegistryEntry e : state.entries()) {
            String keyPath = e.key().hive().name() + "\\" + e.key().literalPath();
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("keyPath", keyPath);
            if (e.isKeyOnly()) {
                // without valueName the resource is about the key itself
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", keyPath);
                r.put("type", TYPE);
                r.put("properties", props);
                resources.add(r);
                continue;
            }
            props.put("valueName", e.name());
            if (e instanceof RegistryEntry.Set s) {
                valueData(s.value()).ifPresent(d -> props.put("valueData", d));
            } else {
                props.put("_exist", false);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", keyPath + "\\" + (e.name().isEmpty() ? "(Default)" : e.name()));
            r.put("type", TYPE);
            r.put("properties", props);
            resources.add(r);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("resources", resources);
        List<String> comments = new ArrayList<>(header);
        comments.add("");
        comments.add("dsc config test --file " + path + "    # drift: which instances differ");
        comments.add("dsc config set --file " + path + "     # apply (elevated)");
        return YamlWriter.write(comments, doc);
    }

    private static java.util.Optional<Map<String, Object>> valueData(RegValue v) {
        Object data = switch (v.type()) {
            case REG_SZ -> ((RegValue.Sz) v).text();
            case REG_EXPAND_SZ -> ((RegValue.ExpandSz) v).text();
            case REG_MULTI_SZ -> ((RegValue.MultiSz) v).items();
            case REG_DWORD -> ((RegValue.Dword) v).unsigned();
            case REG_QWORD -> new BigInteger(Long.toUnsignedString(((RegValue.Qword) v).value()));
            case REG_BINARY -> {
                List<Integer> bytes = new ArrayList<>();
                for (byte b : v.toBytes()) {
                    bytes.add(b & 0xFF);
                }
                yield bytes;
            }
            case REG_NONE -> null;
            case REG_DWORD_BIG_ENDIAN -> throw new IllegalArgumentException(
                    "REG_DWORD_BIG_ENDIAN has no Microsoft.Windows/Registry data type");
        };
        return data == null ? java.util.Optional.empty() : java.util.Optional.of(Map.of(DscTypes.name(v), data));
    }
}
