package org.vipctl.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.View;

/** Policy files made for a test: custom registry values with names the test can look for afterwards. */
final class Policies {

    static final RegKey KEY = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso\\Chaos");

    private Policies() {
    }

    /** A policy {@code name} setting {@code count} REG_DWORD values {@code prefix0..}, each to its index plus {@code base}. */
    static Path custom(Path dir, String name, String prefix, int count, int base) throws IOException {
        StringBuilder y = new StringBuilder("""
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: %s}
                targets: {os: [windowsServer2022]}
                spec:
                  registry:
                """.formatted(name));
        for (int i = 0; i < count; i++) {
            y.append("    - {key: 'HKLM\\").append(KEY.path()).append("', name: ").append(prefix).append(i)
                    .append(", type: REG_DWORD, data: ").append(base + i).append("}\n");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, y.toString());
        return file;
    }
}
