package org.vipctl.format.pol;

import java.util.List;

/** A whole Registry.pol: the fixed header (signature "PReg", version 1) and the records in file order. */
public record PolFile(List<PolRecord> records) {

    public PolFile {
        records = List.copyOf(records);
    }

    public static PolFile empty() {
        return new PolFile(List.of());
    }

    public byte[] toBytes() {
        return PolWriter.write(records);
    }
}
