package org.vipctl.emit.citrix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.Compilation;
import org.vipctl.catalog.CitrixSetting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.citrix.CliValue;
import org.vipctl.format.citrix.CliXmlWriter;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;
import org.vipctl.model.Policy;

/**
 * {@code --emit citrix}: every policy that sets Citrix policy settings, in four forms under
 * {@code citrix/}: the {@code Export-CtxGroupPolicy} folder (three CliXml files holding all
 * policies), and per policy the REST API bodies, a Terraform file and an import script; plus a
 * README with the REST calls and the Terraform priority file.
 */
public final class CitrixEmitter implements Emitter {

    static final String DIR = "citrix/";

    @Override
    public String name() {
        return "citrix";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        Compilation c = context.compilation();
        List<CitrixPolicy> policies = new ArrayList<>();
        for (Policy p : c.policies()) {
            CitrixPolicy cp = c.citrix(p);
            if (!cp.isEmpty()) {
                policies.add(cp);
            }
        }
        if (policies.isEmpty()) {
            return;
        }
        unconfirmedNotes(policies, context);
        String comment = cliXmlComment(policies);
        for (Map.Entry<String, List<CliValue.Obj>> f : CitrixExport.objects(policies).entrySet()) {
            out.add(DIR + f.getKey(), CliXmlWriter.toBytes(f.getValue(), comment));
        }
        List<TerraformWriter.Named> named = TerraformWriter.name(policies);
        for (TerraformWriter.Named n : named) {
            String base = n.policy().source().name().value();
            out.add(DIR + base + ".rest.json", RestBodies.toBytes(RestBodies.document(n.policy(), n.policySet())));
            out.add(DIR + base + ".tf", TerraformWriter.policyFile(n));
            out.add(DIR + "Import-" + base + ".ps1", PowerShellScript.script(n.policy()));
        }
        out.add(DIR + TerraformWriter.PRIORITY_FILE, TerraformWriter.priorityFile(named));
        out.add(DIR + TerraformWriter.SETTINGS_FILE, TerraformWriter.settingsFile());
        out.add(DIR + "README.md", RestReadme.text(named).getBytes(StandardCharsets.UTF_8));
    }

    /** One note per setting whose category folder is not published (VIP071), pointing at its first use. */
    private static void unconfirmedNotes(List<CitrixPolicy> policies, EmitContext context) {
        for (Map.Entry<CitrixSetting, Location> e : settings(policies).entrySet()) {
            CitrixSetting s = e.getKey();
            s.pathUnconfirmed().ifPresent(why -> context.diagnostics().add(new Diagnostic(Severity.NOTE,
                    Rule.UNCONFIRMED.id(), "Citrix setting " + s.name() + " is exported with the unconfirmed Path "
                    + s.path() + " in GroupPolicyConfiguration.xml",
                    "compare the Path of " + s.name() + " in an Export-CtxGroupPolicy folder of your site (vipctl citrix show DIR),"
                            + " then pass --citrix-setting-path " + s.name()
                            + "=PATH if it differs; Import-*.ps1 finds the setting by name and does not depend on it",
                    e.getValue(), List.of())));
        }
    }

    private static Map<CitrixSetting, Location> settings(List<CitrixPolicy> policies) {
        Map<CitrixSetting, Location> all = new LinkedHashMap<>();
        for (CitrixPolicy p : policies) {
            for (CitrixSettingValue v : p.settings()) {
                all.putIfAbsent(v.setting(), p.source().spec().citrixVirtualLoopback()
                        .map(x -> x.at()).orElse(p.source().at()));
            }
        }
        return all;
    }

    static String cliXmlComment(List<CitrixPolicy> policies) {
        StringBuilder b = new StringBuilder("\r\n  Written by vipctl (compile, format citrix).")
                .append("\r\n  Import: Import-CtxGroupPolicy -FolderPath <this folder> (Citrix.GroupPolicy.Commands).");
        List<CitrixSetting> unconfirmed = settings(policies).keySet().stream()
                .filter(s -> s.pathUnconfirmed().isPresent()).toList();
        if (!unconfirmed.isEmpty()) {
            b.append("\r\n  UNCONFIRMED: Citrix does not publish the category folder of these settings;")
                    .append("\r\n  their Path values (below the policy's Settings folder) are vipctl's best inference:");
            for (CitrixSetting s : unconfirmed) {
                b.append("\r\n    ").append(s.name()).append(" -> ").append(s.path());
            }
            b.append("\r\n  If your site differs, compile again with the option citrix-setting-path NAME=PATH")
                    .append("\r\n  (see docs/citrix.md), or use the Import-*.ps1 scripts, which find each setting by name.");
        }
        return b.append("\r\n").toString();
    }
}
