package org.vipctl.emit.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.emit.EmitFixtures;
import org.vipctl.emit.OutputFiles;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.Scope;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The Ansible role read back as Ansible reads it: every value of each scope, exactly, and nothing templated. */
class AnsibleEmitterTest {

    private static final String TASKS = "ansible/roles/vipctl/tasks/main.yml";

    /** Text Ansible must not template, as Ansible's loader marks it. */
    record Unsafe(String text) {
    }

    @SuppressWarnings("unchecked")
    static <T> T load(byte[] yaml) {
        SafeConstructor c = new SafeConstructor(new LoaderOptions()) {
            {
                this.yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return new Unsafe(((ScalarNode) node).getValue());
                    }
                });
            }
        };
        return (T) new Yaml(c).load(new String(yaml, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> block(List<Map<String, Object>> tasks, Scope scope) {
        return tasks.stream().filter(t -> ("vipctl_scope == '" + scope.label() + "'").equals(t.get("when")))
                .map(t -> (List<Map<String, Object>>) t.get("block")).findFirst().orElseThrow();
    }

    @Test
    void writesPlaybookAndRole() throws Exception {
        OutputFiles out = EmitFixtures.emit(new AnsibleEmitter(), EmitFixtures.allTypes());
        assertEquals(List.of("ansible/roles/vipctl/defaults/main.yml", "ansible/roles/vipctl/handlers/main.yml", TASKS,
                "ansible/vipctl.yml"), List.copyOf(out.files().keySet()));
        List<Map<String, Object>> play = load(out.files().get("ansible/vipctl.yml"));
        assertEquals(List.of(Map.of("role", "vipctl")), play.get(0).get("roles"));
        Map<String, Object> defaults = load(out.files().get("ansible/roles/vipctl/defaults/main.yml"));
        assertEquals("local", defaults.get("vipctl_scope"), "the servers' own keys by default, as vipctl apply");
        assertEquals(false, defaults.get("vipctl_reboot"));
    }

    @Test
    void everyValueOfEachScopeHasOneTaskThatSaysExactlyIt() throws Exception {
        Compilation c = EmitFixtures.allTypes();
        List<Map<String, Object>> tasks = load(EmitFixtures.emit(new AnsibleEmitter(), c).files().get(TASKS));
        for (Scope scope : Scope.values()) {
            List<RegistryEntry> entries = c.registry(scope).entries();
            List<Map<String, Object>> block = block(tasks, scope);
            assertEquals(entries.size(), block.size(), scope.label());
            for (int i = 0; i < entries.size(); i++) {
                RegistryEntry e = entries.get(i);
                @SuppressWarnings("unchecked")
                Map<String, Object> args = (Map<String, Object>) block.get(i).get("ansible.windows.win_regedit");
                assertEquals("HKLM:\\" + e.key().literalPath(), args.get("path"));
                if (e.isKeyOnly()) {
                    // the module's form for the key itself: a path and no name, nothing else
                    assertEquals(Map.of("path", args.get("path"), "state", "present"), args, e.toString());
                    continue;
                }
                assertEquals(e.name(), text(args.get("name")));
                if (e instanceof RegistryEntry.Set s) {
                    assertEquals("present", args.get("state"));
                    assertEquals(s.value(), value(args), e.toString());
                } else {
                    assertEquals("absent", args.get("state"));
                    assertEquals(false, args.get("delete_key"), "never the whole key");
                    assertFalse(args.containsKey("data"));
                }
            }
        }
    }

    @Test
    void thirtyTwoBitViewValuesUseTheWow6432NodePath() throws Exception {
        List<Map<String, Object>> tasks = load(EmitFixtures.emit(new AnsibleEmitter(), EmitFixtures.allTypes()).files().get(TASKS));
        List<String> paths = new ArrayList<>();
        block(tasks, Scope.LOCAL).forEach(t -> paths.add(String.valueOf(((Map<?, ?>) t.get("ansible.windows.win_regedit")).get("path"))));
        assertTrue(paths.contains("HKLM:\\SOFTWARE\\Wow6432Node\\Contoso\\Legacy"), paths.toString());
        assertTrue(paths.contains("HKLM:\\SOFTWARE\\Wow6432Node\\Citrix\\VIP"), paths.toString());
    }

    @Test
    void templateLookingTextIsUnsafeAndNamesHaveNoTemplates() throws Exception {
        byte[] bytes = EmitFixtures.emit(new AnsibleEmitter(), EmitFixtures.allTypes()).files().get(TASKS);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("data: !unsafe '{{ lookup(''pipe'', ''id'') }}'"), text);
        List<Map<String, Object>> tasks = load(bytes);
        for (Scope scope : Scope.values()) {
            for (Map<String, Object> t : block(tasks, scope)) {
                String name = (String) t.get("name");
                assertFalse(name.contains("{") || name.contains("}"), name);
            }
        }
    }

    @Test
    void onlyValuesThatNeedARestartNotifyTheRestartHandler() throws Exception {
        Compilation c = EmitFixtures.allTypes();
        List<Map<String, Object>> tasks = load(EmitFixtures.emit(new AnsibleEmitter(), c).files().get(TASKS));
        List<RegistryEntry> entries = c.registry(Scope.LOCAL).entries();
        List<Map<String, Object>> block = block(tasks, Scope.LOCAL);
        int notifying = 0;
        for (int i = 0; i < entries.size(); i++) {
            boolean restart = RegeditTask.restartRequired(c.catalog(), entries.get(i));
            assertEquals(restart ? AnsibleEmitter.RESTART_TOPIC : null, block.get(i).get("notify"), entries.get(i).toString());
            notifying += restart ? 1 : 0;
        }
        assertTrue(notifying > 0 && notifying < entries.size(), "IP virtualization values need a restart, custom ones do not");
        List<Map<String, Object>> handlers = load(EmitFixtures.emit(new AnsibleEmitter(), c).files()
                .get("ansible/roles/vipctl/handlers/main.yml"));
        assertTrue(handlers.stream().allMatch(h -> AnsibleEmitter.RESTART_TOPIC.equals(h.get("listen"))));
        assertTrue(handlers.stream().anyMatch(h -> h.containsKey("ansible.windows.win_reboot")
                && "vipctl_reboot | bool".equals(h.get("when"))), "restarts only when asked to");
    }

    @Test
    void matchesGoldenFiles() throws Exception {
        EmitFixtures.matchesGolden(EmitFixtures.emit(new AnsibleEmitter(), EmitFixtures.allTypes()),
                "ansible");
    }

    private static String text(Object o) {
        return o instanceof Unsafe u ? u.text() : (String) o;
    }

    /** The value the module writes for these arguments (its type names and data forms). */
    private static RegValue value(Map<String, Object> args) {
        Object d = args.get("data");
        return switch ((String) args.get("type")) {
            case "string" -> new RegValue.Sz(text(d));
            case "expandstring" -> new RegValue.ExpandSz(text(d));
            case "multistring" -> new RegValue.MultiSz(((List<?>) d).stream().map(AnsibleEmitterTest::text).toList());
            case "dword" -> RegValue.Dword.ofUnsigned(((Number) d).longValue());
            case "qword" -> new RegValue.Qword(new BigInteger(d.toString()).longValue());
            case "binary" -> new RegValue.Binary(d instanceof List<?> l && l.isEmpty() ? new byte[0]
                    : HexFormat.ofDelimiter(",").parseHex((String) d));
            default -> throw new AssertionError("unexpected type " + args.get("type") + " (known: "
                    + Optional.of(List.of(RegType.values())).get() + ")");
        };
    }
}
