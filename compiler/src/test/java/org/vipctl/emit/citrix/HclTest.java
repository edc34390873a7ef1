package org.vipctl.emit.citrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;

class HclTest {

    @Test
    void quotedStringsNeverBecomeTemplates() {
        assertEquals("\"a $${x} %%{if} $y %z\"", Hcl.quote("a ${x} %{if} $y %z"));
        assertEquals("\"say \\\"hi\\\" C:\\\\x\\nnext\\t\\u0007\"", Hcl.quote("say \"hi\" C:\\x\nnext\t\u0007"));
        assertEquals("\"café ‘q’\"", Hcl.quote("café ‘q’"));
    }

    @Test
    void identifiersAreValidTerraformNames() {
        assertEquals("cti-loopback", Hcl.identifier("cti-loopback"));
        assertEquals("cti_defaults", Hcl.identifier("cti.defaults"));
        assertEquals("p_2024-policy", Hcl.identifier("2024-policy"));
        assertEquals("virtual_loopback_programs", Hcl.snake("VirtualLoopbackPrograms"));
    }

    @Test
    void policiesWhoseNamesMapToTheSameIdentifierGetDistinctOnes() {
        String yaml = """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: NAME}
                spec:
                  citrixVirtualLoopback: {enabled: true, programs: [a.exe]}
                  citrixPolicy: {name: NAME, priority: PRIO}
                """;
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compileText(d, yaml.replace("NAME", "a.b").replace("PRIO", "1"),
                yaml.replace("NAME", "a_b").replace("PRIO", "2"));
        List<TerraformWriter.Named> named = TerraformWriter.name(c.policies().stream().map(c::citrix).toList());
        assertEquals(List.of("a_b", "a_b_2"), named.stream().map(TerraformWriter.Named::id).toList());
    }

    @Test
    void multiLineValuesAreNotAligned() {
        String block = new Hcl.Block("resource \"x\" \"y\"").attr("a", "1").attr("long_name", "[\n  1,\n]").attr("b", "2").render();
        assertEquals("resource \"x\" \"y\" {\n  a = 1\n  long_name = [\n    1,\n  ]\n  b = 2\n}\n", block);
    }
}
