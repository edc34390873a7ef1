package org.vipctl.publish;

import java.util.Objects;

/**
 * A domain GPO's Group Policy container in Active Directory ({@code groupPolicyContainer} below
 * {@code CN=Policies,CN=System}): its GUID, name, {@code versionNumber} (user half in the high 16
 * bits, computer half in the low 16, as in GPT.INI), {@code gPCMachineExtensionNames} and
 * {@code flags} (1 user half disabled, 2 computer half disabled).
 */
public record GpoContainer(String dn, String guid, String displayName, long version, String machineExtensionNames,
                           int flags) {

    public GpoContainer {
        Objects.requireNonNull(dn);
        Objects.requireNonNull(guid);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(machineExtensionNames);
    }

    public int computerVersion() {
        return (int) (version & 0xFFFF);
    }

    public boolean computerHalfDisabled() {
        return (flags & 2) != 0;
    }
}
