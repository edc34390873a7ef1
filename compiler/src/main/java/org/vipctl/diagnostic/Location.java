package org.vipctl.diagnostic;

import java.util.Objects;

/** A place in a source file; line and column are 1-based, 0 when unknown. */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** By file, line, then column. */
    @Override
    public int compareTo(Location other) {
        int c = file.compareTo(other.file);
        if (c == 0) {
            c = Integer.compare(line, other.line);
        }
        return c != 0 ? c : Integer.compare(column, other.column);
    }

    // compareTo, equals and hashCode are written out, without Comparator.comparing or a record's
    // own equals and hashCode: those are linked through method handles at their first call, which
    // costs a short run (every diagnostic is kept in a hash set) milliseconds
    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && line == l.line && column == l.column && Objects.equals(file, l.file);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(file) * 31 + line) * 31 + column;
    }

    /** {@code file:line:col}, or just the file when the position is unknown. */
    @Override
    public String toString() {
        return hasPosition() ? file + ":" + line + ":" + column : file;
    }
}
