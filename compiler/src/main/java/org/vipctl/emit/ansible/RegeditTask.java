package org.vipctl.emit.ansible;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Setting;
import org.vipctl.format.yaml.YamlWriter;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/**
 * One {@code ansible.windows.win_regedit} task. The path is the literal one a 64-bit process sees
 * ({@code HKLM:\SOFTWARE\WOW6432Node\...} for a 32-bit view value), so no view option is needed;
 * a deletion is {@code state: absent} with {@code delete_key: false} (the module would otherwise
 * delete the whole key for the default value). Text that Ansible would template ({@code {{ }}},
 * {@code {% %}}, {@code {# #}}) is tagged {@code !unsafe}.
 */
final class RegeditTask {

    private RegeditTask() {
    }

    static boolean restartRequired(Catalog catalog, RegistryEntry e) {
        return catalog.byId(e.from().settingId()).map(Setting::restartRequired).orElse(false);
    }

    static Map<String, Object> of(RegistryEntry e, boolean restart) {
        String key = e.key().literalPath();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("path", text(e.key().hive().name() + ":\\" + key));
        Map<String, Object> task = new LinkedHashMap<>();
        if (e.isKeyOnly()) {
            // the module's own form for "create the key": a path and no name (name: '' is the default value)
            task.put("name", "Create the key " + shortKey(key));
            args.put("state", "present");
        } else if (e instanceof RegistryEntry.Set s) {
            args.put("name", text(e.name()));
            task.put("name", "Set " + label(e.name()) + " (" + s.value().type() + ") in " + shortKey(key));
            args.put("data", data(s.value()));
            args.put("type", type(s.value()));
            args.put("state", "present");
        } else {
            args.put("name", text(e.name()));
            task.put("name", "Remove " + label(e.name()) + " from " + shortKey(key));
            args.put("state", "absent");
            args.put("delete_key", false);
        }
        task.put("ansible.windows.win_regedit", args);
        if (restart) {
            task.put("notify", AnsibleEmitter.RESTART_TOPIC);
        }
        return task;
    }

    private static Object data(RegValue v) {
        return switch (v.type()) {
            case REG_SZ -> text(((RegValue.Sz) v).text());
            case REG_EXPAND_SZ -> text(((RegValue.ExpandSz) v).text());
            case REG_MULTI_SZ -> {
                List<Object> items = new ArrayList<>();
                ((RegValue.MultiSz) v).items().forEach(i -> items.add(text(i)));
                yield items;
            }
            case REG_DWORD -> ((RegValue.Dword) v).unsigned();
            case REG_QWORD -> {
                // above 2^63-1 as decimal text: the module parses text as an unsigned number, while a
                // number that large may not survive the JSON hand-over to PowerShell exactly
                long q = ((RegValue.Qword) v).value();
                yield q < 0 ? Long.toUnsignedString(q) : (Object) q;
            }
            case REG_BINARY, REG_NONE -> hex(v.toBytes());
            case REG_DWORD_BIG_ENDIAN -> throw new IllegalArgumentException("REG_DWORD_BIG_ENDIAN has no win_regedit type");
        };
    }

    /** Binary data as the module's comma-separated hex string; empty data as an empty list. */
    private static Object hex(byte[] bytes) {
        return bytes.length == 0 ? List.of() : HexFormat.ofDelimiter(",").formatHex(bytes);
    }

    private static String type(RegValue v) {
        return switch (v.type()) {
            case REG_NONE -> "none";
            case REG_SZ -> "string";
            case REG_EXPAND_SZ -> "expandstring";
            case REG_BINARY -> "binary";
            case REG_DWORD -> "dword";
            case REG_MULTI_SZ -> "multistring";
            case REG_QWORD -> "qword";
            case REG_DWORD_BIG_ENDIAN -> throw new IllegalArgumentException("REG_DWORD_BIG_ENDIAN has no win_regedit type");
        };
    }

    /** Plain text, or {@code !unsafe} text where Ansible would see a template. */
    static Object text(String s) {
        return s.contains("{{") || s.contains("{%") || s.contains("{#") ? new YamlWriter.Tagged("!unsafe", s) : s;
    }

    /** For task names, which Ansible templates too: no braces, no line breaks. */
    private static String label(String s) {
        String l = s.isEmpty() ? "(Default)" : s;
        return l.replace('{', '(').replace('}', ')').replaceAll("\\p{Cntrl}", " ");
    }

    /** The last two parts of a key, so task names stay short: {@code ...\TSAppSrv\VirtualIP}. */
    private static String shortKey(String key) {
        String[] parts = key.split("\\\\");
        return label(parts.length <= 2 ? key : "...\\" + parts[parts.length - 2] + "\\" + parts[parts.length - 1]);
    }
}
