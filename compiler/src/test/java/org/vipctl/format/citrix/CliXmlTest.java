package org.vipctl.format.citrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CliXmlTest {

    @Test
    void encodesWhatXmlCannotCarryLikePowerShell() {
        assertEquals("a_x000D__x000A_b", CliXmlWriter.encode("a\r\nb"));
        assertEquals("tab_x0009_", CliXmlWriter.encode("tab\t"));
        assertEquals("_x005F_x0041_", CliXmlWriter.encode("_x0041_"), "a literal _x must not decode to 'A'");
        assertEquals("snake_case", CliXmlWriter.encode("snake_case"));
        assertEquals("_xD83D__xDE00_", CliXmlWriter.encode("\uD83D\uDE00"), "each surrogate half is encoded");
        assertEquals("_x0085__x007F_", CliXmlWriter.encode("\u0085\u007F"));
        assertEquals("_xFFFE__xFFFF_", CliXmlWriter.encode("\uFFFE\uFFFF"), "not XML characters either");
        assertEquals("café & <b>", CliXmlWriter.encode("café & <b>"), "XML escaping is a separate step");
    }

    @Test
    void decodeReversesEncode() {
        for (String s : List.of("a\r\nb", "_x0041_", "_X", "x_", "\uD83D\uDE00", "\u0000\u001F", "_x00", "plain")) {
            assertEquals(s, CliXmlReader.decode(CliXmlWriter.encode(s)), s);
        }
    }

    @Test
    void writesPowerShellLayout() {
        CliValue.Obj o = CliValue.Obj.builder().str("Name", "a").bool("On", true).int32("N", -3)
                .put("Nothing", new CliValue.Nil())
                .put("List", new CliValue.Arr(List.of(new CliValue.Str("x"), new CliValue.Str("y"))))
                .build();
        byte[] bytes = CliXmlWriter.toBytes(List.of(o, o), "");
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\r\n"),
                "no XML declaration, root first: " + text.substring(0, 60));
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        assertTrue(text.contains("\r\n  <Obj RefId=\"0\">\r\n    <TN RefId=\"0\">\r\n      <T>System.Management.Automation.PSCustomObject</T>"));
        assertTrue(text.contains("<I32 N=\"N\">-3</I32>"));
        assertTrue(text.contains("<Nil N=\"Nothing\" />"));
        assertTrue(text.contains("<B N=\"On\">true</B>"));
        assertTrue(text.contains("<T>System.Object[]</T>"));
        // the second bag and the second array refer to the type lists written first
        assertEquals(2, count(text, "<TN RefId="), "one type list for bags, one for arrays");
        assertEquals(1, count(text, "<TNRef RefId=\"0\" />"));
        assertEquals(1, count(text, "<TNRef RefId=\"1\" />"));
        assertEquals(List.of(o, o), CliXmlReader.read(bytes));
    }

    @Test
    void refIdsAreUniqueWithinAFile() {
        CliValue.Obj inner = CliValue.Obj.builder().str("State", "Enabled")
                .put("Values", new CliValue.Arr(List.of(new CliValue.Str("a.exe")))).build();
        List<CliValue.Obj> objs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            objs.add(CliValue.Obj.builder().str("PolicyName", "p" + i).put("S1", inner).put("S2", inner).build());
        }
        String text = CliXmlWriter.toText(objs, "");
        Matcher m = Pattern.compile("<Obj[^>]* RefId=\"(\\d+)\"").matcher(text);
        Set<String> seen = new HashSet<>();
        int n = 0;
        while (m.find()) {
            n++;
            assertTrue(seen.add(m.group(1)), "duplicate Obj RefId " + m.group(1));
        }
        assertEquals(5 * (1 + 2 * 2), n, "every bag and array is its own Obj");
    }

    @Test
    void awkwardTextSurvivesTheRoundTrip() {
        List<String> awkward = List.of("Sales & Support", "<tag attr=\"v\">", "it's \"quoted\"", "café ‘x’ € 日本",
                "line1\r\nline2\ttab", "\u0000\u0001\u001F\u007F\u0085", "_x000D_ literally", "emoji \uD83D\uDE00",
                "lone \uD800 surrogate", "]]> end", "  spaces  ", "");
        CliValue.Builder b = CliValue.Obj.builder();
        for (int i = 0; i < awkward.size(); i++) {
            b.str("m" + i + awkward.get(i), awkward.get(i));
        }
        b.put("list", new CliValue.Arr(awkward.stream().<CliValue>map(CliValue.Str::new).toList()));
        CliValue.Obj o = b.build();
        assertEquals(List.of(o), CliXmlReader.read(CliXmlWriter.toBytes(List.of(o), "comment with <markup> & --")));
    }

    @Property(tries = 300)
    void anyObjectRoundTrips(@ForAll("objects") CliValue.Obj o) {
        assertEquals(List.of(o), CliXmlReader.read(CliXmlWriter.toBytes(List.of(o), "")));
    }

    @Provide
    Arbitrary<CliValue.Obj> objects() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<CliValue> leaf = Arbitraries.oneOf(
                text.map(CliValue.Str::new),
                Arbitraries.of(true, false).map(CliValue.Bool::new),
                Arbitraries.integers().map(CliValue.Int32::new),
                Arbitraries.just(new CliValue.Nil()));
        Arbitrary<CliValue> list = text.map(CliValue.Str::new).list().ofMaxSize(4)
                .map(items -> new CliValue.Arr(new ArrayList<CliValue>(items)));
        Arbitrary<CliValue> nested = Arbitraries.maps(text, leaf).ofMaxSize(3).map(m -> {
            CliValue.Builder b = CliValue.Obj.builder();
            m.forEach(b::put);
            return b.build();
        });
        return Arbitraries.maps(text, Arbitraries.oneOf(leaf, list, nested)).ofMaxSize(5).map(m -> {
            CliValue.Builder b = CliValue.Obj.builder();
            m.forEach(b::put);
            return b.build();
        });
    }

    @Test
    void readerRefusesDtdsAndEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Objs [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<Obj RefId=\"0\"><MS><S N=\"a\">&x;</S></MS></Obj></Objs>";
        CliXmlReader.CliXmlException e = assertThrows(CliXmlReader.CliXmlException.class,
                () -> CliXmlReader.read(xxe.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("root:"), "the entity was not resolved");
    }

    @Test
    void readerNamesTheProblem() {
        String bad = "<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n<Obj RefId=\"0\"><MS><B N=\"a\">yes</B></MS></Obj></Objs>";
        CliXmlReader.CliXmlException e = assertThrows(CliXmlReader.CliXmlException.class,
                () -> CliXmlReader.read(bad.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'yes'"), e.getMessage());
        String unknownRef = "<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n<Obj RefId=\"0\"><MS>\n<Ref N=\"a\" RefId=\"7\" /></MS></Obj></Objs>";
        e = assertThrows(CliXmlReader.CliXmlException.class, () -> CliXmlReader.read(unknownRef.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        String notXml = "<Objs><Obj>";
        assertThrows(CliXmlReader.CliXmlException.class, () -> CliXmlReader.read(notXml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readerKeepsWhatItDoesNotInterpretAndFollowsReferences() {
        String xml = """
                <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
                  <Obj RefId="0">
                    <TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>
                    <ToString>policy</ToString>
                    <Props><S N="Adapted">a</S></Props>
                    <MS>
                      <DT N="When">2024-05-01T10:00:00</DT>
                      <I64 N="Big">5000000000</I64>
                      <Obj N="Table" RefId="1"><TN RefId="1"><T>System.Collections.Hashtable</T></TN>
                        <DCT><En><S N="Key">k</S><S N="Value">v</S></En></DCT></Obj>
                      <Obj N="List" RefId="2"><TN RefId="2"><T>System.Object[]</T></TN><LST><S>x_x000A_</S></LST></Obj>
                      <Ref N="Again" RefId="2" />
                    </MS>
                  </Obj>
                </Objs>""";
        CliValue.Obj o = CliXmlReader.read(xml.getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals(new CliValue.Str("a"), o.get("Adapted"), "adapted properties count as members");
        assertEquals(new CliValue.Other("DT", "2024-05-01T10:00:00"), o.get("When"));
        assertEquals(new CliValue.Other("I64", "5000000000"), o.get("Big"));
        assertEquals(new CliValue.Other("System.Collections.Hashtable", ""), o.get("Table"));
        CliValue.Arr list = new CliValue.Arr(List.of(new CliValue.Str("x\n")));
        assertEquals(list, o.get("List"));
        assertEquals(list, o.get("Again"), "a Ref is the object it names");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
