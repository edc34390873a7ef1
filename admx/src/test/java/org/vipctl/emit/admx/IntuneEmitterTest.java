package org.vipctl.emit.admx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.ElementKind;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.OutputFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OMA-URI rows for Intune ADMX ingestion, from the example policies. */
class IntuneEmitterTest {

    private static final Path EXAMPLES = Fixtures.repo().resolve("examples");

    @Test
    void citrixPreferLoopbackBecomesInstallAndSettingRows() throws Exception {
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(new IntuneEmitter(), Catalog.builtIn(),
                List.of(EXAMPLES.resolve("cti-citrix-loopback.yaml"), EXAMPLES.resolve("licence-loopback.yaml"),
                        EXAMPLES.resolve("crm-ip-virtualization.yaml")), d);
        assertFalse(d.hasErrors(), d.sorted()::toString);
        JsonNode rows = new ObjectMapper().readTree(out.files().get("intune/oma-uri.json")).path("omaSettings");
        assertEquals(2, rows.size(), rows::toString);

        JsonNode install = rows.get(0);
        assertEquals("./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Vipctl/Policy/VipctlVirtualIP",
                install.path("omaUri").asText());
        assertEquals("String", install.path("dataType").asText());
        String admx = install.path("value").asText();
        assertTrue(admx.contains("name=\"Citrix_PreferLoopback\""));
        assertFalse(admx.contains("RDS_VirtualizeLoopbackAddresses"), "SYSTEM keys are not ingestible");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(AdmxXml.class.getResource("/org/vipctl/admx/schema/PolicyDefinitions.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(admx.getBytes(StandardCharsets.UTF_8))));

        JsonNode setting = rows.get(1);
        assertEquals("./Device/Vendor/MSFT/Policy/Config/Vipctl~Policy~VipctlVirtualIP~CitrixVirtualLoopback/Citrix_PreferLoopback",
                setting.path("omaUri").asText());
        assertEquals("<enabled/><data id=\"PreferLoopbackProcesses\" value=\"softphone.exe\"/>",
                setting.path("value").asText());

        List<Diagnostic> warnings = d.sorted().stream().filter(x -> x.ruleId().equals("VIP093")).toList();
        assertEquals(1, warnings.size(), d.sorted()::toString);
        assertTrue(warnings.get(0).message().contains("RDS_VirtualizeLoopbackAddresses"));
        assertTrue(warnings.get(0).message().contains("System, Software\\Microsoft and Software\\Policies\\Microsoft"));

        String csv = new String(out.files().get("intune/oma-uri.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\"displayName\",\"description\",\"omaUri\",\"dataType\",\"value\"\r\n"));
        assertTrue(csv.contains("\"<enabled/><data id=\"\"PreferLoopbackProcesses\"\" value=\"\"softphone.exe\"\"/>\""));
    }

    @Test
    void multiTextItemsAreJoinedWithTheIntuneSeparatorAndEscaped() {
        Template.ElementDef e = new Template.ElementDef("P", ElementKind.MULTI_TEXT, "", "Procs", false,
                java.util.Map.of(), List.of(), "x");
        Template.PolicyDef p = new Template.PolicyDef("Pol", "C", "S", true, "SOFTWARE\\Contoso", "On", 1L, 0L,
                java.util.Map.of(), java.util.Map.of(), List.of(e), List.of("x"),
                org.vipctl.diagnostic.Location.ofFile("f"));
        org.vipctl.registry.RegKey key = org.vipctl.registry.RegKey.parse("HKLM\\SOFTWARE\\Contoso",
                org.vipctl.registry.View.BIT64).orElseThrow();
        org.vipctl.registry.Provenance from = new org.vipctl.registry.Provenance("x", "p",
                org.vipctl.diagnostic.Location.ofFile("f"));
        org.vipctl.registry.RegistryState state = new org.vipctl.registry.RegistryState(org.vipctl.registry.Scope.POLICY,
                List.of(new org.vipctl.registry.RegistryEntry.Set(key, "On", new org.vipctl.registry.RegValue.Dword(1), from),
                        new org.vipctl.registry.RegistryEntry.Set(key, "Procs",
                                new org.vipctl.registry.RegValue.MultiSz(List.of("a.exe", "b&\"c.exe")), from)));
        assertEquals("<enabled/><data id=\"P\" value=\"a.exe\uF000b&amp;&quot;c.exe\"/>",
                IntuneEmitter.payload(p, state).orElseThrow());
        org.vipctl.registry.RegistryState off = new org.vipctl.registry.RegistryState(org.vipctl.registry.Scope.POLICY,
                List.of(new org.vipctl.registry.RegistryEntry.Set(key, "On", new org.vipctl.registry.RegValue.Dword(0), from)));
        assertEquals("<disabled/>", IntuneEmitter.payload(p, off).orElseThrow());
        assertTrue(IntuneEmitter.payload(p, org.vipctl.registry.RegistryState.empty(org.vipctl.registry.Scope.POLICY)).isEmpty());
    }
}
