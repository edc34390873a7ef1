package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.citrix.CliValue;
import org.vipctl.format.citrix.CliXmlWriter;

/** Citrix exports from a real site: other settings, other filter types, states a field cannot hold. */
class CitrixImportTest {

    @TempDir
    Path dir;

    private static CliValue.Obj setting(String state, String path, String... values) {
        CliValue.Builder b = CliValue.Obj.builder().str("State", state);
        if (values.length > 0) {
            b.put("Values", new CliValue.Arr(java.util.Arrays.stream(values).<CliValue>map(CliValue.Str::new).toList()));
        }
        return b.str("Path", path).build();
    }

    private static CliValue.Obj policy(String name, int priority) {
        return CliValue.Obj.builder().str("PolicyName", name).str("Type", "Computer").str("Description", "")
                .bool("Enabled", true).int32("Priority", priority).build();
    }

    private static CliValue.Obj filter(String policy, String type, String value) {
        return CliValue.Obj.builder().str("PolicyName", policy).str("Type", "Computer").str("FilterName", type + "1")
                .str("FilterType", type).bool("Enabled", true).str("Mode", "Allow").str("FilterValue", value).build();
    }

    private void export(List<CliValue.Obj> policies, List<CliValue.Obj> configs, List<CliValue.Obj> filters) throws Exception {
        Imports.write(dir.resolve("GroupPolicy.xml"), CliXmlWriter.toBytes(policies, ""));
        Imports.write(dir.resolve("GroupPolicyConfiguration.xml"), CliXmlWriter.toBytes(configs, ""));
        Imports.write(dir.resolve("GroupPolicyFilter.xml"), CliXmlWriter.toBytes(filters, ""));
    }

    @Test
    void onlyPoliciesWithVirtualLoopbackSettingsBecomePolicies() throws Exception {
        export(List.of(policy("Unfiltered", 1), policy("CTI", 2)),
                List.of(CliValue.Obj.builder().str("PolicyName", "Unfiltered").str("Type", "Computer")
                                .put("ClipboardRedirection", setting("Prohibited", "ICA\\ClipboardRedirection")).build(),
                        CliValue.Obj.builder().str("PolicyName", "CTI").str("Type", "Computer")
                                .put("VirtualLoopbackSupport", setting("Allowed", "Somewhere\\VirtualLoopbackSupport"))
                                .put("VirtualLoopbackPrograms", setting("Enabled", "X\\VirtualLoopbackPrograms", "cti.exe"))
                                .put("AudioQuality", setting("Enabled", "Audio\\AudioQuality")).build()),
                List.of(filter("CTI", "DesktopGroup", "Contact Centre"), filter("CTI", "WorkerGroup", "Old farm")));
        ImportResult r = Imports.run(dir.toString());
        assertEquals(List.of("CTI"), r.files().stream().map(ImportResult.File::policy).toList());
        assertEquals(2, r.imported());
        assertEquals(2, r.unrelated(), "ClipboardRedirection and AudioQuality");
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("  citrixVirtualLoopback:\n    enabled: true  # VirtualLoopbackSupport, Citrix policy 'CTI'\n"
                + "    programs: [cti.exe]"), yaml);
        assertTrue(yaml.contains("      - {type: DesktopGroup, value: Contact Centre, mode: Allow}\n"), yaml);
        assertFalse(yaml.contains("WorkerGroup"), yaml);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.ruleId().equals("VIP012")
                && d.message().contains("filter WorkerGroup 'Old farm'")), r.diagnostics().toString());
        Imports.compile(r);
    }

    @Test
    void aStateAFieldCannotHoldIsLeftOutAndReported() throws Exception {
        export(List.of(policy("P", 1)),
                List.of(CliValue.Obj.builder().str("PolicyName", "P").str("Type", "Computer")
                        .put("VirtualLoopbackSupport", setting("NotConfigured", "VirtualIP\\VirtualLoopbackSupport")).build()),
                List.of());
        ImportResult r = Imports.run(dir.toString());
        assertEquals(List.of(), r.files());
        assertEquals(1, r.notExpressible());
        assertTrue(r.diagnostics().get(0).message().contains("'NotConfigured'"), r.diagnostics().toString());
    }

    @Test
    void aBrokenExportIsALocatedError() throws Exception {
        export(List.of(policy("P", 1)), List.of(), List.of());
        Imports.write(dir.resolve("GroupPolicyConfiguration.xml"), "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><Obj"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(Imports.options(), dir.toString()));
        assertTrue(e.getMessage().contains("GroupPolicyConfiguration.xml"), e.getMessage());
    }
}
