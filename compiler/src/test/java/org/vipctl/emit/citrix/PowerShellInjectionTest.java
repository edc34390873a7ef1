package org.vipctl.emit.citrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.catalog.CitrixSetting;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;
import org.vipctl.model.CitrixFilter;

/**
 * The import script never lets a value from the YAML become code. Checked without a PowerShell
 * tokenizer: a small scanner splits the script into single-quoted literals (with PowerShell's five
 * quote characters and doubled-quote escapes), double-quoted strings, comments and code; every
 * hostile value must come back exactly from the literals of its data line, and no fragment of a
 * hostile value may appear anywhere outside single-quoted literals.
 */
class PowerShellInjectionTest {

    private static final String MARK = "Stop-Computer";
    private static final List<String> HOSTILE = List.of(
            "a'; " + MARK + " -Force; 'b",
            "$(" + MARK + ")",
            "`" + MARK + "`",
            "x; " + MARK + "; #",
            "‘; " + MARK + "; ’",
            "‚‛ " + MARK + " ''",
            "line1\n'; " + MARK + " #\r\n" + MARK + "\u2028" + MARK + "\u0085" + MARK,
            "\"; " + MARK + "; \"",
            "@'\n" + MARK + "\n'@",
            "#> " + MARK + " <#",
            "${env:" + MARK + "}",
            "\u0000" + MARK + "\u001b[0m");

    @Test
    void hostileValuesFromYamlStayLiterals() {
        String yaml = """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata:
                  name: hostile
                  description: "a'; Stop-Computer; 'b\\n$(Stop-Computer) `Stop-Computer`"
                spec:
                  citrixVirtualLoopback:
                    enabled: true
                    programs: ["a';Stop-Computer;'b.exe", "$(Stop-Computer).exe", "`Stop-Computer`.exe", "x;Stop-Computer.exe", "‘Stop-Computer’.exe"]
                  citrixPolicy:
                    name: "Evil'; Stop-Computer; $x = 'y"
                    filters:
                      - {type: DesktopGroup, value: "G'; Stop-Computer; '"}
                      - {type: User, value: "CONTOSO\\\\$(Stop-Computer)"}
                """;
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compileText(d, yaml);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        CitrixPolicy p = c.citrix(c.policies().get(0));
        String script = text(PowerShellScript.script(p));
        Scan scan = Scan.of(script);
        assertFalse(scan.code().contains(MARK), "a hostile fragment escaped its literal:\n" + scan.code());
        assertEquals(p.name(), value(script, "$PolicyName = "));
        assertEquals(p.description(), value(script, "$Description = "));
        assertTrue(scan.literals().containsAll(p.settings().get(1).values()), "every program is one literal");
        assertTrue(scan.literals().contains("G'; Stop-Computer; '"));
        assertTrue(scan.literals().contains("CONTOSO\\$(Stop-Computer)"));
    }

    @Test
    void hostileValuesInEveryFieldStayLiterals() {
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compileText(d, """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: base}
                spec:
                  citrixVirtualLoopback: {enabled: true, programs: [a.exe]}
                """);
        CitrixPolicy base = c.citrix(c.policies().get(0));
        CitrixSetting list = base.settings().get(1).setting();
        for (String h : HOSTILE) {
            // The generator must be safe on its own, whatever validation lets through.
            CitrixPolicy p = new CitrixPolicy(base.source(), h, h, true, 7,
                    List.of(new CitrixFilter(Location.ofFile("x"), "DesktopGroup", h, false, true)),
                    List.of(new CitrixSettingValue(new CitrixSetting(h, "list", "", h, Optional.empty()), "Enabled", List.of(h, h)),
                            new CitrixSettingValue(list, h, List.of())));
            String script = text(PowerShellScript.script(p));
            Scan scan = Scan.of(script);
            assertFalse(scan.code().contains(MARK), () -> "escaped for " + printable(h) + ":\n" + scan.code());
            assertBalanced(scan.code());
            assertEquals(h, value(script, "$PolicyName = "), printable(h));
            assertEquals(h, value(script, "$Description = "), printable(h));
            for (String line : script.split("\r\n")) {
                assertFalse(line.contains("\n") || line.contains("\r"), "no raw line break inside a line");
            }
        }
    }

    @Test
    void literalQuotesEveryQuoteCharacterAndKeepsControlsOutOfTheText() {
        assertEquals("'it''s'", PsQuote.literal("it's"));
        assertEquals("'‘‘x’’ ‚‚y‛‛'", PsQuote.literal("‘x’ ‚y‛"));
        assertEquals("('a' + [char]0x000A + 'b')", PsQuote.literal("a\nb"));
        assertEquals("'$x `n \"y\" ; #'", PsQuote.literal("$x `n \"y\" ; #"));
        assertEquals("@('a', 'b''c')", PsQuote.array(List.of("a", "b'c")));
        assertEquals("@()", PsQuote.array(List.of()));
        for (String h : HOSTILE) {
            assertEquals(h, evaluate(PsQuote.literal(h)), printable(h));
        }
    }

    @Test
    void scriptIsUtf8WithBomAndCrlf() {
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compileText(d, """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: café}
                spec:
                  citrixVirtualLoopback: {enabled: true, programs: [é.exe]}
                """.replace("café", "cafe"));
        byte[] b = PowerShellScript.script(c.citrix(c.policies().get(0)));
        assertEquals(0xEF, b[0] & 0xFF);
        assertEquals(0xBB, b[1] & 0xFF);
        assertEquals(0xBF, b[2] & 0xFF);
        String s = text(b);
        assertFalse(s.replace("\r\n", "").contains("\n"));
        assertTrue(s.contains("'é.exe'"));
        assertTrue(s.contains("SupportsShouldProcess") && s.contains("no change:"), "supports -WhatIf and reports no change");
        assertTrue(s.contains("Where-Object { $_.PSChildName -eq $Name -and"), "settings are found by name");
        assertFalse(s.contains("VirtualIP\\"), "no guessed setting path in the script");
    }

    /** Outside literals, strings and comments every bracket closes in order: the script's structure is intact. */
    private static void assertBalanced(String code) {
        String withoutComments = code.replaceAll("(?s)<#.*?#>", "").replaceAll("#[^\n]*", "").replaceAll("\"[^\"]*\"", "\"\"");
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        for (char c : withoutComments.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                open.push(c);
            } else if (c == ')' || c == '}' || c == ']') {
                char o = open.isEmpty() ? '?' : open.pop();
                assertEquals("({[".charAt(")}]".indexOf(c)), o, "unbalanced " + c);
            }
        }
        assertTrue(open.isEmpty(), "unclosed " + open);
    }

    private static String text(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The value of the expression after {@code prefix} on its (single) line. */
    private static String value(String script, String prefix) {
        for (String line : script.split("\r\n")) {
            if (line.startsWith(prefix)) {
                return evaluate(line.substring(prefix.length()));
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    /** Evaluates the only expression shapes PsQuote writes: 'lit', [char]0xHHHH, joined by + in parentheses. */
    static String evaluate(String expr) {
        String e = expr.strip();
        if (e.startsWith("(") && e.endsWith(")")) {
            e = e.substring(1, e.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (PsQuote.isQuote(c)) {
                i++;
                while (true) {
                    if (i >= e.length()) {
                        throw new AssertionError("unterminated literal in " + expr);
                    }
                    char d = e.charAt(i);
                    if (PsQuote.isQuote(d)) {
                        if (i + 1 < e.length() && PsQuote.isQuote(e.charAt(i + 1))) {
                            out.append(d);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    out.append(d);
                    i++;
                }
            } else if (e.startsWith("[char]0x", i)) {
                out.append((char) Integer.parseInt(e.substring(i + 8, i + 12), 16));
                i += 12;
            } else if (e.startsWith(" + ", i)) {
                i += 3;
            } else {
                throw new AssertionError("unexpected '" + c + "' at " + i + " in " + expr);
            }
        }
        return out.toString();
    }

    /** Splits a script into single-quoted literal values and everything else (code, comments, "strings"). */
    record Scan(List<String> literals, String code) {
        static Scan of(String s) {
            List<String> literals = new ArrayList<>();
            StringBuilder code = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (PsQuote.isQuote(c)) {
                    StringBuilder lit = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= s.length()) {
                            throw new AssertionError("unterminated single-quoted literal");
                        }
                        char d = s.charAt(i);
                        if (PsQuote.isQuote(d)) {
                            if (i + 1 < s.length() && PsQuote.isQuote(s.charAt(i + 1))) {
                                lit.append(d);
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        lit.append(d);
                        i++;
                    }
                    literals.add(lit.toString());
                    code.append("'L'");
                } else if (c == '"') {
                    int end = s.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new AssertionError("unterminated double-quoted string");
                    }
                    code.append(s, i, end + 1);
                    i = end + 1;
                } else if (c == '#') {
                    int end = s.indexOf('\n', i);
                    end = end < 0 ? s.length() : end;
                    code.append(s, i, end);
                    i = end;
                } else if (s.startsWith("<#", i)) {
                    int end = s.indexOf("#>", i);
                    if (end < 0) {
                        throw new AssertionError("unterminated block comment");
                    }
                    code.append(s, i, end + 2);
                    i = end + 2;
                } else {
                    code.append(c);
                    i++;
                }
            }
            return new Scan(literals, code.toString());
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
