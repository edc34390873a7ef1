package org.vipctl.load;

/**
 * Bounds that keep hostile input from exhausting memory or time. Policy files are small; these are
 * generous for real use and far below what would hurt.
 */
public record LoadLimits(long maxFileBytes, int maxAliases, int maxNestingDepth, int maxDocuments) {

    public static final LoadLimits DEFAULT = new LoadLimits(2L * 1024 * 1024, 20, 40, 200);
}
