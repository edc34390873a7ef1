package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.citrix.CliValue;
import org.vipctl.format.citrix.CliXmlReader;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.reg.RegFile;
import org.vipctl.format.reg.RegFileReader;
import org.vipctl.gpo.GptIni;
import org.vipctl.load.TextCharacters;
import org.vipctl.load.YamlLoader;
import org.vipctl.registry.RegValue;

/**
 * Hostile text in every free-text place of a policy or catalog: text that validate accepts compiles,
 * and every output parses back with the reader of its format (XML parser for ADMX/ADML and CliXml,
 * our readers for .reg and Registry.pol, JSON, RFC 4180 CSV), carrying the text unchanged where the
 * format can; text no output can carry is refused at load with its position.
 */
class HostileStringsPropertyTest {

    /** Where the generated text goes. */
    enum Place {
        DESCRIPTION, RDS_PROGRAM, CITRIX_PROGRAM, CITRIX_NAME, CITRIX_DESCRIPTION, CITRIX_FILTER, POLICY_SET,
        VALUE_NAME, KEY_NAME, SZ_DATA, MULTI_SZ_ITEM, CATALOG_DISPLAY_NAME, CATALOG_EXPLAIN
    }

    private static final String NASTY = "\u0000\u0001\u0007\u0008\t\n\u000b\u000c\r\u001b\u001f\u007f\u0085\u00a0"
            + "\u2028\u2029\ufeff\ufffe\uffff\ud800\udc00\udbff\udfff"
            + "<>&'\";,=+-@[]{}()\\/|*?:%$`#!~^ _.aZ09éß漢Ж";

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> nasty = Arbitraries.strings().withChars(NASTY.toCharArray()).ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> emoji = Arbitraries.of("\ud83d\ude00", "a\ud83d\ude00b", "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)",
                "\tx", "\rx", "]]>", "x\r\ny", "\"quoted\"", "a\\b", "CONTOSO\\Users");
        return Arbitraries.oneOf(nasty, any, printable, emoji);
    }

    @Property(tries = 200)
    void acceptedTextGivesWellFormedOutputsAndRefusedTextIsLocated(@ForAll Place place, @ForAll("texts") String text)
            throws Exception {
        Path dir = Files.createTempDirectory("hostile");
        try {
            Path catalogFile = dir.resolve("catalog.yaml");
            Files.writeString(catalogFile, catalog(place, text), StandardCharsets.UTF_8);
            Diagnostics d = new Diagnostics();
            Catalog catalog = Catalog.withUserFiles(List.of(catalogFile), d);
            byte[] policy = policy(place, text).getBytes(StandardCharsets.UTF_8);
            Compilation c = Compilation.of(new YamlLoader().parse("p.yaml", policy, d), catalog, d);

            boolean inCatalog = place == Place.CATALOG_DISPLAY_NAME || place == Place.CATALOG_EXPLAIN;
            boolean carriable = (inCatalog ? TextCharacters.xmlProblem(text) : TextCharacters.problem(text)).isEmpty();
            Statistics.label("outcome").collect(!carriable ? "refused at load" : d.hasErrors() ? "refused by a rule" : "compiled");
            if (!carriable) {
                assertTrue(d.hasErrors(), () -> "text no output can carry is refused: " + escaped(text));
                Diagnostic e = d.sorted().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
                assertTrue(e.location().line() > 0, () -> "located: " + e);
                return;
            }
            if (d.hasErrors()) {
                for (Diagnostic e : d.sorted()) {
                    String shown = org.vipctl.diagnostic.Renderer.text(List.of(e));
                    assertTrue(shown.lines().count() <= 2 && !shown.contains("Exception"), () -> "one located line: " + shown);
                }
                return;
            }
            OutputFiles files = new OutputFiles();
            EmitContext context = new EmitContext(c, d);
            for (Emitter e : Emitters.all().values()) {
                e.emit(context, files);
            }
            if (inCatalog) {
                // the ADMX writer checks template text it needs (VIP092): refused there, with the catalog position
                if (d.hasErrors()) {
                    assertTrue(d.sorted().stream().filter(Diagnostic::isError).allMatch(e -> e.ruleId().equals("VIP092")
                            && e.location().file().endsWith("catalog.yaml") && e.location().line() > 0), d.sorted()::toString);
                    return;
                }
            }
            // DSC documents cannot carry control characters: that writer refuses them (VIP051), located in the policy
            if (d.hasErrors() && d.sorted().stream().filter(Diagnostic::isError).allMatch(e -> e.ruleId().equals("VIP051")
                    && e.message().contains("as a DSC configuration") && e.location().line() > 0)) {
                assertTrue(text.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == 0x2028 || ch == 0x2029),
                        () -> "DSC refused " + escaped(text));
                return;
            }
            assertFalse(d.hasErrors(), () -> "validate accepted " + escaped(text) + " in " + place
                    + ", so every writer must: " + d.sorted());
            for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
                parsesBack(f.getKey(), f.getValue(), place, text);
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void parsesBack(String name, byte[] bytes, Place place, String text) throws Exception {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".admx") || lower.endsWith(".adml")) {
            xml(name, bytes);
        } else if (lower.endsWith(".xml") && !lower.startsWith("citrix/")) {
            xml(name, bytes); // a GPMC backup's XML files
        } else if (lower.endsWith(".xml")) {
            xml(name, bytes);
            List<String> strings = new ArrayList<>();
            CliXmlReader.read(bytes).forEach(o -> collect(o, strings));
            if (lower.endsWith("grouppolicy.xml") && (place == Place.CITRIX_NAME || place == Place.CITRIX_DESCRIPTION)) {
                assertTrue(strings.stream().anyMatch(s -> s.contains(text)), () -> name + " carries " + escaped(text));
            }
        } else if (lower.endsWith(".reg")) {
            strict(name, bytes, StandardCharsets.UTF_16LE);
            RegFile reg = RegFileReader.read(name, bytes);
            if (place == Place.VALUE_NAME || place == Place.SZ_DATA || place == Place.KEY_NAME) {
                boolean found = reg.sections().stream().flatMap(s -> s.values().stream())
                        .anyMatch(v -> v.name().equals(place == Place.VALUE_NAME ? text : "V")
                                && v.value().orElseThrow().equals(new RegValue.Sz(place == Place.SZ_DATA ? text : "x")));
                assertTrue(found, () -> name + " holds the value back: " + escaped(text));
            }
        } else if (lower.endsWith(".pol")) {
            PolFile pol = PolReader.read(bytes);
            if (place == Place.MULTI_SZ_ITEM) {
                assertTrue(pol.records().stream().map(PolRecord::raw).anyMatch(r -> r.name().equals("M")), name);
            }
        } else if (lower.endsWith(".json")) {
            JsonNode tree = new ObjectMapper().readTree(strict(name, bytes, StandardCharsets.UTF_8));
            assertTrue(tree.isContainerNode(), name);
        } else if (lower.endsWith(".csv")) {
            List<List<String>> rows = csv(name, strict(name, bytes, StandardCharsets.UTF_8));
            for (List<String> row : rows) {
                assertEquals(5, row.size(), () -> name + ": every record has 5 fields: " + row);
                for (String field : row) {
                    assertFalse(!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0,
                            () -> name + ": a spreadsheet would run " + escaped(field));
                }
            }
        } else if (lower.endsWith("gpt.ini")) {
            GptIni.parse(bytes).version();
        } else {
            strict(name, bytes, StandardCharsets.UTF_8);
        }
    }

    private static void collect(CliValue v, List<String> out) {
        if (v instanceof CliValue.Str s) {
            out.add(s.value());
        } else if (v instanceof CliValue.Obj o) {
            o.members().values().forEach(m -> collect(m, out));
        } else if (v instanceof CliValue.Arr a) {
            a.items().forEach(i -> collect(i, out));
        }
    }

    private static void xml(String name, byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            fail(name + " is not well-formed XML: " + e.getMessage());
        }
    }

    private static String strict(String name, byte[] bytes, Charset cs) {
        int bom = cs == StandardCharsets.UTF_16LE && bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE ? 2 : 0;
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
        } catch (CharacterCodingException e) {
            return fail(name + " is not valid " + cs + ": " + e);
        }
    }

    /** RFC 4180: fields quoted or not, quotes doubled inside, CRLF between records. */
    private static List<List<String>> csv(String name, String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        fail(name + ": unterminated quoted field");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '"' || c == '\r' || c == '\n') {
                return fail(name + ": stray " + escaped(String.valueOf(c)) + " outside a quoted field at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, name + ": ends with CRLF");
        return rows;
    }

    /** YAML double-quoted: every character outside printable ASCII as an escape, so any text can be written. */
    static String dq(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch >= 0x20 && ch < 0x7f) {
                b.append(ch);
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
            }
        }
        return b.append('"').toString();
    }

    private static String escaped(String s) {
        return dq(s);
    }

    private static String policy(Place place, String t) {
        String description = place == Place.DESCRIPTION ? dq(t) : "d";
        String rdsProgram = place == Place.RDS_PROGRAM ? dq(t + ".exe") : "crm.exe";
        String citrixProgram = place == Place.CITRIX_PROGRAM ? dq(t + ".exe") : "cti.exe";
        String citrixName = place == Place.CITRIX_NAME ? dq(t) : "CTI";
        String citrixDescription = place == Place.CITRIX_DESCRIPTION ? dq(t) : "x";
        String filter = place == Place.CITRIX_FILTER ? dq("CONTOSO\\" + t) : "'CONTOSO\\CTI users'";
        String policySet = place == Place.POLICY_SET ? dq(t) : "DefaultSitePolicies";
        String valueName = place == Place.VALUE_NAME ? dq(t) : "V";
        String key = place == Place.KEY_NAME ? dq("HKLM\\SOFTWARE\\" + t) : "'HKLM\\SOFTWARE\\Contoso'";
        String data = place == Place.SZ_DATA ? dq(t) : "x";
        String item = place == Place.MULTI_SZ_ITEM ? dq(t) : "a";
        return "apiVersion: vipctl/v1\n"
                + "kind: VipPolicy\n"
                + "metadata: {name: hostile, description: " + description + "}\n"
                + "targets: {os: [windowsServer2019, windowsServer2022]}\n"
                + "spec:\n"
                + "  rdsIpVirtualization: {enabled: true, mode: perProgram, programs: [" + rdsProgram
                + "], networkAdapter: 192.0.2.96/24, useServerIpWhenUnavailable: false}\n"
                + "  rdsLoopbackVirtualization: {enabled: true}\n"
                + "  citrixVirtualLoopback: {enabled: true, programs: [" + citrixProgram + "]}\n"
                + "  citrixPolicy: {name: " + citrixName + ", description: " + citrixDescription + ", policySet: "
                + policySet + ", filters: [{type: User, value: " + filter + "}]}\n"
                + "  registry:\n"
                + "    - {key: " + key + ", name: " + valueName + ", type: REG_SZ, data: " + data + "}\n"
                + "    - {key: 'HKLM\\SOFTWARE\\Contoso', name: M, type: REG_MULTI_SZ, data: [" + item + ", b]}\n";
    }

    /** The built-in loopback setting again, with the text in its ADML strings. */
    private static String catalog(Place place, String t) {
        String display = place == Place.CATALOG_DISPLAY_NAME ? dq(t) : "Loopback";
        String explain = place == Place.CATALOG_EXPLAIN ? dq(t) : "Explained";
        return "settings:\n"
                + "  - id: rds.loopbackVirtualization.enabled\n"
                + "    vendor: microsoft\n"
                + "    title: Virtualize loopback addresses per session\n"
                + "    source: /spec/rdsLoopbackVirtualization/enabled\n"
                + "    type: REG_DWORD\n"
                + "    map: {\"true\": 1, \"false\": 0}\n"
                + "    supportedOn: windowsServer2012\n"
                + "    policy: {key: 'HKLM\\SOFTWARE\\Contoso\\Loopback', value: VirtualizeLoopbackAdresses}\n"
                + "    local: {key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP',"
                + " value: VirtualizeLoopbackAdresses}\n"
                + "    admx:\n"
                + "      policy: RDS_VirtualizeLoopbackAddresses\n"
                + "      category: RdsLoopbackVirtualization\n"
                + "      supportedOn: SUPPORTED_WindowsServer2012\n"
                + "      text:\n"
                + "        en-US: {displayName: " + display + ", explain: " + explain + "}\n"
                + "        de-DE: {displayName: " + display + ", explain: " + explain + "}\n";
    }
}
