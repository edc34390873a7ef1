package org.vipctl.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of file vipctl reads, each with a size limit of its own: a file above it is refused
 * before anything is read. The limits are far above real files and far below what would exhaust a
 * default Java heap; {@code --max-input KIND=SIZE} raises one (docs/reliability.md, "Input sizes").
 */
public enum InputKind {
    POLICY("policy", "policy file", 2L << 20),
    CATALOG("catalog", "catalog file", 2L << 20),
    REGISTRY_POL("pol", "Registry.pol file", 64L << 20),
    GPT_INI("gpt-ini", "GPT.INI file", 1L << 20),
    REG_FILE("reg", ".reg target file", 64L << 20),
    BACKUP("backup", "backup record", 16L << 20),
    ADMX("admx", "ADMX or ADML file", 16L << 20),
    CITRIX_EXPORT("citrix", "Citrix policy export file", 16L << 20),
    GPO_BACKUP("gpo-backup", "GPO backup XML file", 64L << 20);

    private final String key;
    private final String what;
    private final long defaultLimit;

    InputKind(String key, String what, long defaultLimit) {
        this.key = key;
        this.what = what;
        this.defaultLimit = defaultLimit;
    }

    /** The name {@code --max-input} knows this kind by. */
    public String key() {
        return key;
    }

    /** What the file is, for messages: "Registry.pol file". */
    public String what() {
        return what;
    }

    public long defaultLimit() {
        return defaultLimit;
    }

    public static Optional<InputKind> ofKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key.equals(k)).findFirst();
    }

    /** Every key, comma-separated, for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(InputKind::key).collect(Collectors.joining(", "));
    }
}
