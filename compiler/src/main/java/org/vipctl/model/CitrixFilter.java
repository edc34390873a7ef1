package org.vipctl.model;

import org.vipctl.diagnostic.Location;

/**
 * One Citrix policy assignment filter, with Citrix's own type names: DesktopGroup (delivery group
 * name), DesktopTag (tag name), ClientIP (address, range or subnet), User (a domain user or group).
 */
public record CitrixFilter(Location at, String type, String value, boolean allow, boolean enabled) {

    public String mode() {
        return allow ? "Allow" : "Deny";
    }
}
