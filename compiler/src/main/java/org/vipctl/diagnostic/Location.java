package org.vipctl.diagnostic;

import java.util.Comparator;

/** A place in a source file; line and column are 1-based, 0 when unknown. */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:col}, or just the file when the position is unknown. */
    @Override
    public String toString() {
        return hasPosition() ? file + ":" + line + ":" + column : file;
    }
}
