package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-check of the regfile target against a real registry implementation: Wine's regedit imports
 * the state file vipctl wrote, {@code reg query} reads the values back (the Citrix key through the
 * 32-bit view), and the files Wine's regedit exports are a target vipctl plans against with no
 * changes. Skips when Wine is not installed.
 */
class WineRegFileIT {

    @TempDir
    Path tmp;

    private Path prefix;

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    private String run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd + "\n" + out);
        return out;
    }

    private Map<String, String> wineEnv() {
        return Map.of("WINEPREFIX", prefix.toString(), "WINEDEBUG", "-all", "WINEDLLOVERRIDES", "mscoree,mshtml=");
    }

    private String wine(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wine"));
        cmd.addAll(List.of(args));
        return run(cmd, wineEnv());
    }

    private String vipctl(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("vipctl.jar", "");
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(jar)), "packaged jar not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    private static String winPath(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    @AfterEach
    void stopWineServer() throws Exception {
        if (prefix != null && onPath("wineserver")) {
            ProcessBuilder pb = new ProcessBuilder("wineserver", "-k");
            pb.environment().putAll(wineEnv());
            pb.start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void wineImportsTheStateFileAndVipctlReadsWhatWineExports() throws Exception {
        Assumptions.assumeTrue(onPath("wine"), "wine not installed: cross-check skipped");
        prefix = tmp.resolve("wineprefix");
        Path examples = Path.of(System.getProperty("vipctl.repo", ".")).resolve("examples").toAbsolutePath();
        Path state = tmp.resolve("state.reg");
        vipctl("apply", "--yes", "--target=regfile:" + state, "--state-dir=" + tmp.resolve("backups"), examples.toString());

        wine("regedit", "/S", winPath(state));
        String vip = wine("reg", "query", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP");
        assertTrue(vip.contains("VirtualizeLoopbackAdresses    REG_DWORD    0x1"), vip);
        assertTrue(vip.contains("PerApp    REG_MULTI_SZ    crm.exe\\0crmsync.exe\\0ctiagent.exe\\0softphone.exe"), vip);
        String citrix = wine("reg", "query", "HKLM\\SOFTWARE\\Citrix\\VIP", "/reg:32");
        assertTrue(citrix.contains("PreferLoopbackProcesses    REG_MULTI_SZ    softphone.exe"), citrix);
        String crm = wine("reg", "query", "HKLM\\SOFTWARE\\Contoso\\Crm");
        assertTrue(crm.contains("DataDir    REG_EXPAND_SZ    %ProgramData%\\Contoso\\Crm"), crm);

        List<String> keys = List.of("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP",
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Citrix\\VIP", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Crm");
        StringBuilder merged = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            Path export = tmp.resolve("export" + i + ".reg");
            wine("regedit", "/E", winPath(export), keys.get(i));
            byte[] b = Files.readAllBytes(export);
            String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
            merged.append(i == 0 ? text : text.substring(text.indexOf("\r\n")));
        }
        Path exported = tmp.resolve("exported.reg");
        Files.write(exported, ("\uFEFF" + merged).getBytes(StandardCharsets.UTF_16LE));
        String plan = vipctl("plan", "--detailed-exitcode", "--target=regfile:" + exported, examples.toString());
        assertTrue(plan.contains(" 0 to create, 0 to update, 0 to delete,"), plan);
    }
}
