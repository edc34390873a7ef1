package org.vipctl.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.Scope;

/** The catalog read backwards: which setting a registry value belongs to in each scope, and which keys are the catalog's. */
final class CatalogIndex {

    private final Map<Scope, Map<String, Setting>> byValue = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Catalog catalog;

    CatalogIndex(Catalog catalog) {
        this.catalog = catalog;
        for (Scope scope : Scope.values()) {
            Map<String, Setting> m = new HashMap<>();
            for (Setting s : catalog.settings()) {
                if (!s.isRegistryValue()) {
                    continue;
                }
                Optional<Placement> p = s.placement(scope);
                if (p.isPresent()) {
                    m.putIfAbsent(Observed.valueId(p.get().key(), p.get().valueName()), s);
                    keys.add(p.get().key().id());
                }
            }
            byValue.put(scope, m);
        }
    }

    Catalog catalog() {
        return catalog;
    }

    /** The setting whose {@code scope} placement is this value. */
    Optional<Setting> at(Scope scope, RegKey key, String name) {
        return Optional.ofNullable(byValue.get(scope).get(Observed.valueId(key, name)));
    }

    /** A key some catalog setting writes to, in either scope. */
    boolean isCatalogKey(RegKey key) {
        return keys.contains(key.id());
    }

    Optional<Setting> citrix(String settingName) {
        return catalog.byCitrixName(settingName);
    }
}
