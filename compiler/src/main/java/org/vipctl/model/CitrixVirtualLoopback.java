package org.vipctl.model;

import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Location;

/** spec.citrixVirtualLoopback: Citrix settings VirtualLoopbackSupport and VirtualLoopbackPrograms. */
public record CitrixVirtualLoopback(Location at, Optional<Located<Boolean>> enabled, List<Located<String>> programs) {

    public CitrixVirtualLoopback {
        programs = List.copyOf(programs);
    }

    public boolean isEnabled() {
        return enabled.map(Located::value).orElse(false);
    }
}
