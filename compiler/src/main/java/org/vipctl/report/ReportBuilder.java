package org.vipctl.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vipctl.Compilation;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;
import org.vipctl.model.CitrixFilter;
import org.vipctl.model.IpVirtualizationMode;
import org.vipctl.model.Located;
import org.vipctl.model.LoopbackAddress;
import org.vipctl.model.Policy;
import org.vipctl.model.Spec;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/** Builds a {@link Report} from valid policies; it states what the policies say and what vipctl derives, nothing else. */
public final class ReportBuilder {

    /** Sessions shown in the loopback table: the first few, and around 255 where the vendors' readings part. */
    static final long[] SESSIONS = {1, 2, 3, 254, 255, 256, 1000};

    private ReportBuilder() {
    }

    public static Report build(String title, Compilation compilation, List<Diagnostic> findings) {
        List<Report.PolicySection> sections = new ArrayList<>();
        Set<String> unconfirmed = new LinkedHashSet<>();
        boolean loopback = false;
        for (Policy p : compilation.policies()) {
            Spec spec = p.spec();
            loopback |= spec.rdsLoopbackVirtualization().map(l -> l.enabled()).orElse(false) || spec.citrixVirtualLoopbackEnabled();
            RegistryState local = compilation.registry(p, Scope.LOCAL);
            RegistryState policy = compilation.registry(p, Scope.POLICY);
            for (RegistryState s : List.of(local, policy)) {
                for (RegistryEntry e : s.entries()) {
                    compilation.catalog().byId(e.from().settingId()).ifPresent(setting -> unconfirmed(setting, s.scope(), unconfirmed));
                }
            }
            CitrixPolicy citrix = compilation.citrix(p);
            citrix.settings().forEach(v -> v.setting().pathUnconfirmed().ifPresent(why ->
                    unconfirmed.add("Citrix setting " + v.setting().name() + ": provider path " + v.setting().path() + " (" + why + ")")));
            sections.add(new Report.PolicySection(p.name().value(), p.file(), p.description().orElse(""), does(spec),
                    features(spec), targets(p), values(local, compilation), values(policy, compilation), citrix(citrix)));
        }
        List<Report.Finding> notes = findings.stream()
                .map(d -> new Report.Finding(d.severity().label(), d.ruleId(), d.location().toString(), d.message())).toList();
        List<Report.LoopbackRow> rows = new ArrayList<>();
        if (loopback) {
            for (long n : SESSIONS) {
                LoopbackAddress a = LoopbackAddress.forSession(n);
                rows.add(new Report.LoopbackRow(n, a.citrix(), a.microsoft(), a.readingsAgree()));
            }
        }
        return new Report(title, sections, List.copyOf(unconfirmed), notes, rows);
    }

    private static void unconfirmed(Setting setting, Scope scope, Set<String> out) {
        setting.placement(scope).flatMap(pl -> pl.unconfirmed().map(why -> setting.title() + " (" + scope.label()
                + " scope, " + pl.key() + "\\" + pl.valueName() + "): " + why)).ifPresent(out::add);
    }

    static List<String> does(Spec spec) {
        List<String> out = new ArrayList<>();
        spec.rdsIpVirtualization().ifPresent(ip -> {
            if (!ip.enabled()) {
                out.add("Turns Remote Desktop IP Virtualization off.");
                return;
            }
            String adapter = ip.networkAdapter().map(Located::value).orElse("(no adapter)");
            if (ip.effectiveMode() == IpVirtualizationMode.PER_SESSION) {
                out.add("Gives every session its own IP address from the DHCP scope of the adapter " + adapter
                        + " (Remote Desktop IP Virtualization, per session).");
            } else {
                out.add("Gives each instance of " + names(ip.programs()) + " its own IP address from the DHCP scope of the adapter "
                        + adapter + " (Remote Desktop IP Virtualization, per program).");
            }
            ip.useServerIpWhenUnavailable().ifPresent(u -> out.add(u.value()
                    ? "A program whose address lease fails uses the server's own IP address."
                    : "A program whose address lease fails gets no address (it does not fall back to the server's IP)."));
        });
        spec.rdsLoopbackVirtualization().ifPresent(l -> out.add(l.enabled()
                ? "Gives each session its own loopback address: a program that binds 127.0.0.1 gets its session's address"
                        + " (RDS loopback virtualization)."
                : "Turns RDS loopback virtualization off."));
        spec.citrixVirtualLoopback().ifPresent(c -> out.add(c.isEnabled()
                ? (c.programs().isEmpty() ? "Citrix virtual loopback support is enabled, with no programs listed."
                        : "Citrix virtual loopback: each session's instances of " + names(c.programs())
                        + " get the session's own loopback address.")
                : "Sets Citrix virtual loopback support to Disabled."));
        spec.citrixPreferLoopback().ifPresent(p -> out.add(p.enabled()
                ? (p.processes().isEmpty() ? "Citrix prefer loopback is enabled, with no processes listed."
                        : "Citrix prefer loopback: instances of " + names(p.processes())
                        + " use the session's loopback address rather than its virtual IP.")
                : "Turns Citrix prefer loopback off."));
        long keys = spec.registry().stream().filter(c -> RegistryEntry.isKeyOnly(c.name())).count();
        long values = spec.registry().size() - keys;
        if (values > 0) {
            out.add("Manages " + values + " further registry value" + (values == 1 ? "" : "s") + " (spec.registry).");
        }
        if (keys > 0) {
            out.add("Makes sure " + keys + " registry key" + (keys == 1 ? " exists" : "s exist")
                    + " (spec.registry entries without a name).");
        }
        return out;
    }

    private static String names(List<Located<String>> items) {
        return items.stream().map(Located::value).collect(Collectors.joining(", "));
    }

    /** The features a policy manages, as the table's columns. */
    static List<String> features(Spec spec) {
        List<String> f = new ArrayList<>();
        spec.rdsIpVirtualization().ifPresent(x -> f.add("RD IP Virtualization"));
        spec.rdsLoopbackVirtualization().ifPresent(x -> f.add("RDS loopback virtualization"));
        spec.citrixVirtualLoopback().ifPresent(x -> f.add("Citrix virtual loopback"));
        spec.citrixPreferLoopback().ifPresent(x -> f.add("Citrix prefer loopback"));
        return f;
    }

    private static List<Report.TargetRow> targets(Policy p) {
        List<String> features = features(p.spec());
        List<Report.TargetRow> rows = new ArrayList<>();
        for (Located<TargetOs> t : p.targets()) {
            TargetOs os = t.value();
            List<String> support = new ArrayList<>();
            for (String f : features) {
                boolean ok = switch (f) {
                    case "RD IP Virtualization" -> os.isServer();
                    case "RDS loopback virtualization" -> os.atLeast(TargetOs.WINDOWS_SERVER_2012);
                    default -> os.atLeast(TargetOs.WINDOWS_SERVER_2016);
                };
                support.add(ok ? "yes" : "no (ignored there)");
            }
            rows.add(new Report.TargetRow(os.displayName(), support));
        }
        return rows;
    }

    private static List<Report.ValueRow> values(RegistryState state, Compilation compilation) {
        List<Report.ValueRow> rows = new ArrayList<>();
        for (RegistryEntry e : state.entries()) {
            String setting = compilation.catalog().byId(e.from().settingId()).map(Setting::title).orElse(e.from().settingId());
            String path = e.key().hive() + "\\" + e.key().literalPath();
            String name = e.name().isEmpty() ? "(default)" : e.name();
            if (e.isKeyOnly()) {
                rows.add(new Report.ValueRow(path, "(key)", "", "(the key exists)", setting));
            } else if (e instanceof RegistryEntry.Set s) {
                rows.add(new Report.ValueRow(path, name, s.value().type().name(), s.value().display(), setting));
            } else {
                rows.add(new Report.ValueRow(path, name, "", "(deleted)", setting));
            }
        }
        return rows;
    }

    private static List<Report.CitrixRow> citrix(CitrixPolicy c) {
        List<Report.CitrixRow> rows = new ArrayList<>();
        if (c.isEmpty()) {
            return rows;
        }
        rows.add(new Report.CitrixRow("Citrix policy", c.name() + " (priority " + c.priority() + (c.enabled() ? "" : ", disabled") + ")"));
        for (CitrixSettingValue v : c.settings()) {
            rows.add(new Report.CitrixRow(v.setting().name(), v.values().isEmpty() ? v.state() : v.state() + ": " + String.join(", ", v.values())));
        }
        for (CitrixFilter f : c.filters()) {
            rows.add(new Report.CitrixRow("Assigned to " + f.type(), f.value() + " (" + f.mode() + (f.enabled() ? "" : ", disabled") + ")"));
        }
        if (c.filters().isEmpty()) {
            rows.add(new Report.CitrixRow("Assigned to", "nothing yet: assign it in Studio or add citrixPolicy.filters"));
        }
        return rows;
    }
}
