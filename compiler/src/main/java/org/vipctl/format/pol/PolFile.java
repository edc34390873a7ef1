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

    /**
     * The byte offset of each record in the file these records make (the header is 8 bytes). A file
     * read by {@link PolReader} is these bytes exactly, so the offsets point into the file as read.
     */
    public long[] offsets() {
        long[] at = new long[records.size()];
        long next = PolReader.HEADER_BYTES;
        for (int i = 0; i < at.length; i++) {
            at[i] = next;
            next += PolWriter.encodedLength(records.get(i).raw());
        }
        return at;
    }

    public byte[] toBytes() {
        return PolWriter.write(records);
    }
}
