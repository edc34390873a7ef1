package org.vipctl.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid policies with every typed section and any registry entries, written as JSON (which is
 * YAML), so the generator does not lean on the YAML writer under test. The typed sections are in
 * canonical form: only fields that lowering writes (a disabled feature has just {@code enabled}).
 */
final class PolicyArbitraries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Every character outside ASCII as an escape: YAML reads those in double quotes exactly as JSON means them. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    private PolicyArbitraries() {
    }

    static String text(ObjectNode policy) {
        try {
            return MAPPER.writeValueAsString(policy).replace("\u007f", "\\u007F");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Arbitrary<String> programs() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-_").ofMinLength(1).ofMaxLength(10)
                .map(s -> s + ".exe");
    }

    static Arbitrary<List<String>> programList(int min) {
        return programs().list().ofMinSize(min).ofMaxSize(4).uniqueElements(s -> s.toLowerCase(Locale.ROOT));
    }

    static Arbitrary<ObjectNode> ipVirtualization() {
        Arbitrary<String> cidr = Combinators.combine(Arbitraries.integers().between(1, 223), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(8, 30))
                .as((a, b, c, n) -> a + "." + b + "." + c + ".0/" + n);
        Arbitrary<ObjectNode> on = Combinators.combine(Arbitraries.of("", "perProgram", "perSession"), programList(1), cidr,
                Arbitraries.of(0, 1, 2)).as((mode, programs, adapter, fallback) -> {
                    ObjectNode o = JSON.objectNode().put("enabled", true);
                    if (!mode.isEmpty()) {
                        o.put("mode", mode);
                    }
                    if (!mode.equals("perSession")) {
                        programs.forEach(o.putArray("programs")::add);
                    }
                    o.put("networkAdapter", adapter);
                    if (fallback < 2) {
                        o.put("useServerIpWhenUnavailable", fallback == 1);
                    }
                    return o;
                });
        return Arbitraries.oneOf(on, Arbitraries.just(0).map(x -> JSON.objectNode().put("enabled", false)));
    }

    static Arbitrary<ObjectNode> citrixPolicy() {
        Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars(" -_.").ofMinLength(1).ofMaxLength(20)
                .map(String::strip).filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("unfiltered"));
        Arbitrary<ObjectNode> filter = Combinators.combine(Arbitraries.of("DesktopGroup", "DesktopTag", "User"),
                Arbitraries.strings().alpha().numeric().withChars(" \\-").ofMinLength(1).ofMaxLength(15).map(String::strip)
                        .filter(s -> !s.isEmpty()),
                Arbitraries.of("Allow", "Deny"), Arbitraries.of(true, false))
                .as((type, value, mode, enabled) -> {
                    ObjectNode f = JSON.objectNode().put("type", type).put("value", value).put("mode", mode);
                    if (!enabled) {
                        f.put("enabled", false);
                    }
                    return f;
                });
        return Combinators.combine(names, Arbitraries.integers().between(1, 9), Arbitraries.of(true, false),
                filter.list().ofMaxSize(3)).as((name, priority, enabled, filters) -> {
                    ObjectNode cp = JSON.objectNode().put("name", name);
                    if (priority != 1) {
                        cp.put("priority", priority);
                    }
                    if (!enabled) {
                        cp.put("enabled", false);
                    }
                    if (!filters.isEmpty()) {
                        filters.forEach(cp.putArray("filters")::add);
                    }
                    return cp;
                });
    }

    /** Registry entries outside the catalog's keys, each value once; data of every type a policy takes, and keys alone. */
    static Arbitrary<List<ObjectNode>> registry() {
        Arbitrary<String> part = Arbitraries.strings().alpha().numeric().withChars(" _.-{}").ofMinLength(1).ofMaxLength(10)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<String> key = part.list().ofMinSize(1).ofMaxSize(3).map(ps -> "HKLM\\SOFTWARE\\Vendor\\" + String.join("\\", ps));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().alpha().numeric()
                .withChars(" .-_#:'\"[]{},&*!|>%@`\\").ofMaxLength(12).filter(s -> !s.startsWith("**")),
                Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().excludeChars('\0').ofMaxLength(20).filter(RegistryEntries::representable),
                Arbitraries.of("true", "no", "null", "~", "9000", "0x1F", "1.5", "2024-01-01", "- a", "a: b", "#x", "'q'",
                        "\"dq\"", "", " lead", "trail ", "\u2028", "\uFEFFbom", "line\nbreak", "tab\there", "%VAR%\\x"));
        Arbitrary<ObjectNode> value = Combinators.combine(key, name, Arbitraries.integers().between(0, 7), text,
                text.filter(s -> !s.isEmpty()).list().ofMaxSize(3), Arbitraries.longs(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12))
                .as((k, n, kind, s, items, number, bytes) -> {
                    ObjectNode o = JSON.objectNode().put("key", k).put("name", n);
                    switch (kind) {
                        case 0 -> o.put("type", "REG_SZ").put("data", s);
                        case 1 -> o.put("type", "REG_EXPAND_SZ").put("data", s);
                        case 2 -> o.put("type", "REG_DWORD").put("data", number & 0xFFFF_FFFFL);
                        case 3 -> o.put("type", "REG_QWORD").put("data", new BigInteger(Long.toUnsignedString(number)));
                        case 4 -> {
                            ArrayNode a = o.put("type", "REG_MULTI_SZ").putArray("data");
                            items.forEach(a::add);
                        }
                        case 5 -> o.put("type", "REG_BINARY").put("data", HexFormat.of().formatHex(bytes));
                        case 6 -> o.put("ensure", "absent");
                        default -> o.remove("name"); // the key itself
                    }
                    return o;
                });
        return value.list().ofMaxSize(5).map(list -> {
            Set<String> seen = new HashSet<>();
            List<ObjectNode> unique = new ArrayList<>();
            for (ObjectNode o : list) {
                String valueName = o.has("name") ? o.get("name").asText() : "\0key";
                if (seen.add((o.get("key").asText() + "\0" + valueName).toLowerCase(Locale.ROOT))) {
                    unique.add(o);
                }
            }
            return unique;
        });
    }

    /**
     * One valid policy. {@code citrix} adds Citrix virtual loopback (and then prefer loopback may
     * come, with the IP virtualization Citrix requires beside it).
     */
    static Arbitrary<ObjectNode> policies(boolean citrix) {
        Arbitrary<ObjectNode> loopbackVirt = Arbitraries.of(true, false).map(b -> JSON.objectNode().put("enabled", b));
        Arbitrary<ObjectNode> citrixLoopback = Combinators.combine(Arbitraries.of(true, false), programList(0))
                .as((on, programs) -> {
                    ObjectNode o = JSON.objectNode().put("enabled", on);
                    if (on) {
                        programs.forEach(o.putArray("programs")::add);
                    }
                    return o;
                });
        return Combinators.combine(ipVirtualization().optional(), loopbackVirt.optional(), citrixLoopback,
                Arbitraries.of(0, 1, 2), programList(0), citrixPolicy().optional(), registry(), Arbitraries.of(true, false))
                .as((ip, loop, cl, prefer, processes, cp, reg, withCitrix) -> {
                    ObjectNode spec = JSON.objectNode();
                    boolean useCitrix = citrix && withCitrix;
                    boolean preferOn = useCitrix && prefer == 1;
                    if (preferOn) {
                        spec.set("rdsIpVirtualization", JSON.objectNode().put("enabled", true).put("mode", "perSession")
                                .put("networkAdapter", "192.0.2.96/24"));
                    } else {
                        ip.ifPresent(x -> spec.set("rdsIpVirtualization", x));
                    }
                    loop.ifPresent(x -> spec.set("rdsLoopbackVirtualization", x));
                    if (useCitrix) {
                        ObjectNode c = preferOn ? JSON.objectNode().put("enabled", true) : cl;
                        if (preferOn) {
                            processes.forEach(c.putArray("programs")::add);
                        }
                        spec.set("citrixVirtualLoopback", c);
                        cp.ifPresent(x -> spec.set("citrixPolicy", x));
                    }
                    if (preferOn) {
                        ObjectNode p = JSON.objectNode().put("enabled", true);
                        processes.forEach(p.putArray("processes")::add);
                        spec.set("citrixPreferLoopback", p);
                    } else if (prefer == 2) {
                        spec.set("citrixPreferLoopback", JSON.objectNode().put("enabled", false));
                    }
                    if (!reg.isEmpty()) {
                        reg.forEach(spec.putArray("registry")::add);
                    }
                    ObjectNode doc = JSON.objectNode().put("apiVersion", "vipctl/v1").put("kind", "VipPolicy");
                    doc.putObject("metadata").put("name", "p");
                    doc.putObject("targets").putArray("os").add("windowsServer2019").add("windowsServer2022");
                    doc.set("spec", spec);
                    return doc;
                });
    }
}
