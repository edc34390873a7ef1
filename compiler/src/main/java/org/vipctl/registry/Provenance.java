package org.vipctl.registry;

import org.vipctl.diagnostic.Location;

/** Why an entry exists: the catalog setting (or {@code registry} for the escape hatch) and where it was declared. */
public record Provenance(String settingId, String policyName, Location source) {
}
