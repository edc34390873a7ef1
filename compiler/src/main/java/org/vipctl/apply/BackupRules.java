package org.vipctl.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.gpo.GpoRegistry;
import org.vipctl.load.TextCharacters;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryEntry;

/**
 * What a backup must be before rollback writes anything from it, checked like a policy: machine
 * (HKLM) values only, key paths and value names as Windows allows them and as {@code spec.registry}
 * accepts them (no control characters, no empty key names, names of at most 255 characters), Group
 * Policy directive names ({@code **del.}, {@code **soft.}) only for a GPO target, the key itself
 * ({@link RegistryEntry#KEY_ONLY}) for any target; and a file that
 * no other user could have written.
 */
final class BackupRules {

    private static final int GPO_PREFIX = "local-gpo:".length();
    private static final int MAX_KEY_NAME = 255;
    private static final int MAX_VALUE_NAME = 16_383;

    private BackupRules() {
    }

    /** @throws IllegalArgumentException saying which entry breaks which rule */
    static void check(Backup b) {
        boolean gpo = b.target().startsWith(GpoRegistry.nameOf(Path.of("")).substring(0, GPO_PREFIX));
        int i = 0;
        for (Backup.Entry e : b.entries()) {
            String where = "values[" + i++ + "] (" + e.key() + "\\" + e.name() + "): ";
            if (e.key().hive() != Hive.HKLM) {
                throw new IllegalArgumentException(where + "vipctl manages machine (HKLM) values only");
            }
            String path = e.key().path();
            if (path.isEmpty() || path.startsWith("\\") || path.endsWith("\\") || path.contains("\\\\")) {
                throw new IllegalArgumentException(where + "the key path needs a key below the hive and no empty key names");
            }
            for (String part : path.split("\\\\")) {
                if (part.length() > MAX_KEY_NAME) {
                    throw new IllegalArgumentException(where + "a key name is longer than " + MAX_KEY_NAME + " characters");
                }
            }
            if (TextCharacters.hasControlCharacter(path) || TextCharacters.hasControlCharacter(e.name())) {
                throw new IllegalArgumentException(where + "key paths and value names may not hold control characters");
            }
            if (e.name().length() > MAX_VALUE_NAME) {
                throw new IllegalArgumentException(where + "the value name is longer than " + MAX_VALUE_NAME + " characters");
            }
            if (e.name().startsWith("**") && !RegistryEntry.isKeyOnly(e.name())) {
                boolean directive = e.name().regionMatches(true, 0, PolRecord.DEL, 0, PolRecord.DEL.length())
                        || e.name().regionMatches(true, 0, PolRecord.SOFT, 0, PolRecord.SOFT.length());
                if (!gpo || !directive) {
                    throw new IllegalArgumentException(where + "names starting with ** are Group Policy directives,"
                            + " which only a GPO target's backup holds (**del. and **soft.)");
                }
            }
        }
    }

    /**
     * On POSIX systems: the file belongs to this user or to root and no one else may write it, so a
     * record another user put into a shared state directory is not trusted.
     *
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    static void checkFile(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        PosixFileAttributes a = view.readAttributes();
        String owner = a.owner().getName();
        if (!owner.equals(System.getProperty("user.name")) && !owner.equals("root")) {
            throw new IllegalArgumentException("it belongs to " + owner + ", not to this user or root");
        }
        Set<PosixFilePermission> p = a.permissions();
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalArgumentException("others may write it (chmod go-w " + file + " if you trust it)");
        }
    }
}
