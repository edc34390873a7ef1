package org.vipctl.gpo;

import java.util.ArrayList;
import java.util.List;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.pol.RawRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;

/**
 * Turns the desired registry of the policy scope into Registry.pol records. Registry.pol has no
 * hive and no registry view: a file belongs to Machine (HKLM) or User (HKCU), and a 32-bit key is
 * written with its literal {@code SOFTWARE\Wow6432Node} path, as the Group Policy client reads it.
 * Records come grouped by key in the state's order, so one state always gives the same bytes.
 */
public final class PolFromState {

    private PolFromState() {
    }

    /** The records of {@code hive}'s file; entries of the other hive are left out. */
    public static PolFile records(RegistryState state, Hive hive) {
        List<PolRecord> out = new ArrayList<>();
        for (List<RegistryEntry> group : state.byKey().values()) {
            for (RegistryEntry e : group) {
                if (e.key().hive() != hive) {
                    continue;
                }
                out.add(record(e));
            }
        }
        return new PolFile(out);
    }

    static PolRecord record(RegistryEntry e) {
        String key = e.key().literalPath();
        if (e.isKeyOnly()) {
            return PolRecord.keyOnly(key);
        }
        if (e instanceof RegistryEntry.Set s) {
            // classified like any stored record: Windows gives a "**" name its directive meaning too
            return PolRecord.of(new RawRecord(key, s.name(), s.value().type().code(), s.value().toBytes()));
        }
        return PolRecord.deleteValue(key, e.name());
    }
}
