package org.vipctl.files;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The size limit of each {@link InputKind}: its default unless raised (or lowered) here. */
public record InputLimits(Map<InputKind, Long> bytes) {

    public static final InputLimits DEFAULT = new InputLimits(Map.of());

    public InputLimits {
        Map<InputKind, Long> copy = new EnumMap<>(InputKind.class);
        copy.putAll(bytes);
        bytes = Map.copyOf(copy);
    }

    public long of(InputKind kind) {
        return bytes.getOrDefault(kind, kind.defaultLimit());
    }

    public InputLimits with(InputKind kind, long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a size limit cannot be negative");
        }
        Map<InputKind, Long> next = new EnumMap<>(InputKind.class);
        next.putAll(bytes);
        next.put(kind, limit);
        return new InputLimits(next);
    }

    /**
     * {@code KIND=SIZE} as {@code --max-input} takes it: SIZE in bytes, or with K, M or G (binary:
     * 1K = 1024 bytes), e.g. {@code reg=512M}.
     *
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    public InputLimits with(String kindEqualsSize) {
        int eq = kindEqualsSize.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("'" + kindEqualsSize + "' is not KIND=SIZE, e.g. reg=512M; kinds: "
                    + InputKind.keys());
        }
        String key = kindEqualsSize.substring(0, eq);
        InputKind kind = InputKind.ofKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown kind of input '" + key + "'; kinds: " + InputKind.keys()));
        return with(kind, parseSize(kindEqualsSize.substring(eq + 1)));
    }

    /** {@code 1048576}, {@code 1024K}, {@code 1M}, {@code 2G}. */
    public static long parseSize(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty() && "KMG".indexOf(s.charAt(s.length() - 1)) >= 0) {
            shift = 10 * ("KMG".indexOf(s.charAt(s.length() - 1)) + 1);
            s = s.substring(0, s.length() - 1);
        }
        if (!s.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException("size '" + text + "' is not a number of bytes, optionally with K, M or G"
                    + " (e.g. 512M)");
        }
        return Long.parseLong(s) << shift;
    }

    /** {@code 64 MiB}, {@code 1,000 bytes}: a limit as people read it. */
    public static String describe(long bytes) {
        if (bytes >= 1024 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1024 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
