package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.citrix.CliValue;
import org.vipctl.format.citrix.CliXmlReader;

/** {@code vipctl citrix show} on what {@code compile --emit citrix} writes, and {@code --citrix-setting-path} forms. */
class CitrixCommandTest {

    private static final String POLICY = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: cti-loopback}
            targets: {os: [windowsServer2022]}
            spec:
              citrixVirtualLoopback: {enabled: true, programs: [ctiagent.exe, softphone.exe]}
              citrixPolicy:
                name: CTI virtual loopback
                priority: 2
                filters:
                  - {type: DesktopGroup, value: Contact Centre}
                  - {type: ClientIP, value: 192.0.2.0/24, mode: Deny}
            """;

    private static Path compile(Path dir, String... extra) throws Exception {
        Path yaml = dir.resolve("cti.yaml");
        Files.writeString(yaml, POLICY);
        Path out = dir.resolve("out");
        String[] args = new String[extra.length + 6];
        args[0] = "compile";
        args[1] = "--emit";
        args[2] = "citrix";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[extra.length + 3] = "-o";
        args[extra.length + 4] = out.toString();
        args[extra.length + 5] = yaml.toString();
        PolCommandTest.Result r = PolCommandTest.vipctl(args);
        assertEquals(0, r.code(), r.err());
        return out.resolve("citrix");
    }

    @Test
    void showListsWhatCompileWrote(@TempDir Path dir) throws Exception {
        Path citrix = compile(dir);
        PolCommandTest.Result r = PolCommandTest.vipctl("citrix", "show", citrix.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(citrix + ": 1 policy\n"), r.out());
        assertTrue(r.out().contains("\nCTI virtual loopback (Computer, priority 2, enabled)\n"), r.out());
        assertTrue(r.out().contains("  VirtualLoopbackSupport   Enabled  (Path VirtualIP\\VirtualLoopbackSupport)\n"), r.out());
        assertTrue(r.out().contains("  VirtualLoopbackPrograms  Enabled: ctiagent.exe, softphone.exe  (Path VirtualIP\\VirtualLoopbackPrograms)\n"), r.out());
        assertTrue(r.out().contains("  filter DesktopGroup Contact Centre: allow\n  filter ClientIP 192.0.2.0/24: deny\n"), r.out());
    }

    @Test
    void showAsJson(@TempDir Path dir) throws Exception {
        Path citrix = compile(dir);
        PolCommandTest.Result r = PolCommandTest.vipctl("citrix", "show", "--json", citrix.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode p = new ObjectMapper().readTree(r.out()).at("/policies/0");
        assertEquals("CTI virtual loopback", p.get("name").asText());
        assertEquals(2, p.get("priority").asInt());
        assertTrue(p.at("/settings/VirtualLoopbackSupport/enabled").asBoolean());
        assertEquals("softphone.exe", p.at("/settings/VirtualLoopbackPrograms/values/1").asText());
        assertEquals(0, p.get("otherSettings").asInt());
        assertEquals("Deny", p.at("/filters/1/mode").asText());
    }

    @Test
    void badFoldersAreOneLineErrors(@TempDir Path dir) throws Exception {
        PolCommandTest.Result missing = PolCommandTest.vipctl("citrix", "show", dir.resolve("nope").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("not a folder"), missing.err());
        Path citrix = compile(dir);
        Files.writeString(citrix.resolve("GroupPolicyFilter.xml"), "<Objs><Obj>", StandardCharsets.UTF_8);
        PolCommandTest.Result broken = PolCommandTest.vipctl("citrix", "show", citrix.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("GroupPolicyFilter.xml: ") && broken.err().strip().lines().count() == 1, broken.err());
        assertFalse(broken.err().contains("\tat "), "no stack trace");
        Files.delete(citrix.resolve("GroupPolicy.xml"));
        PolCommandTest.Result gone = PolCommandTest.vipctl("citrix", "show", citrix.toString());
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains("GroupPolicy.xml: no such file"), gone.err());
    }

    @Test
    void theSettingPathIsAcceptedWithOrWithoutSettingsAndStoredWithout(@TempDir Path dir) throws Exception {
        for (String form : new String[] {"Settings\\ICA\\VirtualLoopbackSupport", "\\Settings\\ICA\\VirtualLoopbackSupport",
            "ICA\\VirtualLoopbackSupport"}) {
            Path run = Files.createDirectory(dir.resolve("run" + form.length()));
            Path citrix = compile(run, "--citrix-setting-path", "VirtualLoopbackSupport=" + form);
            CliValue.Obj config = CliXmlReader.read(Files.readAllBytes(citrix.resolve("GroupPolicyConfiguration.xml"))).get(0);
            assertEquals(new CliValue.Str("ICA\\VirtualLoopbackSupport"),
                    ((CliValue.Obj) config.get("VirtualLoopbackSupport")).get("Path"), form);
        }
        PolCommandTest.Result bad = PolCommandTest.vipctl("compile", "--emit", "citrix", "--citrix-setting-path",
                "VirtualLoopbackSupport=Settings\\Settings\\X\\VirtualLoopbackSupport", "-o", dir.resolve("x").toString(),
                dir.resolve("run" + "Settings\\ICA\\VirtualLoopbackSupport".length()).resolve("cti.yaml").toString());
        assertEquals(64, bad.code(), bad.err());
        assertTrue(bad.err().contains("without 'Settings\\'"), bad.err());
    }
}
