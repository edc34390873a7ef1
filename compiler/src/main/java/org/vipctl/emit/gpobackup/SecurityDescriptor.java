package org.vipctl.emit.gpobackup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.StringJoiner;

/**
 * The GPO security descriptor written into {@code Backup.xml}: the entries of the default GPO DACL
 * in the real backups (see docs/gpo-backup.md) that name well-known SIDs only. The Domain Admins
 * and Enterprise Admins entries are left out: their SIDs belong to one domain and a compiled backup
 * has none. Self-relative form, no owner, group or SACL, control flags as in the real backups.
 * Import-GPO and the Import Settings wizard copy settings only and keep the target GPO's security.
 */
final class SecurityDescriptor {

    /** Control: self-relative, DACL present, DACL protected, DACL and SACL auto-inherited. */
    private static final int CONTROL = 0x9C04;
    private static final int FULL_CONTROL = 0x000F00FF;
    private static final int READ = 0x00020094;
    private static final int CONTROL_ACCESS = 0x00000100;
    private static final byte CONTAINER_INHERIT = 0x02;
    private static final byte INHERIT_ONLY = 0x08;
    /** The "Apply Group Policy" extended right, edacfd8f-ffb3-11d1-b41d-00a0c968f939, in its byte order. */
    private static final byte[] APPLY_GROUP_POLICY = {(byte) 0x8f, (byte) 0xfd, (byte) 0xac, (byte) 0xed, (byte) 0xb3,
        (byte) 0xff, (byte) 0xd1, 0x11, (byte) 0xb4, 0x1d, 0x00, (byte) 0xa0, (byte) 0xc9, 0x68, (byte) 0xf9, 0x39};

    private record Sid(int authority, int subAuthority) {
        static final Sid AUTHENTICATED_USERS = new Sid(5, 11);
        static final Sid ENTERPRISE_DOMAIN_CONTROLLERS = new Sid(5, 9);
        static final Sid SYSTEM = new Sid(5, 18);
        static final Sid CREATOR_OWNER = new Sid(3, 0);

        byte[] bytes() {
            return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                    .put((byte) 1).put((byte) 1).put(new byte[] {0, 0, 0, 0, 0, (byte) authority})
                    .putInt(subAuthority).array();
        }
    }

    private SecurityDescriptor() {
    }

    static byte[] bytes() {
        List<byte[]> aces = List.of(
                objectAce(CONTAINER_INHERIT, CONTROL_ACCESS, APPLY_GROUP_POLICY, Sid.AUTHENTICATED_USERS),
                ace(CONTAINER_INHERIT, READ, Sid.ENTERPRISE_DOMAIN_CONTROLLERS),
                ace(CONTAINER_INHERIT, READ, Sid.AUTHENTICATED_USERS),
                ace(CONTAINER_INHERIT, FULL_CONTROL, Sid.SYSTEM),
                ace((byte) (CONTAINER_INHERIT | INHERIT_ONLY), FULL_CONTROL, Sid.CREATOR_OWNER));
        int aclSize = 8 + aces.stream().mapToInt(a -> a.length).sum();
        ByteBuffer b = ByteBuffer.allocate(20 + aclSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 0).putShort((short) CONTROL);
        b.putInt(0).putInt(0).putInt(0).putInt(20); // owner, group, SACL absent; DACL right after the header
        b.put((byte) 4).put((byte) 0).putShort((short) aclSize).putShort((short) aces.size()).putShort((short) 0);
        aces.forEach(b::put);
        return b.array();
    }

    /** Lower-case hex bytes separated by spaces, as {@code Backup.xml} holds them. */
    static String hex() {
        StringJoiner j = new StringJoiner(" ");
        for (byte x : bytes()) {
            j.add(String.format("%02x", x & 0xFF));
        }
        return j.toString();
    }

    private static byte[] ace(byte flags, int mask, Sid sid) {
        byte[] s = sid.bytes();
        return ByteBuffer.allocate(8 + s.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0).put(flags).putShort((short) (8 + s.length)).putInt(mask).put(s).array();
    }

    /** ACCESS_ALLOWED_OBJECT_ACE with only an object type (flags 1). */
    private static byte[] objectAce(byte flags, int mask, byte[] objectType, Sid sid) {
        byte[] s = sid.bytes();
        int size = 12 + objectType.length + s.length;
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 5).put(flags).putShort((short) size).putInt(mask).putInt(1).put(objectType).put(s).array();
    }
}
