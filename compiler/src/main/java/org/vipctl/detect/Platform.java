package org.vipctl.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The session hosts the recommendation is for: plain Remote Desktop Session Host, Citrix Virtual Apps
 * (which uses Windows' own RD IP virtualization for virtual IP, and its own virtual loopback), or both.
 */
public enum Platform {
    RDS, CITRIX, BOTH;

    /** The policy sections that give a program what it needs on this platform. */
    public List<String> features(Need need) {
        List<String> f = new ArrayList<>();
        if (need == Need.VIRTUAL_IP) {
            f.add("rdsIpVirtualization");
            return f;
        }
        if (this != CITRIX) {
            f.add("rdsLoopbackVirtualization");
        }
        if (this != RDS) {
            f.add("citrixVirtualLoopback");
        }
        return f;
    }
}
