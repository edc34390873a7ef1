package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.format.reg.RegFileWriter;
import org.vipctl.model.Policy;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

/**
 * The .reg files go through a real regedit: wine's {@code regedit /S} imports them into a throwaway
 * prefix, then {@code reg query} (type and shown data) and {@code reg export} (exact bytes) read every
 * value back and compare it with the lowered registry state it came from. Runs when wine is on PATH.
 */
class CompiledRegWineIT {

    /** wine's reg.exe writes to a pipe in the OEM code page. */
    private static final Charset CONSOLE = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;
    private static final Provenance FROM = new Provenance("registry", "wine-test", new Location("wine-test.yaml", 1, 1));

    private static Path prefix;
    /** Why the tests cannot run here, or empty when wine is ready. */
    private static String skip = "";

    @BeforeAll
    static void bootWine() throws Exception {
        if (!onPath("wine")) {
            skip = "wine is not on PATH: the .reg import check is skipped (Debian: apt-get install wine)";
            return;
        }
        prefix = Path.of("target", "wine-prefix").toAbsolutePath();
        deleteTree(prefix);
        // the first run creates the prefix, which takes a while
        PackagedCli.Result boot = wine(List.of("wineboot", "-i"), prefix.getParent(), 600);
        if (boot.code() != 0) {
            skip = "wineboot could not create a prefix in " + prefix + ", so the .reg import check is skipped: " + boot;
        }
    }

    private static void requireWine() {
        assumeTrue(skip.isEmpty(), skip);
    }

    @Test
    void theExamplesImportAndReadBackAsLowered(@TempDir Path tmp) throws Exception {
        requireWine();
        Path examples = PackagedCli.repo().resolve("examples");
        PackagedCli.Result compile = PackagedCli.run("compile", "--emit", "reg", "-o", tmp.toString(), examples.toString());
        assertEquals(0, compile.code(), compile.toString());

        Diagnostics diagnostics = new Diagnostics();
        Compilation compilation = Compilation.load(List.of(examples), Catalog.builtIn(), diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        int files = 0;
        List<RegistryEntry> all = new ArrayList<>();
        for (Policy p : compilation.policies()) {
            RegistryState state = compilation.registry(p, Scope.LOCAL);
            Path reg = tmp.resolve("reg").resolve(p.name().value() + ".reg");
            if (state.isEmpty()) {
                assertFalse(Files.exists(reg), reg + " written for a policy without local values");
                continue;
            }
            assertTrue(Files.isRegularFile(reg), "missing " + reg + "\n" + compile);
            importAndCheck(reg, state.entries());
            files++;
            all.addAll(state.entries());
        }
        assertTrue(files > 0 && all.stream().anyMatch(e -> e.key().view() == View.BIT32),
                "the examples should cover the 32-bit view");
        System.out.println("[wine] examples: imported " + files + " .reg files; read back " + summary(all));
    }

    @Test
    void everyValueFormReadsBackExactly(@TempDir Path tmp) throws Exception {
        requireWine();
        RegKey key = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Vipctl Wine Test\\Values");
        RegKey view32 = new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Vipctl Wine Test\\Only 32");
        byte[] blob = new byte[200];
        IntStream.range(0, blob.length).forEach(i -> blob[i] = (byte) (i * 7));
        List<String> many = IntStream.range(0, 12).mapToObj(i -> "program-" + i + ".exe").toList();
        List<RegistryEntry> entries = List.of(
                set(key, "", new RegValue.Sz("the default value")),
                set(key, "Plain", new RegValue.Sz("hello")),
                set(key, "Empty", new RegValue.Sz("")),
                set(key, "Quote \"and\" back\\slash", new RegValue.Sz("C:\\Program Files\\x \"y\" \\\\server\\share")),
                set(key, "Unicode", new RegValue.Sz("Zürich € 東京")),
                set(key, "Line break", new RegValue.Sz("first\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Injected]\r\n\"x\"=\"y\"")),
                set(key, "Expandable", new RegValue.ExpandSz("%SystemRoot%\\system32;%ProgramData%\\Vipctl\\a rather long tail to wrap")),
                set(key, "Many", new RegValue.MultiSz(many)),
                set(key, "NoItems", new RegValue.MultiSz(List.of())),
                set(key, "Blob", new RegValue.Binary(blob)),
                set(key, "EmptyBlob", new RegValue.Binary(new byte[0])),
                set(key, "Zero", new RegValue.Dword(0)),
                set(key, "AllOnes", RegValue.Dword.ofUnsigned(0xFFFF_FFFFL)),
                set(key, "BigEndian", new RegValue.DwordBigEndian(0x0102_0304)),
                set(key, "Qword", new RegValue.Qword(0x0123_4567_89AB_CDEFL)),
                set(key, "Nothing", new RegValue.None()),
                set(key, "N".repeat(100), new RegValue.MultiSz(List.of("long name", "wraps at once"))),
                new RegistryEntry.Delete(key, "Stale", FROM),
                set(view32, "InView32", new RegValue.Dword(32)),
                RegistryEntry.keyOnly(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Vipctl Wine Test\\Only the key"), FROM));
        Path reg = tmp.resolve("all-forms.reg");
        Files.write(reg, RegFileWriter.write(new RegistryState(Scope.LOCAL, entries), List.of("every form"), true));
        importAndCheck(reg, entries);
        assertTrue(query(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Injected"), View.BIT64).isEmpty(),
                "a line break in a string must not create a key");
        System.out.println("[wine] value forms: read back " + summary(entries));
    }

    private static RegistryEntry set(RegKey key, String name, RegValue value) {
        return new RegistryEntry.Set(key, name, value, FROM);
    }

    /** Pre-creates the values the file deletes, imports it, and checks every entry. */
    private static void importAndCheck(Path reg, List<RegistryEntry> entries) throws Exception {
        for (RegistryEntry e : entries) {
            if (e instanceof RegistryEntry.Delete) {
                List<String> add = new ArrayList<>(List.of("reg", "add", hkey(e.key().canonical()), "/v", e.name(),
                        "/t", "REG_SZ", "/d", "to be deleted", "/f", "/reg:64"));
                PackagedCli.Result r = wine(add, reg.getParent(), 120);
                assertEquals(0, r.code(), "reg add " + e + ": " + r);
                assertNotNull(query(e.key(), View.BIT64).get(e.name().toLowerCase(Locale.ROOT)), "pre-created " + e.name());
            }
        }
        PackagedCli.Result imported = wine(List.of("regedit", "/S", reg.getFileName().toString()), reg.getParent(), 300);
        assertEquals(0, imported.code(), "regedit /S " + reg + ": " + imported);

        Map<RegKey, List<RegistryEntry>> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        for (Map.Entry<RegKey, List<RegistryEntry>> group : byKey.entrySet()) {
            RegKey key = group.getKey();
            Map<String, Shown> shown = query(key, View.BIT64);
            Map<String, Exported> exported = export(key.canonical(), reg.getParent());
            Map<String, Shown> shown32 = key.view() == View.BIT32 ? query(key, View.BIT32) : Map.of();
            for (RegistryEntry e : group.getValue()) {
                if (e.isKeyOnly()) {
                    PackagedCli.Result q = wine(List.of("reg", "query", hkey(key.canonical()), "/reg:64"), prefix.getParent(), 120);
                    assertEquals(0, q.code(), "the key-only section did not create " + hkey(key.canonical()) + ": " + q);
                    assertEquals(Map.of(), shown, "a key made for its own sake holds no value");
                    continue;
                }
                String id = e.name().toLowerCase(Locale.ROOT);
                if (e instanceof RegistryEntry.Delete) {
                    assertFalse(shown.containsKey(id), "still present after import: " + e);
                    assertFalse(exported.containsKey(id), "still exported after import: " + e);
                    continue;
                }
                RegValue v = ((RegistryEntry.Set) e).value();
                Shown s = shown.get(id);
                assertNotNull(s, "reg query does not show '" + e.name() + "' in " + hkey(key.canonical()) + ": " + shown.keySet());
                assertEquals(v.type().name(), s.type(), e.name());
                expectedDisplay(v).ifPresent(d -> assertEquals(d, s.data(), "reg query data of " + e.name()));
                Exported x = exported.get(id);
                assertNotNull(x, "reg export lacks '" + e.name() + "'");
                assertEquals(v.type().code(), x.type(), "type code of " + e.name());
                assertArrayEquals(v.toBytes(), x.data(), "data of " + e.name());
                if (key.view() == View.BIT32) {
                    Shown in32 = shown32.get(id);
                    assertNotNull(in32, e.name() + " is not visible in the 32-bit view (reg query /reg:32)");
                    assertEquals(v.type().name(), in32.type());
                    if (!key.literalPath().equalsIgnoreCase(key.path())) {
                        assertFalse(query(new RegKey(key.hive(), View.BIT64, key.path()), View.BIT64).containsKey(id),
                                e.name() + " leaked into the 64-bit view at " + key.path());
                    }
                }
            }
        }
    }

    /** What {@code reg query} prints as data, where wine prints it faithfully (text only when plain ASCII). */
    private static java.util.Optional<String> expectedDisplay(RegValue v) {
        if (v instanceof RegValue.Sz s) {
            return plain(s.text()) ? java.util.Optional.of(s.text()) : java.util.Optional.empty();
        }
        if (v instanceof RegValue.ExpandSz s) {
            return plain(s.text()) ? java.util.Optional.of(s.text()) : java.util.Optional.empty();
        }
        if (v instanceof RegValue.MultiSz m) {
            return m.items().stream().allMatch(CompiledRegWineIT::plain)
                    ? java.util.Optional.of(String.join("\\0", m.items())) : java.util.Optional.empty();
        }
        if (v instanceof RegValue.Dword d) {
            return java.util.Optional.of("0x" + Integer.toHexString(d.value()));
        }
        if (v instanceof RegValue.Binary || v instanceof RegValue.None) {
            return java.util.Optional.of(HexFormat.of().withUpperCase().formatHex(v.toBytes()));
        }
        // wine 8's reg query shows REG_QWORD as "(null)" and REG_DWORD_BIG_ENDIAN byte-swapped: the export checks them
        return java.util.Optional.empty();
    }

    private static boolean plain(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    record Shown(String type, String data) {
    }

    record Exported(int type, byte[] data) {
    }

    /** Values of one key as {@code reg query} shows them, by lower-case name ("" for the default value). */
    private static Map<String, Shown> query(RegKey key, View through) throws Exception {
        String path = through == View.BIT32 ? hkey(key) : hkey(key.canonical());
        PackagedCli.Result r = wine(List.of("reg", "query", path, through == View.BIT32 ? "/reg:32" : "/reg:64"),
                prefix.getParent(), 120);
        Map<String, Shown> out = new LinkedHashMap<>();
        if (r.code() != 0) {
            return out; // no such key
        }
        for (String line : r.out().split("\r\n")) {
            if (!line.startsWith("    ")) {
                continue;
            }
            String rest = line.substring(4);
            int typeAt = rest.indexOf("    REG_");
            if (typeAt < 0) {
                continue;
            }
            String name = rest.substring(0, typeAt);
            String typeAndData = rest.substring(typeAt + 4);
            int gap = typeAndData.indexOf("    ");
            String type = gap < 0 ? typeAndData : typeAndData.substring(0, gap);
            String data = gap < 0 ? "" : typeAndData.substring(gap + 4);
            out.put(name.equals("(Default)") ? "" : name.toLowerCase(Locale.ROOT), new Shown(type, data));
        }
        return out;
    }

    /** Values of one key (64-bit view, literal path) from {@code reg export}, with exact data bytes. */
    private static Map<String, Exported> export(RegKey key, Path dir) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".reg");
        PackagedCli.Result r = wine(List.of("reg", "export", hkey(key), file.getFileName().toString(), "/y", "/reg:64"), dir, 120);
        assertEquals(0, r.code(), "reg export " + hkey(key) + ": " + r);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_16LE);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Exported> out = new LinkedHashMap<>();
        String section = "[" + key.hive().longName() + "\\" + key.path() + "]";
        boolean inKey = false;
        for (String line : text.replaceAll("\\\\\r\n\\s*", "").split("\r\n")) {
            if (line.startsWith("[")) {
                inKey = line.equalsIgnoreCase(section);
            } else if (inKey && (line.startsWith("\"") || line.startsWith("@="))) {
                int[] end = new int[1];
                String name = line.startsWith("@=") ? "" : unquote(line, end);
                String value = line.substring(line.startsWith("@=") ? 2 : end[0] + 1);
                out.put(name.toLowerCase(Locale.ROOT), parseValue(value));
            }
        }
        return out;
    }

    /** The quoted string at the start of {@code line}; {@code end[0]} is set to the index after it. */
    private static String unquote(String line, int[] end) {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        while (line.charAt(i) != '"') {
            char c = line.charAt(i);
            if (c == '\\') {
                char n = line.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == '0' ? '\0' : n);
            } else {
                sb.append(c);
            }
            i++;
        }
        end[0] = i + 1;
        return sb.toString();
    }

    private static Exported parseValue(String v) {
        if (v.startsWith("\"")) {
            return new Exported(1, new RegValue.Sz(unquote(v, new int[1])).toBytes());
        }
        if (v.startsWith("dword:")) {
            int d = Integer.parseUnsignedInt(v.substring(6), 16);
            return new Exported(4, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(d).array());
        }
        int colon = v.indexOf(':');
        int type = v.startsWith("hex(") ? Integer.parseInt(v.substring(4, v.indexOf(')')), 16) : 3;
        String hex = v.substring(colon + 1);
        return new Exported(type, hex.isEmpty() ? new byte[0] : HexFormat.ofDelimiter(",").parseHex(hex));
    }

    private static String hkey(RegKey key) {
        return key.hive().name() + "\\" + key.path();
    }

    private static String summary(List<RegistryEntry> entries) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (RegistryEntry e : entries) {
            String t = e instanceof RegistryEntry.Set s ? s.value().type().name() : "deleted";
            byType.merge(t, 1, Integer::sum);
        }
        long view32 = entries.stream().filter(e -> e.key().view() == View.BIT32).count();
        return entries.size() + " values " + byType + ", " + view32 + " in the 32-bit view";
    }

    private static PackagedCli.Result wine(List<String> args, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wine"));
        cmd.addAll(args);
        // no Mono/Gecko install prompts, no windows, no debug chatter
        return PackagedCli.exec(cmd, dir, timeoutSeconds, CONSOLE, "WINEPREFIX", prefix.toString(), "WINEDEBUG", "-all",
                "WINEDLLOVERRIDES", "mscoree,mshtml=", "DISPLAY", null, "WAYLAND_DISPLAY", null);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
