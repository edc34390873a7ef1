package org.vipctl.emit.dsc;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;

/**
 * A classic (Windows PowerShell 5.1) DSC configuration, {@code VipctlRegistry}, with one
 * {@code Registry} resource per value of each scope; {@code -Scope local|policy} picks the scope.
 * {@code Force = $true} lets the resource replace a value with other data (it refuses otherwise).
 * A REG_DWORD above 2147483647 (a REG_QWORD above 9223372036854775807) is given in hex with
 * {@code Hex = $true}: the resource parses decimal data as a signed number. Deleting a key's
 * default value names {@code ValueType}, without which the resource would delete the whole key.
 * Every text is a single-quoted literal (nothing in it is expanded); text with control characters
 * is refused. UTF-8 with a byte order mark, so Windows PowerShell reads non-ASCII text correctly.
 */
final class ClassicConfiguration {

    private ClassicConfiguration() {
    }

    static byte[] write(List<String> header, RegistryState local, RegistryState policy) {
        StringBuilder ps = new StringBuilder();
        for (String h : header) {
            ps.append("# ").append(h).append('\n');
        }
        ps.append("#\n");
        ps.append("#   . .\\VipctlRegistry.ps1\n");
        ps.append("#   VipctlRegistry -OutputPath .\\VipctlRegistry [-Scope policy] [-ComputerName SRV1, SRV2]\n");
        ps.append("#   Start-DscConfiguration -Path .\\VipctlRegistry -Wait -Verbose      # apply (elevated)\n");
        ps.append("#   Test-DscConfiguration -Path .\\VipctlRegistry -Detailed            # drift\n");
        ps.append("Configuration VipctlRegistry\n{\n");
        ps.append("    param\n    (\n");
        ps.append("        [string[]] $ComputerName = 'localhost',\n\n");
        ps.append("        [ValidateSet('local', 'policy')]\n");
        ps.append("        [string] $Scope = 'local'\n");
        ps.append("    )\n\n");
        ps.append("    Import-DscResource -ModuleName PSDesiredStateConfiguration\n\n");
        ps.append("    Node $ComputerName\n    {\n");
        scope(ps, "local", "Local", local);
        scope(ps, "policy", "Policy", policy);
        ps.append("    }\n}\n");
        byte[] text = ps.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    private static void scope(StringBuilder ps, String scope, String prefix, RegistryState state) {
        if (state.isEmpty()) {
            return;
        }
        ps.append("        if ($Scope -eq '").append(scope).append("')\n        {\n");
        int n = 0;
        for (RegistryEntry e : state.entries()) {
            n++;
            String key = e.key().hive().longName() + "\\" + e.key().literalPath();
            ps.append("            Registry ").append(prefix).append(n).append('\n');
            ps.append("            {\n");
            property(ps, "Key", quote(key));
            if (e.isKeyOnly()) {
                // the resource's form for a key: an empty ValueName and no ValueType or ValueData
                property(ps, "ValueName", "''");
                property(ps, "Ensure", "'Present'");
            } else if (e instanceof RegistryEntry.Set s) {
                property(ps, "ValueName", quote(e.name()));
                RegValue v = s.value();
                property(ps, "ValueType", quote(DscTypes.name(v)));
                property(ps, "ValueData", data(v));
                if (needsHex(v)) {
                    property(ps, "Hex", "$true");
                }
                property(ps, "Ensure", "'Present'");
                property(ps, "Force", "$true");
            } else {
                property(ps, "ValueName", quote(e.name()));
                if (e.name().isEmpty()) {
                    property(ps, "ValueType", "'String'");
                }
                property(ps, "Ensure", "'Absent'");
            }
            ps.append("            }\n");
        }
        ps.append("        }\n");
    }

    private static void property(StringBuilder ps, String name, String value) {
        ps.append("                ").append(String.format("%-9s", name)).append(" = ").append(value).append('\n');
    }

    private static boolean needsHex(RegValue v) {
        return (v instanceof RegValue.Dword d && d.value() < 0) || (v instanceof RegValue.Qword q && q.value() < 0);
    }

    private static String data(RegValue v) {
        return switch (v.type()) {
            case REG_SZ -> quote(((RegValue.Sz) v).text());
            case REG_EXPAND_SZ -> quote(((RegValue.ExpandSz) v).text());
            case REG_MULTI_SZ -> "@(" + String.join(", ", ((RegValue.MultiSz) v).items().stream()
                    .map(ClassicConfiguration::quote).toList()) + ")";
            case REG_DWORD -> {
                RegValue.Dword d = (RegValue.Dword) v;
                yield quote(needsHex(v) ? String.format("0x%08X", d.value()) : Long.toString(d.unsigned()));
            }
            case REG_QWORD -> {
                RegValue.Qword q = (RegValue.Qword) v;
                yield quote(needsHex(v) ? String.format("0x%016X", q.value()) : Long.toString(q.value()));
            }
            case REG_BINARY -> quote(HexFormat.of().formatHex(v.toBytes()));
            case REG_NONE, REG_DWORD_BIG_ENDIAN -> throw new IllegalArgumentException(
                    v.type() + " is not a type of the DSC Registry resource");
        };
    }

    /**
     * A single-quoted PowerShell literal: nothing in it is expanded. PowerShell takes the four
     * typographic quotes U+2018..U+201B as single quotes too, so each quote character is doubled.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                throw new IllegalArgumentException(String.format("text with control character U+%04X: %s", (int) c,
                        s.replaceAll("\\p{Cntrl}", "?")));
            }
            b.append(c);
            if (c == '\'' || (c >= '\u2018' && c <= '\u201B')) {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
