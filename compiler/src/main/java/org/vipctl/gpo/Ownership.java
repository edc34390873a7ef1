package org.vipctl.gpo;

import java.util.HashSet;
import java.util.Set;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * The registry values vipctl manages in a GPO it compiles into: every policy-scope value the catalog
 * can write (set or not in this compile, so a setting removed from the YAML is removed from the GPO)
 * and the values the policies' {@code registry} entries name. Records about other values belong to
 * someone else and stay as they are.
 */
public final class Ownership {

    private final Set<ValueId> values;

    private Ownership(Set<ValueId> values) {
        this.values = Set.copyOf(values);
    }

    /** Owns nothing: only the values being written are touched. */
    public static Ownership none() {
        return new Ownership(Set.of());
    }

    public static Ownership of(Set<ValueId> values) {
        return new Ownership(values);
    }

    /** What a compile owns: the catalog's machine policy values and the state's own entries. */
    public static Ownership of(Catalog catalog, RegistryState policyState) {
        Set<ValueId> ids = new HashSet<>();
        for (Setting s : catalog.settings()) {
            if (s.type().isEmpty()) {
                continue;
            }
            for (Placement p : s.placement(Scope.POLICY).stream().toList()) {
                if (p.key().hive() == Hive.HKLM) {
                    ids.add(new ValueId(p.key().literalPath(), p.valueName()));
                }
            }
        }
        for (RegistryEntry e : policyState.entries()) {
            if (e.key().hive() == Hive.HKLM) {
                ids.add(new ValueId(e.key().literalPath(), e.name()));
            }
        }
        return new Ownership(ids);
    }

    public Set<ValueId> values() {
        return values;
    }

    /** A value record, a {@code **del.} or a {@code **soft.} record about a managed value. */
    public boolean owns(PolRecord r) {
        return ValueId.about(r).map(values::contains).orElse(false);
    }
}
