package org.vipctl.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;
import org.vipctl.target.RegistryException;

/**
 * Reads a live registry, read-only: every value under the keys the catalog writes to (both scopes),
 * through the explicit view of each placement. Nothing else of the registry is looked at, so
 * {@code --all} adds nothing here.
 */
final class LiveSource {

    private LiveSource() {
    }

    static void read(ListableRegistry registry, Catalog catalog, RegistryFold fold) {
        Map<String, RegKey> keys = new LinkedHashMap<>();
        // the local placements first: a key both scopes name is read through the local one's view
        for (Scope scope : List.of(Scope.LOCAL, Scope.POLICY)) {
            for (Setting s : catalog.settings()) {
                s.placement(scope).map(Placement::key).ifPresent(k -> keys.putIfAbsent(k.id(), k));
            }
        }
        Origin at = new Origin.LiveValue(registry.target());
        for (RegKey key : keys.values()) {
            RegKey literal = key.canonical();
            List<String> names;
            try {
                names = registry.valueNames(key);
            } catch (RegistryException e) {
                throw new ImportException(registry.target() + ": " + e.getMessage(), e);
            }
            for (String name : names.stream().sorted().toList()) {
                try {
                    Optional<RegValue> v = registry.read(key, name);
                    v.ifPresent(value -> fold.set(literal, name, value.type().code(), Optional.of(value), at));
                } catch (RegistryException e) {
                    fold.directive(literal, "holds '" + name + "', which cannot be read: " + e.getMessage(), at);
                }
            }
        }
    }
}
