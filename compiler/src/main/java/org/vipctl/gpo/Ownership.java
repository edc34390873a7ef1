package org.vipctl.gpo;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.vipctl.Compilation;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.Scope;

/**
 * The registry values vipctl manages in a GPO: every policy-scope value the catalog can write (set
 * or not in this compile, so a setting removed from the YAML is removed from the GPO) and the values
 * the policies' {@code registry} entries name. Records about other values belong to someone else.
 */
public final class Ownership {

    private final Set<String> values;

    private Ownership(Set<String> values) {
        this.values = Set.copyOf(values);
    }

    public static Ownership of(Compilation compilation) {
        Set<String> ids = new HashSet<>();
        for (Setting s : compilation.catalog().settings()) {
            if (s.type().isEmpty()) {
                continue;
            }
            for (Placement p : s.placement(Scope.POLICY).stream().toList()) {
                if (p.key().hive() == Hive.HKLM) {
                    ids.add(id(p.key().literalPath(), p.valueName()));
                }
            }
        }
        for (RegistryEntry e : compilation.registry(Scope.POLICY).entries()) {
            if (e.key().hive() == Hive.HKLM) {
                ids.add(id(e.key().literalPath(), e.name()));
            }
        }
        return new Ownership(ids);
    }

    /** For tests and other callers that know the values directly: pairs of key path and value name. */
    public static Ownership ofValues(Set<String> keyBackslashName) {
        Set<String> ids = new HashSet<>();
        for (String kv : keyBackslashName) {
            int cut = kv.lastIndexOf('\\');
            ids.add(id(kv.substring(0, cut), kv.substring(cut + 1)));
        }
        return new Ownership(ids);
    }

    /** A value record, a {@code **del.} or a {@code **soft.} record about a managed value. */
    public boolean owns(PolRecord r) {
        boolean aboutValue = r instanceof PolRecord.Value || r instanceof PolRecord.DeleteValue
                || r instanceof PolRecord.SoftValue;
        return aboutValue && values.contains(id(r.key(), r.subject()));
    }

    private static String id(String key, String name) {
        return key.toLowerCase(Locale.ROOT) + "\0" + name.toLowerCase(Locale.ROOT);
    }
}
