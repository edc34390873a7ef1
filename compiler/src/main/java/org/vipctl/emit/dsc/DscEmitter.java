package org.vipctl.emit.dsc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vipctl.diagnostic.Rule;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.GeneratedHeader;
import org.vipctl.emit.OutputFiles;
import org.vipctl.model.Policy;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * {@code --emit dsc}: the values as PowerShell Desired State Configuration, in both forms in use.
 * <pre>
 * dsc/vipctl.dsc.config.yaml          DSC v3 configuration document, local scope (Microsoft.Windows/Registry)
 * dsc/vipctl.policy.dsc.config.yaml   the same for the policy scope (the Group Policy keys)
 * dsc/VipctlRegistry.ps1              classic DSC configuration (Registry resource), -Scope local|policy
 * </pre>
 */
public final class DscEmitter implements Emitter {

    static final String DIR = "dsc/";

    @Override
    public String name() {
        return "dsc";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        List<Policy> policies = context.compilation().policies();
        if (policies.isEmpty()) {
            return;
        }
        List<String> header = GeneratedHeader.lines(policies);
        RegistryState local = context.compilation().registry(Scope.LOCAL);
        RegistryState policy = context.compilation().registry(Scope.POLICY);
        try {
            byte[] v3Local = DscV3Document.write(header, local, "dsc/vipctl.dsc.config.yaml").getBytes(StandardCharsets.UTF_8);
            byte[] v3Policy = DscV3Document.write(header, policy, "dsc/vipctl.policy.dsc.config.yaml").getBytes(StandardCharsets.UTF_8);
            byte[] classic = ClassicConfiguration.write(header, local, policy);
            out.add(DIR + "vipctl.dsc.config.yaml", v3Local);
            out.add(DIR + "vipctl.policy.dsc.config.yaml", v3Policy);
            out.add(DIR + "VipctlRegistry.ps1", classic);
        } catch (IllegalArgumentException e) {
            context.diagnostics().add(Rule.REGISTRY_DATA.error(policies.get(0).name().at(),
                    "the policies cannot be written as a DSC configuration: " + e.getMessage(),
                    "use another output (reg, pol, ansible) for this value"));
        }
    }
}
