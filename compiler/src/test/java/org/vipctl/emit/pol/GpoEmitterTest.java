package org.vipctl.emit.pol;

import org.vipctl.format.pol.LgpoText;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.pol.PolWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.registry.RegValue;

class GpoEmitterTest {

    private static final String VIP = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP";

    private static Path policy(String name) throws Exception {
        return Path.of(GpoEmitterTest.class.getResource(name).toURI());
    }

    private static Diagnostics run(String policy, Map<String, String> options, OutputFiles out, Emitter... emitters) throws Exception {
        Diagnostics d = new Diagnostics();
        Compilation c = Compilation.load(List.of(policy(policy)), Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), d.sorted().toString());
        EmitContext ctx = new EmitContext(c, options, d);
        for (Emitter e : emitters) {
            e.emit(ctx, out);
        }
        return d;
    }

    @Test
    void polWritesRegistryPolAndGpoAddsGptIniOnceWhenBothAreAsked() throws Exception {
        OutputFiles polOnly = new OutputFiles();
        run("farm-v1.yaml", Map.of(), polOnly, new PolEmitter());
        assertEquals(Set.of("gpo/Machine/Registry.pol"), polOnly.files().keySet());

        OutputFiles both = new OutputFiles();
        run("farm-v1.yaml", Map.of(), both, new PolEmitter(), new GpoEmitter());
        assertEquals(Set.of("gpo/Machine/Registry.pol", "gpo/GPT.INI"), both.files().keySet());
        OutputFiles other = new OutputFiles();
        run("farm-v1.yaml", Map.of(), other, new GpoEmitter(), new PolEmitter());
        assertArrayEquals(both.files().get("gpo/Machine/Registry.pol"), other.files().get("gpo/Machine/Registry.pol"),
                "same policies, same bytes");

        assertEquals("[General]\r\nVersion=1\r\ngPCMachineExtensionNames=[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"
                + "{D02B1F72-3407-48AE-BA88-E8213C6761F1}]\r\n", new String(both.files().get("gpo/GPT.INI"), StandardCharsets.US_ASCII));
    }

    @Test
    void registryPolHoldsThePolicyScopeValuesWithLiteralPaths() throws Exception {
        OutputFiles out = new OutputFiles();
        run("farm-v1.yaml", Map.of(), out, new PolEmitter());
        List<PolRecord> records = PolReader.read(out.files().get("gpo/Machine/Registry.pol")).records();
        Map<String, String> actions = records.stream().collect(Collectors.toMap(
                r -> r.key() + "\\" + LgpoText.valueName(r), LgpoText::action));
        assertEquals("DWORD:1", actions.get(VIP + "\\EnableVirtualIP"));
        assertEquals("DWORD:1", actions.get(VIP + "\\VirtualMode"));
        assertEquals("MULTISZ:app.exe\\0agent.exe", actions.get(VIP + "\\PerApp"));
        assertEquals("SZ:192.0.2.10/24", actions.get(VIP + "\\VIPAdapter"));
        assertEquals("MULTISZ:agent.exe", actions.get("SOFTWARE\\Wow6432Node\\Citrix\\VIP\\PreferLoopbackProcesses"));
        assertEquals("DWORD:9000", actions.get("SOFTWARE\\Contoso\\App\\Port"));
        assertEquals("DELETE", actions.get("SOFTWARE\\Contoso\\App\\Old"));
        PolRecord.DeleteValue del = (PolRecord.DeleteValue) records.stream()
                .filter(r -> r instanceof PolRecord.DeleteValue).findFirst().orElseThrow();
        assertEquals("**del.Old", del.raw().name());
    }

    @Test
    void gpoDirIsUpdatedInPlaceIdempotentlyAndOnlyTheComputerVersionMoves(@TempDir Path gpo) throws Exception {
        Files.createDirectories(gpo.resolve("Machine"));
        PolRecord foreign = PolRecord.value("SOFTWARE\\Policies\\Microsoft\\Windows\\System", "EnableSmartScreen", new RegValue.Dword(0));
        PolRecord staleOwned = PolRecord.value(VIP, "VirtualMode", new RegValue.Dword(0));
        Files.write(gpo.resolve("Machine/Registry.pol"), PolWriter.write(List.of(foreign, staleOwned)));
        Files.writeString(gpo.resolve("GPT.INI"), "[General]\r\nVersion=458759\r\ndisplayName=VDA farm\r\n");
        Map<String, String> opts = Map.of("gpo-dir", gpo.toString());

        OutputFiles out = new OutputFiles();
        Diagnostics d = run("farm-v1.yaml", opts, out, new PolEmitter(), new GpoEmitter());
        assertTrue(out.isEmpty(), "nothing goes to OUT/gpo with --gpo-dir");
        assertEquals(1, notes(d).size(), "pol and gpo together update the folder once: " + notes(d));
        assertTrue(notes(d).get(0).contains("computer version 7 -> 8"), notes(d).toString());
        String ini = Files.readString(gpo.resolve("GPT.INI"));
        assertTrue(ini.startsWith("[General]\r\nVersion=458760\r\ndisplayName=VDA farm\r\ngPCMachineExtensionNames=[{35378EAC"), ini);
        List<PolRecord> records = PolReader.read(gpo.resolve("Machine/Registry.pol")).records();
        assertEquals(foreign, records.get(0), "a record vipctl does not own is kept");
        assertFalse(records.contains(staleOwned), "an owned record is replaced");
        byte[] pol = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));

        Diagnostics again = run("farm-v1.yaml", opts, new OutputFiles(), new GpoEmitter());
        assertTrue(notes(again).get(0).contains("already up to date"));
        assertArrayEquals(pol, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")));
        assertEquals(ini, Files.readString(gpo.resolve("GPT.INI")));

        run("farm-v2.yaml", opts, new OutputFiles(), new GpoEmitter());
        String bumped = Files.readString(gpo.resolve("GPT.INI"));
        assertTrue(bumped.contains("Version=" + ((7L << 16) | 9) + "\r\n"), "user half 7 kept, computer 8 -> 9: " + bumped);
        assertEquals(foreign, PolReader.read(gpo.resolve("Machine/Registry.pol")).records().get(0));
    }

    @Test
    void unreadableGpoDirIsAnErrorDiagnostic(@TempDir Path tmp) throws Exception {
        Diagnostics d = run("farm-v1.yaml", Map.of("gpo-dir", tmp.resolve("missing").toString()), new OutputFiles(), new GpoEmitter());
        assertTrue(d.hasErrors());
        Diagnostic e = d.sorted().get(0);
        assertEquals(Rule.GPO_FOLDER.id(), e.ruleId());
        assertTrue(e.message().contains("does not exist"), e.message());
    }

    private static List<String> notes(Diagnostics d) {
        return d.sorted().stream().filter(x -> x.ruleId().equals(Rule.GPO_FOLDER_UPDATED.id())).map(Diagnostic::message).toList();
    }
}
