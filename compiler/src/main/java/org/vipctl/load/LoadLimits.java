package org.vipctl.load;

import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;

/**
 * Bounds that keep hostile input from exhausting memory or time. Policy files are small; these are
 * generous for real use and far below what would hurt.
 */
public record LoadLimits(long maxFileBytes, int maxAliases, int maxNestingDepth, int maxDocuments) {

    public static final LoadLimits DEFAULT = new LoadLimits(InputKind.POLICY.defaultLimit(), 20, 40, 200);

    /** The default bounds with the file size limit of {@code kind} from {@code limits}. */
    public static LoadLimits of(InputLimits limits, InputKind kind) {
        return new LoadLimits(limits.of(kind), DEFAULT.maxAliases, DEFAULT.maxNestingDepth, DEFAULT.maxDocuments);
    }
}
