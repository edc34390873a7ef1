package org.vipctl.apply;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vipctl.diagnostic.Location;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.target.RegistryException;

/** A backup read back as a desired state: the planner then restores exactly it, and only what differs. */
public final class Rollback {

    private Rollback() {
    }

    /** @throws RegistryException when the backup was made for another target */
    public static RegistryState desiredState(Backup backup, Path file, String target) {
        if (!backup.target().equals(target)) {
            throw new RegistryException("backup " + file + " was made for target " + backup.target()
                    + ", not " + target + "; pass --target for that target");
        }
        Provenance from = new Provenance("rollback", file.getFileName().toString(), Location.ofFile(file.toString()));
        List<RegistryEntry> entries = new ArrayList<>();
        for (Backup.Entry e : backup.entries()) {
            entries.add(e.before().<RegistryEntry>map(v -> new RegistryEntry.Set(e.key(), e.name(), v, from))
                    .orElseGet(() -> new RegistryEntry.Delete(e.key(), e.name(), from)));
        }
        return new RegistryState(backup.scope(), entries);
    }
}
