package org.vipctl.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.Registry;

/**
 * Compares a desired {@link RegistryState} with what a {@link Registry} holds. Values are equal
 * only when type and data are: a REG_SZ "1" is drift against a REG_DWORD 1, DWORDs compare bit for
 * bit (that is, unsigned), REG_EXPAND_SZ compares unexpanded, REG_MULTI_SZ as an ordered list.
 * Names are matched case-insensitively by the adapters.
 */
public final class Planner {

    /** Renamed by the fix Microsoft describes for RD IP Virtualization on Server 2019/2022. */
    static final RegKey WINSOCK_CATALOG_ENTRY = new RegKey(Hive.HKLM, View.BIT64,
            "SYSTEM\\CurrentControlSet\\Services\\WinSock2\\Parameters\\AppId_Catalog\\2C69D9F1");

    private final Catalog catalog;
    private final HostFacts host;

    public Planner(Catalog catalog, HostFacts host) {
        this.catalog = catalog;
        this.host = host;
    }

    public Plan plan(RegistryState desired, Registry registry) {
        List<Change> changes = new ArrayList<>();
        for (RegistryEntry e : desired.entries()) {
            changes.add(change(e, registry.read(e.key(), e.name())));
        }
        List<PlanWarning> warnings = new ArrayList<>();
        if (desired.scope() == Scope.LOCAL) {
            policyOverrides(desired, registry, warnings);
        }
        restartRequired(changes, warnings);
        winsockCatalog(desired, registry, warnings);
        return new Plan(registry.target(), desired.scope(), changes, warnings);
    }

    static Change change(RegistryEntry wanted, Optional<RegValue> actual) {
        if (wanted instanceof RegistryEntry.Set set) {
            if (actual.isEmpty()) {
                return new Change.Create(set.key(), set.name(), set.value(), set.from());
            }
            if (actual.get().equals(set.value())) {
                return new Change.NoOp(set.key(), set.name(), actual, set.from());
            }
            return new Change.Update(set.key(), set.name(), actual.get(), set.value(), set.from());
        }
        RegistryEntry.Delete del = (RegistryEntry.Delete) wanted;
        return actual.<Change>map(v -> new Change.Delete(del.key(), del.name(), v, del.from()))
                .orElseGet(() -> new Change.NoOp(del.key(), del.name(), Optional.empty(), del.from()));
    }

    /** Windows reads the Group Policy key first: a value there makes the local one moot. */
    private void policyOverrides(RegistryState desired, Registry registry, List<PlanWarning> out) {
        for (RegistryEntry e : desired.entries()) {
            Optional<Placement> policy = catalog.byId(e.from().settingId()).flatMap(Setting::policy);
            if (policy.isEmpty()) {
                continue;
            }
            Placement p = policy.get();
            boolean sameValue = p.key().id().equals(e.key().id()) && p.valueName().equalsIgnoreCase(e.name());
            if (sameValue) {
                continue;
            }
            Optional<RegValue> enforced = registry.read(p.key(), p.valueName());
            if (enforced.isPresent()) {
                out.add(new PlanWarning(PlanWarning.POLICY_OVERRIDE, p.key().hive() + "\\" + p.key().path() + "\\"
                        + p.valueName() + " is set by Group Policy to " + enforced.get().type() + " "
                        + enforced.get().display() + "; Windows reads the policy key first, so the local value "
                        + e.name() + " written by this plan has no effect while that policy value exists"));
            }
        }
    }

    private void restartRequired(List<Change> changes, List<PlanWarning> out) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Change c : changes) {
            // a rollback's values come from a backup, not a setting: the catalog knows them by place
            boolean restart = catalog.byId(c.provenance().settingId()).or(() -> catalog.at(c.key(), c.name()))
                    .map(Setting::restartRequired).orElse(false);
            if (c.isChange() && restart) {
                names.put(c.name(), true);
            }
        }
        if (!names.isEmpty()) {
            out.add(new PlanWarning(PlanWarning.RESTART_REQUIRED, "a restart is needed before changes to "
                    + String.join(", ", names.keySet()) + " take effect"));
        }
    }

    private void winsockCatalog(RegistryState desired, Registry registry, List<PlanWarning> out) {
        boolean enables = desired.entries().stream()
                .anyMatch(e -> e instanceof RegistryEntry.Set s
                        && s.name().toLowerCase(Locale.ROOT).equals("enablevirtualip")
                        && s.value().equals(new RegValue.Dword(1)));
        if (enables && host.needsWinsockCatalogFix() && registry.keyExists(WINSOCK_CATALOG_ENTRY)) {
            out.add(new PlanWarning(PlanWarning.WINSOCK_CATALOG, host.osName().orElse("this Windows release")
                    + " needs the WinSock catalog fix before RD IP Virtualization works: rename HKLM\\"
                    + WINSOCK_CATALOG_ENTRY.path() + ", restart, apply, restart again"
                    + " (Microsoft support article \"Remote Desktop IP Virtualization\")"));
        }
    }
}
