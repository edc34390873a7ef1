package org.vipctl.detect;

/**
 * Bounds that keep a hostile or broken file from exhausting memory or time. A real capture of a
 * busy session host has a few thousand lines; these leave a wide margin (docs/detect.md lists them).
 */
final class CaptureLimits {

    /** Largest capture file read, checked before reading. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Most lines of a text capture (netstat, tasklist, TCPView). */
    static final int MAX_LINES = 200_000;
    /** Longest line of a text capture. */
    static final int MAX_LINE_CHARS = 4_096;
    /** Most entries of one list of a collector capture ({@code tcp}, {@code udp}, {@code processes}, {@code addresses}). */
    static final int MAX_ENTRIES = 200_000;
    /** Most captures given to one run. */
    static final int MAX_CAPTURES = 64;

    private CaptureLimits() {
    }
}
