package org.vipctl.emit.pol;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.pol.LgpoText;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpoEmitterTest {

    private static final String VIP = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP";

    private static Path policy(String name) throws Exception {
        return Path.of(GpoEmitterTest.class.getResource(name).toURI());
    }

    private static Diagnostics run(String policy, OutputFiles out, Emitter... emitters) throws Exception {
        Diagnostics d = new Diagnostics();
        Compilation c = Compilation.load(List.of(policy(policy)), Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), d.sorted().toString());
        EmitContext ctx = new EmitContext(c, d);
        for (Emitter e : emitters) {
            e.emit(ctx, out);
        }
        return d;
    }

    @Test
    void polWritesRegistryPolAndGpoAddsGptIniOnceWhenBothAreAsked() throws Exception {
        OutputFiles polOnly = new OutputFiles();
        run("farm-v1.yaml", polOnly, new PolEmitter());
        assertEquals(Set.of("gpo/Machine/Registry.pol"), polOnly.files().keySet());

        OutputFiles both = new OutputFiles();
        run("farm-v1.yaml", both, new PolEmitter(), new GpoEmitter());
        assertEquals(Set.of("gpo/Machine/Registry.pol", "gpo/GPT.INI"), both.files().keySet());
        OutputFiles other = new OutputFiles();
        run("farm-v1.yaml", other, new GpoEmitter(), new PolEmitter());
        assertArrayEquals(both.files().get("gpo/Machine/Registry.pol"), other.files().get("gpo/Machine/Registry.pol"),
                "same policies, same bytes");

        assertEquals("[General]\r\nVersion=1\r\ngPCMachineExtensionNames=[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"
                + "{D02B1F72-3407-48AE-BA88-E8213C6761F1}]\r\n", new String(both.files().get("gpo/GPT.INI"), StandardCharsets.US_ASCII));
    }

    @Test
    void registryPolHoldsThePolicyScopeValuesWithLiteralPaths() throws Exception {
        OutputFiles out = new OutputFiles();
        run("farm-v1.yaml", out, new PolEmitter());
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

}
