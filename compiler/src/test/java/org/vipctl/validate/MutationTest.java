package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.YamlLoader;

/**
 * Every value of a complete policy replaced, one at a time, by values of every other shape: the
 * validator never throws, and every diagnostic it gives is located and one line long.
 */
class MutationTest {

    private static final String FULL = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: full, description: d}
            targets: {os: [windowsServer2019, windowsServer2022]}
            spec:
              rdsIpVirtualization:
                enabled: true
                mode: perProgram
                programs: [crm.exe, cti.exe]
                networkAdapter: 192.0.2.96/24
                useServerIpWhenUnavailable: false
              rdsLoopbackVirtualization: {enabled: true}
              citrixVirtualLoopback: {enabled: true, programs: [cti.exe]}
              citrixPreferLoopback: {enabled: true, processes: [cti.exe]}
              citrixPolicy:
                name: CTI
                description: x
                enabled: true
                priority: 2
                policySet: DefaultSitePolicies
                filters: [{type: DesktopGroup, value: G, mode: Allow, enabled: true}]
              registry:
                - {key: 'HKLM\\SOFTWARE\\X', name: A, type: REG_DWORD, data: 1, view: 32, ensure: present}
                - {key: 'HKLM\\SOFTWARE\\X', name: B, type: REG_BINARY, data: '01ff'}
                - {key: 'HKLM\\SOFTWARE\\X', name: C, ensure: absent}
            """;

    private static final List<String> REPLACEMENTS = List.of(
            "null", "true", "false", "0", "-1", "1.5", "1e9", "4294967296", "18446744073709551616",
            "99999999999999999999999999999999999999", "''", "'x'", "' crm.exe '", "'../x'", "'HKCU\\\\X'",
            "'REG_SZ'", "'perSession'", "'windows10'", "[]", "{}", "[null]", "[1, 'a']", "['']", "{a: 1}",
            "'\\u0000'");

    @Test
    void noValueOfAnyShapeMakesTheValidatorThrow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Diagnostics first = new Diagnostics();
        JsonNode tree = new YamlLoader().parse("full.yaml", FULL.getBytes(StandardCharsets.UTF_8), first).get(0).tree();
        assertTrue(first.isEmpty());
        List<String> pointers = new ArrayList<>();
        collect(tree, "", pointers);
        assertTrue(pointers.size() > 40, "the policy exercises every section: " + pointers.size());
        int runs = 0;
        Validator validator = new Validator();
        for (String pointer : pointers) {
            for (String replacement : REPLACEMENTS) {
                JsonNode copy = tree.deepCopy();
                JsonNode value = new YamlLoader().parse("v.yaml", ("v: " + replacement).getBytes(StandardCharsets.UTF_8),
                        new Diagnostics()).get(0).tree().get("v");
                replace(copy, pointer, value);
                // JSON is YAML: the mutated tree goes through the loader like any file.
                byte[] text = json.writeValueAsBytes(copy);
                Diagnostics out = new Diagnostics();
                String what = pointer + " = " + replacement;
                try {
                    validator.validate(new YamlLoader().parse("m.yaml", text, out), out);
                } catch (RuntimeException e) {
                    throw new AssertionError(what, e);
                }
                for (Diagnostic d : out.sorted()) {
                    assertTrue(d.location().hasPosition(), () -> what + ": " + d);
                    assertFalse(d.message().isBlank(), what);
                }
                runs++;
            }
        }
        assertTrue(runs > 1000, "runs: " + runs);
    }

    private static void collect(JsonNode n, String pointer, List<String> out) {
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(f -> collect(n.get(f), pointer + "/" + f, out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }
}
