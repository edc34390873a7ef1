package org.vipctl.detect;

/** How sure the analysis is that a program needs virtualization. */
public enum Certainty {
    /** The same program listens on the same port in two or more instances: they collide without virtualization. */
    DEFINITE,
    /** One instance seen, listening on a fixed-looking port (below the dynamic range 49152–65535). */
    PROBABLE
}
