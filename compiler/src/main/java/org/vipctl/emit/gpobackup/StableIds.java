package org.vipctl.emit.gpobackup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Name-based GUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name), so the same GPO name
 * always gives the same GPO GUID and backup id and a recompile gives the same bytes. The namespace
 * is vipctl's own, so the ids never collide with ones GPMC made at random.
 */
final class StableIds {

    private static final UUID NAMESPACE = UUID.fromString("ede3390b-bebd-4f59-b7ba-1826469e7dd3");

    private StableIds() {
    }

    /** {@code {XXXXXXXX-...}} in upper case, as GPMC writes GPO GUIDs and backup ids. */
    static String braced(UUID id) {
        return "{" + id.toString().toUpperCase(Locale.ROOT) + "}";
    }

    static UUID of(String kind, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        sha1.update((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
        byte[] h = sha1.digest();
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
