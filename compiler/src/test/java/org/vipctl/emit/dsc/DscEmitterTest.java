package org.vipctl.emit.dsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Location;
import org.vipctl.emit.EmitFixtures;
import org.vipctl.emit.OutputFiles;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Both DSC forms read back: the v3 documents as the Microsoft.Windows/Registry instance schema
 * defines them, the classic configuration with a small reader of its Registry blocks. Each must say
 * exactly the values of its scope.
 */
class DscEmitterTest {

    private static final Set<String> V3_PROPERTIES = Set.of("keyPath", "valueName", "valueData", "_exist");
    private static final Pattern KEY_PATH = Pattern.compile(
            "^(HKCR|HKEY_CLASSES_ROOT|HKCU|HKEY_CURRENT_USER|HKLM|HKEY_LOCAL_MACHINE|HKU|HKEY_USERS|HKCC|HKEY_CURRENT_CONFIG)\\\\.*");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(byte[] b) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void writesTwoV3DocumentsAndOneClassicConfiguration() throws Exception {
        OutputFiles out = EmitFixtures.emit(new DscEmitter(), EmitFixtures.allTypes());
        assertEquals(List.of("dsc/VipctlRegistry.ps1", "dsc/vipctl.dsc.config.yaml", "dsc/vipctl.policy.dsc.config.yaml"),
                List.copyOf(out.files().keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void v3DocumentsHoldValidRegistryInstancesForExactlyTheScopesValues() throws Exception {
        Compilation c = EmitFixtures.allTypes();
        OutputFiles out = EmitFixtures.emit(new DscEmitter(), c);
        for (Scope scope : Scope.values()) {
            String file = scope == Scope.LOCAL ? "dsc/vipctl.dsc.config.yaml" : "dsc/vipctl.policy.dsc.config.yaml";
            Map<String, Object> doc = yaml(out.files().get(file));
            assertEquals(DscV3Document.SCHEMA, doc.get("$schema"));
            List<Map<String, Object>> resources = (List<Map<String, Object>>) doc.get("resources");
            List<RegistryEntry> entries = c.registry(scope).entries();
            assertEquals(entries.size(), resources.size(), file);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> r = resources.get(i);
                assertTrue(names.add((String) r.get("name")), "instance names are unique: " + r.get("name"));
                assertEquals("Microsoft.Windows/Registry", r.get("type"));
                Map<String, Object> p = (Map<String, Object>) r.get("properties");
                assertTrue(V3_PROPERTIES.containsAll(p.keySet()), "only the resource's properties: " + p.keySet());
                String keyPath = (String) p.get("keyPath");
                assertTrue(KEY_PATH.matcher(keyPath).matches(), keyPath);
                RegistryEntry e = entries.get(i);
                assertEquals("HKLM\\" + e.key().literalPath(), keyPath);
                if (e.isKeyOnly()) {
                    assertEquals(Map.of("keyPath", keyPath), p, "the key itself: no valueName");
                    continue;
                }
                assertEquals(e.name(), p.get("valueName"));
                if (e instanceof RegistryEntry.Set s) {
                    assertFalse(p.containsKey("_exist"));
                    assertEquals(s.value(), v3Value((Map<String, Object>) p.get("valueData")), e.toString());
                } else {
                    assertEquals(false, p.get("_exist"));
                    assertFalse(p.containsKey("valueData"));
                }
            }
        }
    }

    @Test
    void classicConfigurationSaysExactlyEachScopesValues() throws Exception {
        Compilation c = EmitFixtures.allTypes();
        byte[] bytes = EmitFixtures.emit(new DscEmitter(), c).files().get("dsc/VipctlRegistry.ps1");
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 with BOM");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertFalse(text.replace("\r\n", "").contains("\n"), "CRLF only");
        for (Scope scope : Scope.values()) {
            List<Map<String, String>> blocks = registryBlocks(text, scope.label());
            List<RegistryEntry> entries = c.registry(scope).entries();
            assertEquals(entries.size(), blocks.size(), scope.label());
            for (int i = 0; i < entries.size(); i++) {
                Map<String, String> b = blocks.get(i);
                RegistryEntry e = entries.get(i);
                assertEquals("HKEY_LOCAL_MACHINE\\" + e.key().literalPath(), literal(b.get("Key")));
                if (e.isKeyOnly()) {
                    // the resource's form for a key: an empty ValueName without ValueType or ValueData
                    assertEquals(Map.of("Key", b.get("Key"), "ValueName", "''", "Ensure", "'Present'"), b, e.toString());
                    continue;
                }
                assertEquals(e.name(), literal(b.get("ValueName")));
                if (e instanceof RegistryEntry.Set s) {
                    assertEquals("'Present'", b.get("Ensure"));
                    assertEquals("$true", b.get("Force"), "the resource refuses to replace other data without Force");
                    assertEquals(s.value(), classicValue(b), e.toString());
                } else {
                    assertEquals("'Absent'", b.get("Ensure"));
                    assertFalse(b.containsKey("ValueData"));
                }
            }
        }
    }

    @Test
    void deletingADefaultValueNamesATypeSoTheKeyStays() {
        RegKey key = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso");
        Provenance p = new Provenance("registry", "t", Location.ofFile("t.yaml"));
        RegistryState s = new RegistryState(Scope.LOCAL, List.of(new RegistryEntry.Delete(key, "", p)));
        String text = new String(ClassicConfiguration.write(List.of(), s, RegistryState.empty(Scope.POLICY)), StandardCharsets.UTF_8);
        Map<String, String> b = registryBlocks(text, "local").get(0);
        assertEquals("''", b.get("ValueName"));
        assertEquals("'String'", b.get("ValueType"));
        assertEquals("'Absent'", b.get("Ensure"));
    }

    @Test
    void textWithAControlCharacterIsRefusedNotWritten() {
        RegKey key = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso");
        Provenance p = new Provenance("registry", "t", Location.ofFile("t.yaml"));
        RegistryState s = new RegistryState(Scope.LOCAL, List.of(new RegistryEntry.Set(key, "Banner",
                new RegValue.Sz("line 1\nline 2"), p)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassicConfiguration.write(List.of(), s, RegistryState.empty(Scope.POLICY)));
        assertTrue(e.getMessage().contains("U+000A"), e.getMessage());
    }

    @Test
    void matchesGoldenFiles() throws Exception {
        EmitFixtures.matchesGolden(EmitFixtures.emit(new DscEmitter(), EmitFixtures.allTypes()), "dsc");
    }

    @SuppressWarnings("unchecked")
    private static RegValue v3Value(Map<String, Object> data) {
        assertEquals(1, data.size(), "valueData has exactly one property: " + data);
        Map.Entry<String, Object> d = data.entrySet().iterator().next();
        return switch (d.getKey()) {
            case "String" -> new RegValue.Sz((String) d.getValue());
            case "ExpandString" -> new RegValue.ExpandSz((String) d.getValue());
            case "MultiString" -> new RegValue.MultiSz((List<String>) d.getValue());
            case "DWord" -> RegValue.Dword.ofUnsigned(((Number) d.getValue()).longValue());
            case "QWord" -> {
                BigInteger q = new BigInteger(d.getValue().toString());
                assertTrue(q.signum() >= 0 && q.bitLength() <= 64, "QWord range: " + q);
                yield new RegValue.Qword(q.longValue());
            }
            case "Binary" -> {
                List<Integer> ints = (List<Integer>) d.getValue();
                byte[] b = new byte[ints.size()];
                for (int i = 0; i < b.length; i++) {
                    assertTrue(ints.get(i) >= 0 && ints.get(i) <= 255);
                    b[i] = (byte) (int) ints.get(i);
                }
                yield new RegValue.Binary(b);
            }
            default -> throw new AssertionError("not a valueData property: " + d.getKey());
        };
    }

    /** The {@code Registry NAME { Prop = value ... }} blocks inside {@code if ($Scope -eq 'scope') { }}. */
    static List<Map<String, String>> registryBlocks(String ps, String scope) {
        String marker = "if ($Scope -eq '" + scope + "')";
        int at = ps.indexOf(marker);
        List<Map<String, String>> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        String section = ps.substring(at, ps.indexOf("\n        }", at));
        Matcher m = Pattern.compile("Registry (\\w+)\\r?\\n\\s*\\{\\r?\\n(.*?)\\r?\\n\\s*\\}", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            Map<String, String> props = new LinkedHashMap<>();
            for (String line : m.group(2).split("\\r?\\n")) {
                Matcher p = Pattern.compile("^\\s*(\\w+)\\s*= (.*)$").matcher(line);
                assertTrue(p.matches(), "each line of a block is one property: " + line);
                props.put(p.group(1), p.group(2));
            }
            out.add(props);
        }
        return out;
    }

    /** A single-quoted PowerShell literal back to its text; anything else (code, expansion) fails. */
    static String literal(String ps) {
        assertTrue(ps.length() >= 2 && isQuote(ps.charAt(0)) && isQuote(ps.charAt(ps.length() - 1)), ps);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < ps.length() - 1; i++) {
            char c = ps.charAt(i);
            if (isQuote(c)) {
                assertTrue(i + 1 < ps.length() - 1 && isQuote(ps.charAt(i + 1)), "a lone quote would end the literal: " + ps);
                i++;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isQuote(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201B');
    }

    private static RegValue classicValue(Map<String, String> b) {
        String type = literal(b.get("ValueType"));
        String data = b.get("ValueData");
        boolean hex = "$true".equals(b.get("Hex"));
        return switch (type) {
            case "String" -> new RegValue.Sz(literal(data));
            case "ExpandString" -> new RegValue.ExpandSz(literal(data));
            case "MultiString" -> {
                assertTrue(data.startsWith("@(") && data.endsWith(")"), data);
                String inner = data.substring(2, data.length() - 1);
                List<String> items = new ArrayList<>();
                Matcher m = Pattern.compile("'(?:[^'\\u2018-\\u201B]|['\\u2018-\\u201B]{2})*'").matcher(inner);
                while (m.find()) {
                    items.add(literal(m.group()));
                }
                yield new RegValue.MultiSz(items);
            }
            case "DWord" -> hex ? new RegValue.Dword((int) Long.parseLong(literal(data).substring(2), 16))
                    : new RegValue.Dword(Integer.parseInt(literal(data)));
            case "QWord" -> hex ? new RegValue.Qword(Long.parseUnsignedLong(literal(data).substring(2), 16))
                    : new RegValue.Qword(Long.parseLong(literal(data)));
            case "Binary" -> new RegValue.Binary(HexFormat.of().parseHex(literal(data)));
            default -> throw new AssertionError("not a ValueType of the Registry resource: " + type);
        };
    }
}
