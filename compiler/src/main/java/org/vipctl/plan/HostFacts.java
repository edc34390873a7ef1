package org.vipctl.plan;

import java.util.Locale;
import java.util.Optional;

/** What the planner knows about the machine whose registry it reads (nothing, for an offline file). */
public record HostFacts(Optional<String> osName) {

    public static HostFacts unknown() {
        return new HostFacts(Optional.empty());
    }

    /** The JVM's own OS, for the live registry of this machine. */
    public static HostFacts thisMachine() {
        return new HostFacts(Optional.ofNullable(System.getProperty("os.name")));
    }

    /** RD IP Virtualization needs the WinSock catalog fix on these releases (DOMAIN.md §1). */
    public boolean needsWinsockCatalogFix() {
        return osName.map(n -> n.toLowerCase(Locale.ROOT))
                .map(n -> n.contains("server 2019") || n.contains("server 2022"))
                .orElse(false);
    }
}
