package org.vipctl.emit.ansible;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.diagnostic.Rule;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.GeneratedHeader;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.yaml.YamlWriter;
import org.vipctl.model.Policy;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.Scope;

/**
 * {@code --emit ansible}: a playbook and a role that set the values on Windows servers with
 * {@code ansible.windows.win_regedit}, idempotently and with {@code --check --diff}. The role holds
 * both scopes; {@code vipctl_scope} (default {@code local}, like {@code vipctl apply}) picks one.
 * <pre>
 * ansible/vipctl.yml                          the playbook (hosts: vipctl_hosts, default group vipctl)
 * ansible/roles/vipctl/defaults/main.yml      vipctl_scope, vipctl_reboot
 * ansible/roles/vipctl/tasks/main.yml         one win_regedit task per value and scope
 * ansible/roles/vipctl/handlers/main.yml      what a change that needs a restart triggers
 * </pre>
 */
public final class AnsibleEmitter implements Emitter {

    static final String DIR = "ansible/";
    static final String RESTART_TOPIC = "vipctl restart needed";

    @Override
    public String name() {
        return "ansible";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        List<Policy> policies = context.compilation().policies();
        if (policies.isEmpty()) {
            return;
        }
        List<String> header = GeneratedHeader.lines(policies);
        List<Object> tasks = new ArrayList<>();
        tasks.add(scopeCheck());
        try {
            for (Scope scope : List.of(Scope.LOCAL, Scope.POLICY)) {
                List<Object> block = new ArrayList<>();
                for (RegistryEntry e : context.compilation().registry(scope).entries()) {
                    block.add(RegeditTask.of(e, RegeditTask.restartRequired(context.compilation().catalog(), e)));
                }
                if (block.isEmpty()) {
                    continue;
                }
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("name", "Registry values of the " + scope.label() + " scope");
                b.put("when", "vipctl_scope == '" + scope.label() + "'");
                b.put("block", block);
                tasks.add(b);
            }
        } catch (IllegalArgumentException e) {
            context.diagnostics().add(Rule.REGISTRY_DATA.error(policies.get(0).name().at(),
                    "the policies cannot be written as an Ansible role: " + e.getMessage(),
                    "win_regedit cannot write REG_DWORD_BIG_ENDIAN; use another output for this value"));
            return;
        }
        out.add(DIR + "vipctl.yml", bytes(YamlWriter.write(playbookHeader(header), List.of(play()))));
        out.add(DIR + "roles/vipctl/defaults/main.yml", bytes(YamlWriter.write(header, defaults())));
        out.add(DIR + "roles/vipctl/tasks/main.yml", bytes(YamlWriter.write(header, tasks)));
        out.add(DIR + "roles/vipctl/handlers/main.yml", bytes(YamlWriter.write(header, handlers())));
    }

    private static List<String> playbookHeader(List<String> header) {
        List<String> h = new ArrayList<>(header);
        h.add("");
        h.add("ansible-playbook -i INVENTORY ansible/vipctl.yml --check --diff     # what would change");
        h.add("ansible-playbook -i INVENTORY ansible/vipctl.yml                    # apply");
        h.add("  -e vipctl_scope=policy   the Group Policy keys instead of the servers' own (local) keys");
        h.add("  -e vipctl_reboot=true    restart a server after a change that needs one");
        h.add("  -e vipctl_hosts=GROUP    the inventory group (default: vipctl)");
        return h;
    }

    private static Map<String, Object> play() {
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("name", "Virtual IP and virtual loopback settings");
        play.put("hosts", "{{ vipctl_hosts | default('vipctl') }}");
        play.put("gather_facts", false);
        play.put("roles", List.of(Map.of("role", "vipctl")));
        return play;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("vipctl_scope", "local");
        d.put("vipctl_reboot", false);
        return d;
    }

    private static Map<String, Object> scopeCheck() {
        Map<String, Object> assertion = new LinkedHashMap<>();
        assertion.put("that", List.of("vipctl_scope in ['local', 'policy']"));
        assertion.put("fail_msg", "vipctl_scope must be local or policy");
        assertion.put("quiet", true);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", "Check vipctl_scope");
        t.put("ansible.builtin.assert", assertion);
        return t;
    }

    private static List<Object> handlers() {
        Map<String, Object> reboot = new LinkedHashMap<>();
        reboot.put("name", "Restart the server");
        reboot.put("ansible.windows.win_reboot", Map.of("msg", "vipctl: virtual IP settings changed"));
        reboot.put("when", "vipctl_reboot | bool");
        reboot.put("listen", RESTART_TOPIC);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("name", "Say that a restart is needed");
        note.put("ansible.builtin.debug", Map.of("msg",
                "Virtual IP and loopback settings take effect after a restart (run with -e vipctl_reboot=true to restart)"));
        note.put("when", "not (vipctl_reboot | bool)");
        note.put("listen", RESTART_TOPIC);
        return List.of(reboot, note);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
