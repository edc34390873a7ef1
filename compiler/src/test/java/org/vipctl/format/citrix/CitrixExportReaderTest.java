package org.vipctl.format.citrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The export-folder reader on files shaped like a real site's export: UTF-8 without a byte order
 * mark (PowerShell 7), CRLF, every setting of each policy present (arrays, single values, 64-bit
 * numbers, dates, NotConfigured states), a User half, Enabled written as a string, filters with
 * the AccessControl members. Round trips of what vipctl writes are tested with the emitter.
 */
class CitrixExportReaderTest {

    private static byte[] resource(String name) {
        try (InputStream in = CitrixExportReaderTest.class.getResourceAsStream("site-export/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CitrixExportReader.Export site() {
        return CitrixExportReader.read(resource("GroupPolicy.xml"), resource("GroupPolicyConfiguration.xml"),
                resource("GroupPolicyFilter.xml"));
    }

    @Test
    void readsEveryPolicyWithAllItsSettings() {
        List<CitrixExportReader.Policy> policies = site().policies();
        assertEquals(List.of("Site baseline", "CTI & softphone", "CTI & softphone", "Unfiltered"),
                policies.stream().map(CitrixExportReader.Policy::name).toList());
        CitrixExportReader.Policy baseline = policies.get(0);
        assertEquals(21, baseline.settings().size());
        assertEquals(1, baseline.priority());
        assertTrue(baseline.setting("VirtualLoopbackSupport").isEmpty());
        CitrixExportReader.Setting formats = baseline.setting("ClientClipboardWriteAllowedFormats").orElseThrow();
        assertEquals(List.of("CF_TEXT", "CF_UNICODETEXT"), formats.values());
        assertEquals(Optional.of("CTXCAM,0;CTXCTL,1;CTXCLIP,2"), baseline.setting("MultiStreamAssignment").orElseThrow().value());
        assertEquals(Optional.of("5000000000"), baseline.setting("IcaListenerTimeout").orElseThrow().value(),
                "a value of a type vipctl does not interpret is kept as text");
        assertEquals("NotConfigured", baseline.setting("AppProtectionPostureCheck").orElseThrow().state());
    }

    @Test
    void findsTheVirtualLoopbackSettingsAmongTwentyOthers() {
        CitrixExportReader.Policy cti = site().policies().get(1);
        assertEquals("Computer", cti.type());
        assertEquals(23, cti.settings().size());
        assertEquals(2, cti.priority());
        assertTrue(cti.enabled(), "Enabled written as the string True");
        assertEquals("", cti.description(), "a Nil description is empty");
        CitrixExportReader.Setting support = cti.setting("VirtualLoopbackSupport").orElseThrow();
        assertEquals("Allowed", support.state());
        assertTrue(support.isEnabled(), "Allowed is Citrix's synonym of Enabled");
        assertEquals("VirtualIP\\VirtualLoopbackSupport", support.path());
        assertEquals(List.of("ctiagent.exe", "C:\\Program Files\\Softphone\\softphone.exe"),
                cti.setting("VirtualLoopbackPrograms").orElseThrow().values());
        assertEquals(List.of(new CitrixExportReader.Filter("Contact Centre", "DesktopGroup", true, "Allow", "Contact Centre"),
                new CitrixExportReader.Filter("ClientIP1", "ClientIP", false, "Deny", "10.0.*.*")), cti.filters());
        CitrixExportReader.Policy user = site().policies().get(2);
        assertEquals("User", user.type());
        assertEquals(1, user.settings().size(), "the User half has its own settings");
        assertTrue(user.filters().isEmpty());
        assertFalse(site().policies().get(3).setting("VirtualLoopbackSupport").orElseThrow().isEnabled());
    }

    @Test
    void readsUtf16WithAByteOrderMarkToo() {
        byte[] utf8 = resource("GroupPolicy.xml");
        byte[] text = new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[text.length + 2];
        utf16[0] = (byte) 0xFF;
        utf16[1] = (byte) 0xFE;
        System.arraycopy(text, 0, utf16, 2, text.length);
        CitrixExportReader.Export e = CitrixExportReader.read(utf16, resource("GroupPolicyConfiguration.xml"),
                resource("GroupPolicyFilter.xml"));
        assertEquals(site(), e);
    }

    @Test
    void problemsNameTheFileAndTheObject() {
        String objs = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";
        byte[] noPriority = (objs + "<Obj RefId=\"0\"><MS><S N=\"PolicyName\">P</S><S N=\"Type\">Computer</S>"
                + "<B N=\"Enabled\">true</B><S N=\"Priority\">high</S></MS></Obj></Objs>").getBytes(StandardCharsets.UTF_8);
        byte[] empty = (objs + "</Objs>").getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(CitrixExportReader.CitrixExportException.class,
                () -> CitrixExportReader.read(noPriority, empty, empty));
        assertEquals("GroupPolicy.xml: object 1 (policy 'P'): Priority is not a whole number", e.getMessage());
        byte[] broken = "<Objs><Obj>".getBytes(StandardCharsets.UTF_8);
        e = assertThrows(CitrixExportReader.CitrixExportException.class,
                () -> CitrixExportReader.read(empty, broken, empty));
        assertTrue(e.getMessage().startsWith("GroupPolicyConfiguration.xml: "), e.getMessage());
        e = assertThrows(CitrixExportReader.CitrixExportException.class,
                () -> CitrixExportReader.read(empty, resource("GroupPolicyConfiguration.xml"), empty));
        assertEquals("GroupPolicyConfiguration.xml: policy 'Site baseline' (Computer) is not in GroupPolicy.xml", e.getMessage());
    }

    @Test
    void anEmptyExportHasNoPolicies() {
        byte[] empty = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\" />"
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(CitrixExportReader.read(empty, empty, empty).policies().isEmpty());
    }
}
