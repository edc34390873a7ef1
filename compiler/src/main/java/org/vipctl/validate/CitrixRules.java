package org.vipctl.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.model.CitrixFilter;
import org.vipctl.model.CitrixPolicySettings;
import org.vipctl.model.Located;
import org.vipctl.model.Policy;

/**
 * Rules for spec.citrixPolicy: the name must be usable as a Citrix policy name (it becomes a path
 * component in the Citrix Group Policy PowerShell provider, where wildcard and separator characters
 * break lookups), filter values must say what they match, and policies compiled together must not
 * collide in one Citrix site (same name, or same priority in one policy set).
 */
final class CitrixRules {

    /** Separators and wildcards of PowerShell provider paths, characters Windows file names refuse, control characters. */
    private static final Pattern NAME_ILLEGAL = Pattern.compile("[\\\\/:*?\"<>|\\[\\]\\x00-\\x1f\\x7f]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");
    /** An IPv4/IPv6 address, range, subnet or trailing-octet wildcard: digits, hex, '.', ':', '*', '/', '-'. */
    private static final Pattern CLIENT_IP = Pattern.compile("[0-9A-Fa-f.:*/-]+");
    private static final Set<String> RESERVED = Set.of("unfiltered");

    private CitrixRules() {
    }

    static void check(Policy policy, Diagnostics out) {
        Optional<CitrixPolicySettings> settings = policy.spec().citrixPolicy();
        if (settings.isEmpty()) {
            return;
        }
        CitrixPolicySettings cp = settings.get();
        if (policy.spec().citrixVirtualLoopback().isEmpty()) {
            out.add(Rule.CITRIX_POLICY.warning(cp.at(), "citrixPolicy is set but this policy has no Citrix policy settings "
                            + "(citrixVirtualLoopback); no Citrix policy is exported for it",
                    "add citrixVirtualLoopback, or remove citrixPolicy (citrixPreferLoopback is a registry setting)"));
        }
        cp.name().ifPresent(n -> nameProblem(n.value()).ifPresent(why -> out.add(Rule.CITRIX_POLICY.error(n.at(),
                "Citrix policy name '" + printable(n.value()) + "' " + why,
                "use letters, digits, spaces, '-', '_' or '.', e.g. '" + suggestion(n.value()) + "'"))));
        cp.policySet().ifPresent(set -> {
            if (set.isBlank() || CONTROL.matcher(set).find()) {
                out.add(Rule.CITRIX_POLICY.error(cp.at(), "citrixPolicy.policySet must be a policy set name without control characters",
                        "leave it out to use " + CitrixPolicySettings.SITE_POLICY_SET));
            }
        });
        if (cp.priority().value() < 1) {
            out.add(Rule.CITRIX_POLICY.error(cp.priority().at(), "Citrix policy priority must be 1 or more",
                    "1 is the highest priority"));
        }
        filters(cp.filters(), out);
    }

    static Optional<String> nameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("is empty");
        }
        if (!name.equals(name.strip())) {
            return Optional.of("has leading or trailing spaces");
        }
        if (NAME_ILLEGAL.matcher(name).find()) {
            return Optional.of("contains a character Citrix policy names cannot have (\\ / : * ? \" < > | [ ] or a control character)");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("is the name of Citrix's built-in policy");
        }
        return Optional.empty();
    }

    private static void filters(List<CitrixFilter> filters, Diagnostics out) {
        Map<String, Location> seen = new HashMap<>();
        for (CitrixFilter f : filters) {
            String v = f.value();
            if (v.isBlank()) {
                out.add(Rule.CITRIX_POLICY.error(f.at(), f.type() + " filter has an empty value",
                        "say what the filter matches, e.g. " + example(f.type())));
                continue;
            }
            if (CONTROL.matcher(v).find() || !v.equals(v.strip())) {
                out.add(Rule.CITRIX_POLICY.error(f.at(), f.type() + " filter value '" + printable(v)
                        + "' has control characters or leading/trailing spaces", "write it as Citrix shows it, e.g. " + example(f.type())));
                continue;
            }
            if (f.type().equals("ClientIP") && !CLIENT_IP.matcher(v).matches()) {
                out.add(Rule.CITRIX_POLICY.error(f.at(), "ClientIP filter value '" + v + "' is not an IP address, range or subnet",
                        "write e.g. 192.0.2.10, 192.0.2.1-192.0.2.70, 192.0.2.0/24 or 192.0.*.*"));
                continue;
            }
            Location first = seen.putIfAbsent(f.type() + "\u0000" + v.toLowerCase(Locale.ROOT), f.at());
            if (first != null) {
                out.add(Rule.CITRIX_POLICY.warning(f.at(), f.type() + " filter '" + v + "' is listed twice",
                        "remove one; the first is at " + first).withRelated(first));
            }
        }
    }

    /**
     * Two policies compiled together may not both write the same priority within one policy set
     * (the Validator checks that their Citrix names differ). A priority left at its default is not
     * compared: Citrix keeps such policies in the order they are imported.
     */
    static void acrossFiles(List<Policy> policies, Diagnostics out) {
        Map<String, Policy> names = new HashMap<>();
        for (Policy p : policies) {
            if (p.spec().citrixVirtualLoopback().isEmpty()) {
                continue;
            }
            Located<String> name = p.spec().citrixPolicy().flatMap(CitrixPolicySettings::name).orElse(p.name());
            Policy first = names.putIfAbsent(name.value().toLowerCase(Locale.ROOT), p);
            if (first != null) {
                Location firstAt = first.spec().citrixPolicy().flatMap(CitrixPolicySettings::name)
                        .orElse(first.name()).at();
                out.add(Rule.CITRIX_POLICY.error(name.at(), "Citrix policy name '" + name.value()
                                + "' is also used at " + firstAt + " (policy '" + first.name().value() + "')",
                        "set a distinct citrixPolicy.name (it defaults to metadata.name); Citrix policy names are "
                                + "unique in a site, ignoring case").withRelated(firstAt));
            }
        }
        Map<String, Located<Integer>> priorities = new HashMap<>();
        for (Policy p : policies) {
            if (p.spec().citrixVirtualLoopback().isEmpty() || !explicitPriority(p)) {
                continue;
            }
            CitrixPolicySettings cp = p.spec().citrixPolicy().orElseThrow();
            String key = cp.policySetName().toLowerCase(Locale.ROOT) + "\u0000" + cp.priority().value();
            Located<Integer> first = priorities.putIfAbsent(key, cp.priority());
            if (first != null) {
                out.add(Rule.CITRIX_POLICY.error(cp.priority().at(), "Citrix policy priority " + cp.priority().value()
                                + " in policy set '" + cp.policySetName() + "' is also used at " + first.at(),
                        "give each Citrix policy its own citrixPolicy.priority (1 is highest)").withRelated(first.at()));
            }
        }
    }

    private static boolean explicitPriority(Policy p) {
        return !p.source().tree().at("/spec/citrixPolicy/priority").isMissingNode();
    }

    private static String example(String type) {
        return switch (type) {
            case "DesktopGroup" -> "'Sales desktops' (the delivery group name)";
            case "DesktopTag" -> "'loopback-apps' (the tag name)";
            case "ClientIP" -> "'192.0.2.0/24'";
            default -> "'CONTOSO\\CTI users'";
        };
    }

    private static String suggestion(String name) {
        String s = NAME_ILLEGAL.matcher(name).replaceAll("-").strip();
        return s.isEmpty() || RESERVED.contains(s.toLowerCase(Locale.ROOT)) ? "Virtual loopback" : s;
    }

    /** The value with control characters shown as \\uXXXX, so a message stays on one line. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
