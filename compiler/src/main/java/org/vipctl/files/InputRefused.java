package org.vipctl.files;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file vipctl will not read: larger than the limit for its kind, or not a regular file (a named
 * pipe or a device would block or never end). The message is one line: the path, what is wrong,
 * and the way out.
 */
public final class InputRefused extends FileSystemException {

    private static final long serialVersionUID = 1L;

    private final boolean tooLarge;

    private InputRefused(Path file, String reason, boolean tooLarge) {
        super(file.toString(), null, reason);
        this.tooLarge = tooLarge;
    }

    static InputRefused tooLarge(Path file, InputKind kind, long size, long limit) {
        return new InputRefused(file, String.format(Locale.ROOT, "%,d bytes, more than the %s limit for a %s;"
                        + " if the file is genuine, raise the limit with --max-input %s=SIZE", size,
                InputLimits.describe(limit), kind.what(), kind.key()), true);
    }

    static InputRefused grew(Path file, InputKind kind, long limit) {
        return new InputRefused(file, "grew past the " + InputLimits.describe(limit) + " limit for a " + kind.what()
                + " while it was read; if the file is genuine, raise the limit with --max-input " + kind.key()
                + "=SIZE", true);
    }

    static InputRefused notAFile(Path file, InputKind kind, String whatItIs) {
        return new InputRefused(file, whatItIs + ", not a regular file; vipctl reads a " + kind.what()
                + " only from a regular file (name the file itself)", false);
    }

    /** True when the file was refused for its size, false when for its type. */
    public boolean tooLarge() {
        return tooLarge;
    }
}
