package org.vipctl.lower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * VIP033, key by key: Windows may read {@code VirtualizeLoopbackAdresses} only where
 * {@code EnableVirtualIP} is non-zero in the same key (vipctl's analysis, not confirmed by
 * Microsoft; docs/rules.md). So for each scope, over all policies compiled together, every key
 * that gets loopback virtualization turned on must also get IP virtualization turned on. The
 * scopes write different keys (Group Policy's for IP virtualization, the SYSTEM key for loopback
 * virtualization in both), so policies can pass in one scope and not in the other. Each command
 * reports the scopes it writes: validate both, compile those of its outputs, plan and apply theirs.
 */
public final class LoopbackKeys {

    static final String LOOPBACK = "rds.loopbackVirtualization.enabled";
    static final String IP = "rds.ipVirtualization.enabled";

    private LoopbackKeys() {
    }

    /** What each scope's outputs are, for messages. */
    private static String outputs(Scope scope) {
        return scope == Scope.POLICY ? "policy scope: Registry.pol, GPO folders, plan/apply --scope policy"
                : "local scope: .reg files, plan/apply --scope local";
    }

    /**
     * The warnings for the scopes in {@code byScope} (each with all policies' values), one per
     * policy line, naming each scope whose keys do not meet.
     */
    public static List<Diagnostic> check(Catalog catalog, Map<Scope, RegistryState> byScope) {
        Optional<Setting> ip = catalog.byId(IP);
        Map<Location, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<Scope, RegistryState> e : byScope.entrySet()) {
            Scope scope = e.getKey();
            RegistryState state = e.getValue();
            Optional<Placement> ipAt = ip.flatMap(s -> s.placement(scope));
            for (RegistryEntry entry : state.entries()) {
                if (!LOOPBACK.equals(entry.from().settingId()) || !on(entry)) {
                    continue;
                }
                String key = entry.key().hive() + "\\" + entry.key().literalPath();
                String name = ipAt.map(Placement::valueName).orElse("EnableVirtualIP");
                boolean enabledHere = state.entries().stream().anyMatch(x -> x.key().id().equals(entry.key().id())
                        && x.name().equalsIgnoreCase(name) && on(x));
                if (enabledHere) {
                    continue;
                }
                boolean enabledElsewhere = state.entries().stream().anyMatch(x -> IP.equals(x.from().settingId()) && on(x));
                String why = enabledElsewhere
                        ? "in the " + outputs(scope) + ", " + name + " goes to " + ipAt.map(p -> p.key().hive() + "\\"
                                + p.key().literalPath()).orElse("another key") + ", not to " + key
                        : "in the " + outputs(scope) + ", no policy sets " + name + " to non-zero in " + key;
                problems.computeIfAbsent(entry.from().source(), k -> new ArrayList<>()).add(why);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        problems.forEach((at, whys) -> out.add(Rule.LOOPBACK_WITHOUT_IP_VIRTUALIZATION.warning(at,
                "loopback virtualization is turned on in a key where no policy enables RD IP virtualization: "
                        + String.join("; ", whys),
                "Windows may read VirtualizeLoopbackAdresses only where EnableVirtualIP is non-zero in the same key"
                        + " (not confirmed by Microsoft, see docs/rules.md): enable rdsIpVirtualization, or give both"
                        + " settings one key in that scope with --catalog, and check on a test server")));
        return out;
    }

    private static boolean on(RegistryEntry e) {
        return e instanceof RegistryEntry.Set s && s.value() instanceof RegValue.Dword d && d.value() != 0;
    }
}
