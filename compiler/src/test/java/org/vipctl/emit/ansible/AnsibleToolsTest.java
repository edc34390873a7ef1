package org.vipctl.emit.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.emit.EmitFixtures;
import org.vipctl.emit.OutputFiles;

/**
 * The role as Ansible's own tools see it: {@code ansible-playbook --syntax-check}, {@code ansible-lint}
 * (production profile) and the argument spec of {@code ansible.windows.win_regedit} from
 * {@code ansible-doc}. Each check skips when its tool is not installed (Debian: apt-get install
 * ansible ansible-lint).
 */
class AnsibleToolsTest {

    record Run(int code, String out) {
    }

    private static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Run run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible-tmp").toString());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Path written(Path tmp) throws Exception {
        OutputFiles out = EmitFixtures.emit(new AnsibleEmitter(), EmitFixtures.allTypes());
        out.writeTo(tmp);
        return tmp.resolve("ansible");
    }

    @Test
    void syntaxCheckPasses(@TempDir Path tmp) throws Exception {
        assumeTrue(installed("ansible-playbook"), "ansible-playbook not installed (apt-get install ansible); syntax check skipped");
        Path dir = written(tmp);
        Run r = run(dir, "ansible-playbook", "--syntax-check", "-i", "localhost,", "vipctl.yml");
        assertEquals(0, r.code(), r.out());
    }

    @Test
    void ansibleLintPassesTheProductionProfile(@TempDir Path tmp) throws Exception {
        assumeTrue(installed("ansible-lint"), "ansible-lint not installed (apt-get install ansible-lint); lint skipped");
        Path dir = written(tmp);
        Run r = run(dir, "ansible-lint", "--offline", "--profile", "production", "vipctl.yml");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("Passed"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTaskUsesOnlyOptionsAndChoicesOfWinRegedit(@TempDir Path tmp) throws Exception {
        assumeTrue(installed("ansible-doc"), "ansible-doc not installed (apt-get install ansible); argument check skipped");
        Run doc = run(tmp, "ansible-doc", "-j", "ansible.windows.win_regedit");
        assumeTrue(doc.code() == 0, "the ansible.windows collection is not installed: " + doc.out());
        JsonNode options = new ObjectMapper().readTree(doc.out().substring(doc.out().indexOf('{')))
                .path("ansible.windows.win_regedit").path("doc").path("options");
        assertTrue(options.isObject() && options.size() > 3, doc.out());
        List<Map<String, Object>> tasks = AnsibleEmitterTest.load(Files.readAllBytes(written(tmp).resolve("roles/vipctl/tasks/main.yml")));
        List<Map<String, Object>> all = new ArrayList<>();
        tasks.stream().filter(t -> t.containsKey("block")).forEach(t -> all.addAll((List<Map<String, Object>>) t.get("block")));
        assertTrue(all.size() > 10);
        for (Map<String, Object> t : all) {
            Map<String, Object> args = (Map<String, Object>) t.get("ansible.windows.win_regedit");
            for (Map.Entry<String, Object> a : args.entrySet()) {
                JsonNode option = options.path(a.getKey());
                assertTrue(option.isObject(), "win_regedit has no option '" + a.getKey() + "'");
                if (option.has("choices")) {
                    List<String> choices = new ArrayList<>();
                    option.path("choices").forEach(c -> choices.add(c.asText()));
                    assertTrue(choices.contains(String.valueOf(a.getValue())), a + " not in " + choices);
                }
            }
        }
    }
}
