package org.vipctl.emit.gpobackup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.pol.PolFile;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The compiled backup next to real GPMC backups (../shared/reference/gpo-backups, see its
 * SOURCES.txt), field by field: the same files in the same places, the same elements in the same
 * order, the same attributes, CDATA where GPMC writes CDATA, the same encodings. Values that
 * belong to one domain (GUIDs, names, times, SIDs) are compared by form, not by value.
 */
class RealBackupComparisonTest {

    private static Map<String, byte[]> ours;
    private static String ourId;

    static Path references() {
        return Path.of(System.getProperty("vipctl.repo", ".")).resolve("../shared/reference/gpo-backups");
    }

    /** Every backup folder below the reference sets: {@code <set>/{BackupId}}. */
    static Stream<Path> realBackups() throws IOException {
        Path root = references();
        if (!Files.isDirectory(root)) {
            return Stream.of(Path.of("(reference backups not found beside the repository: ../shared)"));
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> sets = Files.list(root)) {
            for (Path set : sets.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> b = Files.list(set)) {
                    b.filter(p -> Files.isRegularFile(p.resolve("bkupInfo.xml"))).sorted().forEach(out::add);
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void compile() throws Exception {
        OutputFiles out = GpoBackupEmitterTest.emit(GpoBackupEmitterTest.compile("rds-farm.yaml"));
        ours = out.files();
        ourId = ours.keySet().stream().filter(k -> k.endsWith("/Backup.xml")).findFirst().orElseThrow().split("/")[1];
    }

    private static byte[] our(String file) {
        return ours.get("gpo-backup/" + (file.equals("manifest.xml") ? "" : ourId + "/") + file);
    }

    private static void assumeReal(Path real) {
        assumeTrue(Files.isDirectory(real), "reference GPMC backups not found beside the repository (../shared): " + real);
    }

    @ParameterizedTest
    @MethodSource("realBackups")
    void sameFilesInTheSamePlaces(Path real) throws Exception {
        assumeReal(real);
        for (String f : List.of("Backup.xml", "bkupInfo.xml", "gpreport.xml", "DomainSysvol/GPO/Machine/registry.pol")) {
            assertTrue(Files.isRegularFile(real.resolve(f)), "real backup has " + f);
            assertTrue(our(f) != null, "compiled backup has " + f);
        }
        assertTrue(Files.isRegularFile(real.getParent().resolve("manifest.xml")));
        assertTrue(our("manifest.xml") != null);
        Element realInfo = Dom.parse(Files.readAllBytes(real.resolve("bkupInfo.xml")));
        assertEquals(real.getFileName().toString(), Dom.child(realInfo, "ID").getTextContent(), "real: folder = backup id");
        Element ourInfo = Dom.parse(our("bkupInfo.xml"));
        assertEquals(ourId, Dom.child(ourInfo, "ID").getTextContent(), "ours: folder = backup id");
    }

    @ParameterizedTest
    @MethodSource("realBackups")
    void bkupInfoHasTheSameFieldsInOrderAllInCdata(Path real) throws Exception {
        assumeReal(real);
        byte[] realBytes = Files.readAllBytes(real.resolve("bkupInfo.xml"));
        Element r = Dom.parse(realBytes);
        Element o = Dom.parse(our("bkupInfo.xml"));
        assertEquals(r.getNamespaceURI(), o.getNamespaceURI());
        assertEquals(r.getLocalName(), o.getLocalName());
        assertEquals(Dom.childNames(r), Dom.childNames(o));
        assertEquals(List.of("GPOGuid", "GPODomain", "GPODomainGuid", "GPODomainController", "BackupTime", "ID", "Comment",
                "GPODisplayName"), Dom.childNames(o));
        for (Element e : List.of(r, o)) {
            for (Element c : Dom.children(e)) {
                assertTrue(c.getFirstChild() != null && c.getFirstChild().getNodeType() == Node.CDATA_SECTION_NODE
                        && c.getChildNodes().getLength() == 1, c.getLocalName() + " holds one CDATA section");
            }
            sameForms(r, o, "BackupTime", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
            sameForms(r, o, "GPOGuid", "\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\\}");
            sameForms(r, o, "ID", "\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\\}");
            sameForms(r, o, "GPODomainGuid", "\\{[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\}");
        }
        String realText = new String(realBytes, StandardCharsets.UTF_8);
        String ourText = new String(our("bkupInfo.xml"), StandardCharsets.UTF_8);
        for (String t : List.of(realText, ourText)) {
            assertTrue(t.startsWith("<BackupInst xmlns=\""), "no XML declaration, no byte order mark");
            assertEquals(1, t.lines().count(), "one line");
        }
    }

    @ParameterizedTest
    @MethodSource("realBackups")
    void manifestListsTheBackupWithTheSameFields(Path real) throws Exception {
        assumeReal(real);
        byte[] realBytes = Files.readAllBytes(real.getParent().resolve("manifest.xml"));
        Element r = Dom.parse(realBytes);
        Element o = Dom.parse(our("manifest.xml"));
        assertEquals(r.getNamespaceURI(), o.getNamespaceURI());
        assertEquals("Backups", o.getLocalName());
        assertEquals(r.getAttributeNS(BackupInfoXml.NS, "version"), o.getAttributeNS(BackupInfoXml.NS, "version"));
        Element realInst = Dom.children(r).stream()
                .filter(i -> Dom.child(i, "ID").getTextContent().equals(real.getFileName().toString())).findFirst().orElseThrow();
        assertEquals(Dom.childNames(realInst), Dom.childNames(Dom.children(o).get(0)));
        assertEquals(ourId, Dom.child(Dom.children(o).get(0), "ID").getTextContent());
        String realText = new String(realBytes, StandardCharsets.UTF_8);
        String ourText = new String(our("manifest.xml"), StandardCharsets.UTF_8);
        assertEquals(realText.substring(0, realText.indexOf("<BackupInst>")), ourText.substring(0, ourText.indexOf("<BackupInst>")),
                "the same root element, namespaces and version, no declaration");
        assertFalse(ourText.contains("\n") || realText.contains("\n"), "one line, no line break at the end");
    }

    @ParameterizedTest
    @MethodSource("realBackups")
    void backupXmlHasTheSameStructure(Path real) throws Exception {
        assumeReal(real);
        byte[] realBytes = Files.readAllBytes(real.resolve("Backup.xml"));
        String prolog = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
        assertTrue(new String(realBytes, StandardCharsets.UTF_8).startsWith(prolog));
        assertTrue(new String(our("Backup.xml"), StandardCharsets.UTF_8).startsWith(prolog));
        Element r = Dom.parse(realBytes);
        Element o = Dom.parse(our("Backup.xml"));
        assertEquals(BackupXml.NS, r.getNamespaceURI());
        assertEquals(r.getNamespaceURI(), o.getNamespaceURI());
        assertEquals(r.getLocalName(), o.getLocalName());
        for (String a : List.of("version", "type")) {
            assertEquals(r.getAttributeNS(BackupXml.NS, a), o.getAttributeNS(BackupXml.NS, a), "bkp:" + a);
        }
        Element rg = Dom.child(r, "GroupPolicyObject");
        Element og = Dom.child(o, "GroupPolicyObject");
        assertSubsequence(Dom.childNames(rg), Dom.childNames(og));
        assertEquals(List.of("SecurityGroups", "FilePaths", "GroupPolicyCoreSettings", "GroupPolicyExtension"), Dom.childNames(og));

        Element rc = Dom.child(rg, "GroupPolicyCoreSettings");
        Element oc = Dom.child(og, "GroupPolicyCoreSettings");
        assertEquals(Dom.childNames(rc), Dom.childNames(oc));
        for (Element c : List.of(rc, oc)) {
            String v = Dom.child(c, "MachineVersionNumber").getTextContent();
            long n = Long.parseLong(v);
            assertEquals(n >>> 16, n & 0xFFFF, "directory and SYSVOL halves of MachineVersionNumber agree: " + v);
            assertTrue(Dom.child(c, "SecurityDescriptor").getTextContent().matches("[0-9a-f]{2}( [0-9a-f]{2})*"));
            assertEquals(Dom.child(c, "ID").getTextContent().toUpperCase(Locale.ROOT), Dom.child(c, "ID").getTextContent());
        }
        assertEquals(withoutDomainEntries(Dom.child(rc, "SecurityDescriptor").getTextContent()),
                Dom.child(oc, "SecurityDescriptor").getTextContent(),
                "the real default DACL without the entries of domain groups is what a compiled backup holds");

        Element rr = registryExtension(rg);
        Element or = registryExtension(og);
        assertEquals(rr.getAttributeNS(BackupXml.NS, "DescName"), or.getAttributeNS(BackupXml.NS, "DescName"));
        Element rm = machinePol(rr);
        Element om = machinePol(or);
        assertEquals(attributeNames(rm), attributeNames(om));
        for (String a : List.of("Path", "Location")) {
            assertEquals(rm.getAttributeNS(BackupXml.NS, a), om.getAttributeNS(BackupXml.NS, a), "bkp:" + a);
        }
        assertEquals("DomainSysvol\\GPO\\Machine\\registry.pol", om.getAttributeNS(BackupXml.NS, "Location"));
        for (Element[] pair : List.of(new Element[] {rm, rc}, new Element[] {om, oc})) {
            String expanded = pair[0].getAttributeNS(BackupXml.NS, "SourceExpandedPath");
            String gpo = Dom.child(pair[1], "ID").getTextContent();
            assertTrue(expanded.toLowerCase(Locale.ROOT).matches("\\\\\\\\[^\\\\]+\\\\sysvol\\\\[^\\\\]+\\\\policies\\\\"
                    + java.util.regex.Pattern.quote(gpo.toLowerCase(Locale.ROOT)) + "\\\\machine\\\\registry\\.pol"), expanded);
        }
    }

    @ParameterizedTest
    @MethodSource("realBackups")
    void gpreportHasTheSameShapeAndEncoding(Path real) throws Exception {
        assumeReal(real);
        byte[] realBytes = Files.readAllBytes(real.resolve("gpreport.xml"));
        for (byte[] b : List.of(realBytes, our("gpreport.xml"))) {
            assertEquals((byte) 0xFF, b[0]);
            assertEquals((byte) 0xFE, b[1]);
            String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
            assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<GPO "), "UTF-16LE, declared utf-16");
            assertFalse(text.endsWith("\n"), "no line break after </GPO>");
        }
        Element r = Dom.parse(realBytes);
        Element o = Dom.parse(our("gpreport.xml"));
        assertEquals(GpReportXml.NS, r.getNamespaceURI());
        assertEquals(r.getNamespaceURI(), o.getNamespaceURI());
        assertSubsequence(Dom.childNames(r), Dom.childNames(o));
        assertEquals(Dom.childNames(Dom.child(r, "Identifier")), Dom.childNames(Dom.child(o, "Identifier")));
        for (Element id : Dom.children(Dom.child(o, "Identifier"))) {
            assertEquals(GpReportXml.TYPES, id.getNamespaceURI());
        }
        for (String half : List.of("Computer", "User")) {
            List<String> realNames = Dom.childNames(Dom.child(r, half));
            List<String> ourNames = Dom.childNames(Dom.child(o, half));
            assertEquals(realNames.subList(0, 3), ourNames.subList(0, 3), half);
        }
        List<Element> realSettings = Dom.descendants(r, "RegistrySetting");
        List<Element> ourSettings = Dom.descendants(o, "RegistrySetting");
        assertFalse(ourSettings.isEmpty());
        Set<List<String>> realShapes = new HashSet<>();
        realSettings.forEach(s -> realShapes.add(Dom.childNames(s)));
        for (Element s : ourSettings) {
            assertEquals(GpReportXml.REGISTRY, s.getNamespaceURI());
            if (!realShapes.isEmpty()) {
                assertTrue(realShapes.contains(Dom.childNames(s)), "shape " + Dom.childNames(s) + " occurs in the real report: " + realShapes);
            }
            for (Element v : Dom.descendants(s, "Value")) {
                assertEquals(List.of("Name", "Number"), Dom.childNames(v));
            }
        }
        for (Element s : realSettings) {
            for (Element v : Dom.descendants(s, "Value")) {
                assertEquals(List.of("Name", "Number"), Dom.childNames(v), "the real reports' value form");
            }
        }
        Element ourBackup = Dom.parse(our("Backup.xml"));
        long machine = Long.parseLong(Dom.descendants(ourBackup, "MachineVersionNumber").get(0).getTextContent());
        assertEquals(Long.toString(machine >>> 16), Dom.child(Dom.child(o, "Computer"), "VersionDirectory").getTextContent());
        assertEquals(Long.toString(machine & 0xFFFF), Dom.child(Dom.child(o, "Computer"), "VersionSysvol").getTextContent());
    }

    @ParameterizedTest
    @MethodSource("realBackups")
    void emptyHalfRegistryPolIsTheHeaderGpmcWrites(Path real) throws Exception {
        assumeReal(real);
        Path pol = real.resolve("DomainSysvol/GPO/Machine/registry.pol");
        byte[] bytes = Files.readAllBytes(pol);
        assumeTrue(bytes.length == 8, "this backup's computer half has settings");
        GpoBackup empty = new GpoBackup("empty", PolFile.empty(), RegistryState.empty(Scope.POLICY));
        assertArrayEquals(bytes, empty.files().get(empty.backupId() + "/DomainSysvol/GPO/Machine/registry.pol"));
    }

    private static void sameForms(Element real, Element ours, String field, String regex) {
        assertTrue(Dom.child(real, field).getTextContent().matches(regex), "real " + field);
        assertTrue(Dom.child(ours, field).getTextContent().matches(regex), "compiled " + field);
    }

    private static Element registryExtension(Element gpo) {
        return Dom.children(gpo).stream().filter(e -> e.getLocalName().equals("GroupPolicyExtension")
                && e.getAttributeNS(BackupXml.NS, "ID").equals("{35378EAC-683F-11D2-A89A-00C04FBBCFA2}")).findFirst().orElseThrow();
    }

    private static Element machinePol(Element extension) {
        return Dom.children(extension).stream()
                .filter(e -> e.getAttributeNS(BackupXml.NS, "Path").equals("%GPO_MACH_FSPATH%\\registry.pol")).findFirst().orElseThrow();
    }

    private static Set<String> attributeNames(Element e) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            names.add(e.getAttributes().item(i).getNodeName());
        }
        return names;
    }

    private static void assertSubsequence(List<String> real, List<String> ours) {
        int at = 0;
        for (String name : ours) {
            while (at < real.size() && !real.get(at).equals(name)) {
                at++;
            }
            assertTrue(at < real.size(), "<" + name + "> of " + ours + " in the order of the real " + real);
        }
    }

    /** A self-relative descriptor (owner, group and SACL absent) with every ACE naming an S-1-5-21 domain SID removed. */
    private static String withoutDomainEntries(String hex) {
        byte[] sd = HexFormat.ofDelimiter(" ").parseHex(hex);
        ByteBuffer b = ByteBuffer.wrap(sd).order(ByteOrder.LITTLE_ENDIAN);
        int daclAt = b.getInt(16);
        int count = b.getShort(daclAt + 4) & 0xFFFF;
        List<byte[]> kept = new ArrayList<>();
        int at = daclAt + 8;
        for (int i = 0; i < count; i++) {
            int size = b.getShort(at + 2) & 0xFFFF;
            byte[] ace = new byte[size];
            b.get(at, ace);
            int sidAt = ace[0] == 5 ? 12 + ((ByteBuffer.wrap(ace).order(ByteOrder.LITTLE_ENDIAN).getInt(8) & 1) * 16)
                    + ((ByteBuffer.wrap(ace).order(ByteOrder.LITTLE_ENDIAN).getInt(8) & 2) * 8) : 8;
            boolean domain = ace[sidAt + 7] == 5 && ByteBuffer.wrap(ace).order(ByteOrder.LITTLE_ENDIAN).getInt(sidAt + 8) == 21;
            if (!domain) {
                kept.add(ace);
            }
            at += size;
        }
        int aclSize = 8 + kept.stream().mapToInt(a -> a.length).sum();
        ByteBuffer out = ByteBuffer.allocate(daclAt + aclSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put(sd, 0, daclAt);
        out.put(sd[daclAt]).put(sd[daclAt + 1]).putShort((short) aclSize).putShort((short) kept.size()).putShort((short) 0);
        kept.forEach(out::put);
        StringBuilder s = new StringBuilder();
        for (byte x : out.array()) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
