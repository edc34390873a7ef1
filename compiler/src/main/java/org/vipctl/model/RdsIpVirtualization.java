package org.vipctl.model;

import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Location;

/** spec.rdsIpVirtualization: Microsoft's RD IP Virtualization policies. */
public record RdsIpVirtualization(Location at, boolean enabled, Optional<Located<IpVirtualizationMode>> mode,
                                  List<Located<String>> programs, Optional<Located<String>> networkAdapter,
                                  Optional<Located<Boolean>> useServerIpWhenUnavailable) {

    public RdsIpVirtualization {
        programs = List.copyOf(programs);
    }

    /** The mode Windows uses: per program when none is set. */
    public IpVirtualizationMode effectiveMode() {
        return mode.map(Located::value).orElse(IpVirtualizationMode.PER_PROGRAM);
    }
}
