package org.vipctl.plan;

import java.util.List;
import org.vipctl.diagnostic.Location;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

/** Keys and desired states shaped like what the catalog lowers to. */
public final class Fixtures {

    public static final RegKey LOCAL_VIP = new RegKey(Hive.HKLM, View.BIT64,
            "SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP");
    public static final RegKey POLICY_VIP = new RegKey(Hive.HKLM, View.BIT64,
            "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP");
    public static final RegKey CITRIX_VIP = new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Citrix\\VIP");

    private Fixtures() {
    }

    public static Provenance from(String settingId) {
        return new Provenance(settingId, "test-policy", new Location("test.yaml", 1, 1));
    }

    public static RegistryEntry.Set set(RegKey key, String name, RegValue v, String settingId) {
        return new RegistryEntry.Set(key, name, v, from(settingId));
    }

    /** EnableVirtualIP, VirtualMode, PerApp, loopback, PreferLoopback(+Processes), and one deletion. */
    public static RegistryState desired() {
        return new RegistryState(Scope.LOCAL, List.of(
                set(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1), "rds.ipVirtualization.enabled"),
                set(LOCAL_VIP, "VirtualMode", new RegValue.Dword(1), "rds.ipVirtualization.mode"),
                set(LOCAL_VIP, "PerApp", new RegValue.MultiSz(List.of("crm.exe", "cti.exe")), "rds.ipVirtualization.programs"),
                set(LOCAL_VIP, "VirtualizeLoopbackAdresses", new RegValue.Dword(1), "rds.loopbackVirtualization.enabled"),
                set(CITRIX_VIP, "PreferLoopback", new RegValue.Dword(1), "citrix.preferLoopback.enabled"),
                set(CITRIX_VIP, "PreferLoopbackProcesses", new RegValue.MultiSz(List.of("softphone.exe")),
                        "citrix.preferLoopback.processes"),
                new RegistryEntry.Delete(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso\\Crm"), "LegacyBindAll",
                        from("registry"))));
    }
}
