package org.vipctl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;

/** Hostile and broken input: every case is one located error, never an exception, never a hang. */
class YamlLoaderTest {

    private final YamlLoader loader = new YamlLoader();

    private Diagnostic onlyError(String yaml) {
        return onlyError(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private Diagnostic onlyError(byte[] bytes) {
        Diagnostics out = new Diagnostics();
        List<SourceDocument> docs = loader.parse("t.yaml", bytes, out);
        assertTrue(docs.isEmpty(), "a broken file yields no documents");
        List<Diagnostic> all = out.sorted();
        assertEquals(1, all.size(), () -> "expected one diagnostic, got " + all);
        Diagnostic d = all.get(0);
        assertTrue(d.isError());
        assertEquals("t.yaml", d.location().file());
        assertFalse(d.message().contains("\n"), "one line: " + d.message());
        assertFalse(d.hint().isEmpty(), "every load error has a hint");
        return d;
    }

    private static void at(Diagnostic d, int line, int column) {
        assertEquals(line + ":" + column, d.location().line() + ":" + d.location().column(), d.message());
    }

    @Test
    void positionsOfKeysAndValuesAreKept() {
        Diagnostics out = new Diagnostics();
        SourceDocument doc = loader.parse("t.yaml", "a:\n  b: [x, 'y']\n  c: {d: 1}\n".getBytes(StandardCharsets.UTF_8), out)
                .get(0);
        assertTrue(out.isEmpty());
        assertEquals("2:3", doc.keyAt("/a/b").line() + ":" + doc.keyAt("/a/b").column());
        assertEquals("2:10", doc.valueAt("/a/b/1").line() + ":" + doc.valueAt("/a/b/1").column());
        assertEquals("3:6", doc.valueAt("/a/c").line() + ":" + doc.valueAt("/a/c").column());
        assertEquals("3:6", doc.valueAt("/a/c/missing").line() + ":" + doc.valueAt("/a/c/missing").column(),
                "an unknown pointer falls back to the nearest enclosing node");
    }

    @Test
    void scalarsFollowTheCoreSchemaWithoutTheNorwayProblem() {
        Diagnostics out = new Diagnostics();
        SourceDocument doc = loader.parse("t.yaml",
                "a: true\nb: no\nc: 0x10\nd: 4294967295\ne: 1.5\nf: ~\ng: '12'\nh: 99999999999999999999\n"
                        .getBytes(StandardCharsets.UTF_8), out).get(0);
        assertTrue(doc.tree().get("a").isBoolean());
        assertTrue(doc.tree().get("b").isTextual(), "yes/no stay text");
        assertEquals(16, doc.tree().get("c").asLong());
        assertEquals(4294967295L, doc.tree().get("d").asLong());
        assertTrue(doc.tree().get("e").isNumber());
        assertTrue(doc.tree().get("f").isNull());
        assertTrue(doc.tree().get("g").isTextual());
        assertTrue(doc.tree().get("h").isBigInteger());
    }

    @Test
    void localTagsConstructNothing() {
        Diagnostics out = new Diagnostics();
        SourceDocument doc = loader.parse("t.yaml", "a: !thing [x]\nb: !!binary aGk=\n"
                .getBytes(StandardCharsets.UTF_8), out).get(0);
        assertTrue(out.isEmpty(), out.sorted()::toString);
        assertTrue(doc.tree().get("a").isArray());
        assertEquals("aGk=", doc.tree().get("b").asText());
    }

    @Test
    void globalClassTagsAreALocatedError() {
        Diagnostic d = onlyError("a: 1\nb: !!javax.script.ScriptEngineManager [x]\n");
        assertEquals(Rule.SYNTAX.id(), d.ruleId());
        at(d, 2, 4);
    }

    @Test
    void malformedYaml() {
        Diagnostic d = onlyError("apiVersion: vipctl/v1\nmetadata: {name: [x\n");
        assertEquals(Rule.SYNTAX.id(), d.ruleId());
        assertTrue(d.message().startsWith("YAML syntax:"), d.message());
        assertEquals(3, d.location().line());
    }

    @Test
    void tabsForIndentation() {
        Diagnostic d = onlyError("metadata:\n\tname: x\n");
        assertEquals(Rule.SYNTAX.id(), d.ruleId());
        at(d, 2, 1);
        assertTrue(d.message().contains("TAB"), d.message());
        assertTrue(d.hint().contains("indent with spaces"), d.hint());
    }

    @Test
    void duplicateKeysAreAllReportedWithTheFirstPlace() {
        Diagnostics out = new Diagnostics();
        loader.parse("t.yaml", "a: 1\nb: {c: 1, c: 2}\na: 3\n".getBytes(StandardCharsets.UTF_8), out);
        List<Diagnostic> all = out.sorted();
        assertEquals(2, all.size(), all::toString);
        assertEquals(Rule.DUPLICATE_KEY.id(), all.get(0).ruleId());
        at(all.get(0), 2, 11);
        assertEquals("duplicate key 'c'", all.get(0).message());
        assertEquals(2, all.get(0).related().get(0).line());
        assertEquals(5, all.get(0).related().get(0).column());
        at(all.get(1), 3, 1);
        assertTrue(all.get(1).hint().contains("t.yaml:1:1"), all.get(1).hint());
    }

    @Test
    void billionLaughsStopsAtTheAliasLimit() {
        StringBuilder sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        Diagnostic d = onlyError(sb.toString());
        assertEquals(Rule.LIMIT.id(), d.ruleId());
        assertTrue(d.message().contains("alias bomb"), d.message());
    }

    @Test
    void aSelfReferencingAliasIsRefused() {
        Diagnostic d = onlyError("a: 1\nb: &x [1, *x]\n");
        assertEquals(Rule.LIMIT.id(), d.ruleId());
        assertTrue(d.message().contains("recursive"), d.message());
        at(d, 2, 4);
        assertEquals(Rule.LIMIT.id(), onlyError("m: &m {k: *m}\n").ruleId());
    }

    @Test
    void aliasesCannotBuildDepthThatTheParserNeverSaw() {
        // Each level is shallow in the text, but the aliases stack them past the nesting limit.
        LoadLimits limits = new LoadLimits(LoadLimits.DEFAULT.maxFileBytes(), 50, 5, 10);
        StringBuilder sb = new StringBuilder("l0: &l0 [x]\n");
        for (int i = 1; i < 8; i++) {
            sb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append("]\n");
        }
        Diagnostics out = new Diagnostics();
        new YamlLoader(limits).parse("t.yaml", sb.toString().getBytes(StandardCharsets.UTF_8), out);
        assertEquals(1, out.sorted().size(), out.sorted()::toString);
        assertEquals(Rule.LIMIT.id(), out.sorted().get(0).ruleId());
        assertTrue(out.sorted().get(0).message().contains("deeper than 5"), out.sorted().get(0).message());
    }

    @Test
    void deepNestingIsRefused() {
        Diagnostic d = onlyError("a: " + "[".repeat(500) + "]".repeat(500) + "\n");
        assertEquals(Rule.LIMIT.id(), d.ruleId());
        assertTrue(d.message().contains("nesting"), d.message());
    }

    @Test
    void aTwentyMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(20L * 1024 * 1024);
        }
        Diagnostics out = new Diagnostics();
        assertTrue(loader.load(big, out).isEmpty());
        Diagnostic d = out.sorted().get(0);
        assertEquals(Rule.LIMIT.id(), d.ruleId());
        assertEquals(big.toString(), d.location().file());
        assertTrue(d.message().contains("20,971,520 bytes"), d.message());
        assertTrue(d.message().contains("limited to 2,097,152"), d.message());
    }

    @Test
    void bytesOverTheLimitAreRefusedInMemoryToo() {
        Diagnostic d = onlyError(new byte[(int) LoadLimits.DEFAULT.maxFileBytes() + 1]);
        assertEquals(Rule.LIMIT.id(), d.ruleId());
    }

    @Test
    void binaryGarbage() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[100] = 0;
        Diagnostic d = onlyError(junk);
        assertEquals(Rule.ENCODING.id(), d.ruleId());
        assertTrue(d.location().hasPosition());
    }

    @Test
    void nulByteIsLocated() {
        Diagnostic d = onlyError("a: 1\nbc\0\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Rule.ENCODING.id(), d.ruleId());
        assertEquals("binary data: NUL byte at offset 7", d.message());
        at(d, 2, 3);
    }

    @Test
    void nonUtf8BytesAreLocatedInCharacters() {
        // 'é' in UTF-8 is two bytes; the Latin-1 byte 0xE9 after it is the bad one.
        byte[] head = "name: é".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '\n';
        Diagnostic d = onlyError(bytes);
        assertEquals(Rule.ENCODING.id(), d.ruleId());
        assertTrue(d.message().contains("invalid byte 0xE9 at offset 8"), d.message());
        at(d, 1, 8);
        assertTrue(d.hint().contains("UTF-8"), d.hint());
    }

    @Test
    void utf16FilesAreNamed() {
        byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16LE);
        Diagnostic d = onlyError(bytes);
        assertEquals(Rule.ENCODING.id(), d.ruleId());
        assertTrue(d.message().contains("UTF-16LE"), d.message());
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        Diagnostics out = new Diagnostics();
        List<SourceDocument> docs = loader.parse("t.yaml", "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8), out);
        assertTrue(out.isEmpty());
        assertEquals(1, docs.get(0).tree().get("a").asInt());
    }

    @Test
    void controlCharactersAreLocated() {
        Diagnostic d = onlyError("a: 1\nb: x\u0007y\n");
        assertEquals(Rule.SYNTAX.id(), d.ruleId());
        assertTrue(d.message().contains("U+0007"), d.message());
        at(d, 2, 5);
    }

    @Test
    void emptyAndCommentOnlyFiles() {
        for (String text : new String[] {"", "\n\n", "# nothing here\n"}) {
            Diagnostic d = onlyError(text);
            assertEquals(Rule.EMPTY.id(), d.ruleId());
            assertEquals("file holds no YAML document", d.message());
            at(d, 1, 1);
        }
    }

    @Test
    void nonScalarKeysAreRefused() {
        Diagnostic d = onlyError("? [a, b]\n: 1\n");
        assertEquals(Rule.SYNTAX.id(), d.ruleId());
        assertTrue(d.message().contains("plain names"), d.message());
    }

    @Test
    void tooManyDocuments() {
        Diagnostic d = onlyError("a: 1\n---\n".repeat(LoadLimits.DEFAULT.maxDocuments() + 1));
        assertEquals(Rule.LIMIT.id(), d.ruleId());
        assertTrue(d.message().contains("documents"), d.message());
    }

    @Test
    void everyDocumentOfAFileIsLoaded() {
        Diagnostics out = new Diagnostics();
        List<SourceDocument> docs = loader.parse("t.yaml", "a: 1\n---\nb: 2\n".getBytes(StandardCharsets.UTF_8), out);
        assertEquals(2, docs.size());
        assertEquals(1, docs.get(1).index());
        assertEquals(3, docs.get(1).start().line());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Diagnostics out = new Diagnostics();
        assertTrue(loader.load(dir.resolve("gone.yaml"), out).isEmpty());
        assertEquals(Rule.UNREADABLE.id(), out.sorted().get(0).ruleId());
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[r.nextInt(200)];
            for (int k = 0; k < b.length; k++) {
                // mostly YAML punctuation and letters, so the parser gets far
                String alphabet = "ab: -[]{}&*!|>'\"#\n\t?,%@`~0x";
                b[k] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
            }
            Diagnostics out = new Diagnostics();
            loader.parse("t.yaml", b, out);
            out.sorted().forEach(d -> assertFalse(d.message().contains("\n"), d.message()));
        }
    }

    @Test
    void unpairedSurrogatesFromEscapesAreRefusedAtTheirScalar() {
        Diagnostic lone = onlyError("programs: [crm.exe, \"cti\\uD800.exe\"]\n");
        assertEquals(Rule.ENCODING.id(), lone.ruleId());
        at(lone, 1, 21);
        assertEquals("text holds an unpaired surrogate U+D800 (character 4), which no output can carry", lone.message());

        Diagnostic low = onlyError("a:\n  \"key\\uDC00\": 1\n");
        at(low, 2, 3);
        assertTrue(low.message().contains("U+DC00"), low.message());

    }

    @Test
    void surrogatePairsAndControlEscapesAreText() {
        Diagnostics out = new Diagnostics();
        List<SourceDocument> docs = loader.parse("t.yaml", "a: \"\\uD83D\\uDE00 \\a\\t\"\n".getBytes(StandardCharsets.UTF_8), out);
        assertTrue(out.isEmpty(), () -> out.sorted().toString());
        assertEquals("\uD83D\uDE00 \u0007\t", docs.get(0).tree().get("a").asText(),
                "a pair is one character; writers escape control characters where their format needs it");
    }
}
