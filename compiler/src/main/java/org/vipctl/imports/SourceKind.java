package org.vipctl.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a source of {@code vipctl import} is; {@link #label()} is the name {@code --from} takes. */
public enum SourceKind {
    POL("pol"),
    GPO("gpo"),
    GPO_BACKUP("gpo-backup"),
    REGFILE("regfile"),
    LOCAL_GPO("local-gpo"),
    WINDOWS("windows"),
    CITRIX("citrix");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SourceKind> ofLabel(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label.equals(l)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(SourceKind::label).toList());
    }
}
