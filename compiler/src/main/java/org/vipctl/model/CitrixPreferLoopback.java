package org.vipctl.model;

import java.util.List;
import org.vipctl.diagnostic.Location;

/** spec.citrixPreferLoopback: PreferLoopback and PreferLoopbackProcesses. */
public record CitrixPreferLoopback(Location at, boolean enabled, List<Located<String>> processes) {

    public CitrixPreferLoopback {
        processes = List.copyOf(processes);
    }
}
