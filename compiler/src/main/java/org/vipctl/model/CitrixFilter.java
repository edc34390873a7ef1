package org.vipctl.model;

import org.vipctl.diagnostic.Location;

/** One Citrix policy assignment filter, with Citrix's own type names (DesktopGroup, DesktopTag, ClientIP, User). */
public record CitrixFilter(Location at, String type, String value, boolean allow, boolean enabled) {
}
