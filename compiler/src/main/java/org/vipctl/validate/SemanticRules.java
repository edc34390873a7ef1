package org.vipctl.validate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.model.CitrixPreferLoopback;
import org.vipctl.model.CitrixVirtualLoopback;
import org.vipctl.model.IpVirtualizationMode;
import org.vipctl.model.Located;
import org.vipctl.model.Policy;
import org.vipctl.model.RdsIpVirtualization;
import org.vipctl.model.Spec;
import org.vipctl.model.TargetOs;

/** The rules of one policy that a schema cannot express. */
final class SemanticRules {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final String MS_2012 = "Microsoft, \"RDS IP Virtualization in Windows Server 2012\"";
    private static final String CITRIX_DOC = "Citrix, \"Virtual IP and virtual loopback\"";

    private SemanticRules() {
    }

    static void check(Policy policy, Effective effective, Diagnostics out) {
        Spec spec = policy.spec();
        policyName(policy, out);
        spec.rdsIpVirtualization().ifPresent(ip -> ipVirtualization(ip, out));
        spec.citrixVirtualLoopback().ifPresent(c -> citrixLoopback(c, out));
        spec.citrixPreferLoopback().ifPresent(p -> preferLoopback(p, effective, out));
        CitrixRules.check(policy, out);
        spec.rdsLoopbackVirtualization().ifPresent(l -> {
            if (l.enabled() && !effective.ipVirtualization()) {
                out.add(Rule.LOOPBACK_WITHOUT_IP_VIRTUALIZATION.warning(l.at(),
                        "loopback virtualization is on but no policy enables RD IP virtualization",
                        "Windows may read VirtualizeLoopbackAdresses only when EnableVirtualIP is non-zero in the same key "
                                + "(not confirmed by Microsoft); enable rdsIpVirtualization or check on a test server"));
            }
        });
        targets(policy, out);
    }

    /** Windows device names: a file named CON.reg or nul.adml cannot be created or opened as a file. */
    private static final Pattern DEVICE_NAME = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private static void policyName(Policy policy, Diagnostics out) {
        String name = policy.name().value();
        if (DEVICE_NAME.matcher(name).matches()) {
            out.add(Rule.NOT_ALLOWED.error(policy.name().at(), "policy name '" + name
                            + "' is a Windows device name; output files named after it cannot be written on Windows",
                    "choose another name, e.g. '" + name + "-policy'"));
        }
    }

    private static void ipVirtualization(RdsIpVirtualization ip, Diagnostics out) {
        // The form of every entry is checked even when the feature is off: the file is wrong either way.
        ProgramNames.check(ip.programs(), "rdsIpVirtualization.programs", out);
        ip.networkAdapter().ifPresent(a -> cidrProblem(a.value()).ifPresent(why -> out.add(Rule.BAD_CIDR.error(a.at(),
                "networkAdapter '" + a.value() + "' " + why,
                "write the adapter's IPv4 address and prefix length, e.g. 192.0.2.96/24"))));
        if (!ip.enabled()) {
            return;
        }
        if (ip.effectiveMode() == IpVirtualizationMode.PER_PROGRAM && ip.programs().isEmpty()) {
            Location at = ip.mode().map(Located::at).orElse(ip.at());
            out.add(Rule.PROGRAMS_REQUIRED.error(at, "per-program IP virtualization needs a non-empty 'programs' list"
                            + (ip.mode().isEmpty() ? " (per program is Windows' default mode)" : ""),
                    "add programs: [app.exe], or set mode: perSession to virtualize every program"));
        }
        if (ip.effectiveMode() == IpVirtualizationMode.PER_SESSION && !ip.programs().isEmpty()) {
            out.add(Rule.PROGRAMS_IGNORED.warning(ip.programs().get(0).at(),
                    "'programs' is ignored in perSession mode: every program of the session gets a virtual IP",
                    "remove the list, or set mode: perProgram"));
        }
        if (ip.networkAdapter().isEmpty()) {
            out.add(Rule.ADAPTER_REQUIRED.error(ip.at(), "IP virtualization is enabled but no 'networkAdapter' is set",
                    "add networkAdapter: <adapter IPv4 address>/<prefix>, e.g. 192.0.2.96/24"));
        }
    }

    static java.util.Optional<String> cidrProblem(String s) {
        Matcher m = CIDR.matcher(s);
        if (!m.matches()) {
            return java.util.Optional.of("is not an IPv4 address in CIDR form (a.b.c.d/n)");
        }
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                return java.util.Optional.of("has an invalid address part '" + octet + "' (0..255, no leading zeros)");
            }
        }
        if (Integer.parseInt(m.group(5)) > 32) {
            return java.util.Optional.of("has a prefix length above 32");
        }
        return java.util.Optional.empty();
    }

    private static void citrixLoopback(CitrixVirtualLoopback c, Diagnostics out) {
        if (!c.isEnabled() && !c.programs().isEmpty()) {
            Location at = c.enabled().map(Located::at).orElse(c.programs().get(0).at());
            out.add(Rule.CITRIX_PROGRAMS_WITHOUT_SUPPORT.error(at,
                    "citrixVirtualLoopback.programs is set but virtual loopback support is not enabled; Citrix ignores the list",
                    "set citrixVirtualLoopback.enabled: true, or remove the program list"));
        }
        ProgramNames.check(c.programs(), "citrixVirtualLoopback.programs", ProgramNames.Paths.DISCOURAGED, out);
    }

    private static void preferLoopback(CitrixPreferLoopback p, Effective effective, Diagnostics out) {
        ProgramNames.check(p.processes(), "citrixPreferLoopback.processes", out);
        if (!p.enabled()) {
            return;
        }
        if (!effective.ipVirtualization() || !effective.citrixVirtualLoopback()) {
            String missing = !effective.ipVirtualization() && !effective.citrixVirtualLoopback()
                    ? "RD IP virtualization and Citrix virtual loopback are"
                    : !effective.ipVirtualization() ? "RD IP virtualization is" : "Citrix virtual loopback is";
            out.add(Rule.PREFER_LOOPBACK_PREREQUISITES.error(p.at(),
                    "prefer loopback is enabled but " + missing + " not enabled by any policy compiled with it",
                    "Citrix: use PreferLoopback only when both virtual IP and virtual loopback are enabled, "
                            + "otherwise results are unintended (" + CITRIX_DOC + ")"));
        }
        if (p.processes().isEmpty()) {
            out.add(Rule.PROGRAMS_REQUIRED.warning(p.at(), "prefer loopback is enabled without any 'processes'",
                    "list the executables that should prefer the loopback address"));
        }
        for (Located<String> proc : p.processes()) {
            if (effective.citrixVirtualLoopback()
                    && !effective.loopbackPrograms().contains(proc.value().toLowerCase(Locale.ROOT))) {
                out.add(Rule.PREFER_PROCESS_NOT_VIRTUALIZED.warning(proc.at(),
                        "'" + proc.value() + "' prefers loopback but is not in citrixVirtualLoopback.programs",
                        "add it to citrixVirtualLoopback.programs, or remove it here"));
            }
        }
    }

    /**
     * Citrix virtual loopback on a server below 2016. When no target can use it, the settings are a
     * mistake (VIP042, error). When the list mixes old and new servers, the Citrix policy still does
     * its work on the new ones and the old ones ignore it: a warning (VIP044) that names the programs
     * that get no virtual loopback there.
     */
    private static void citrixOnOldServer(Policy policy, Located<TargetOs> t, boolean anyCitrixTarget, Diagnostics out) {
        TargetOs os = t.value();
        if (!anyCitrixTarget) {
            out.add(Rule.CITRIX_OS.error(t.at(), "Citrix virtual loopback is supported on Windows Server 2016 or later; "
                            + os.displayName() + " is not (" + CITRIX_DOC + ")",
                    "remove " + os.yamlName() + " from targets.os, or move the Citrix settings to a policy for newer servers"));
            return;
        }
        List<String> programs = policy.spec().citrixVirtualLoopback()
                .map(c -> c.programs().stream().map(Located::value).toList()).orElse(List.of());
        if (programs.isEmpty()) {
            out.add(Rule.CITRIX_PROGRAMS_OLD_OS.warning(t.at(), "Citrix virtual loopback settings are ignored on "
                            + os.displayName() + " (supported on Windows Server 2016 or later, " + CITRIX_DOC + ")",
                    "split the policy by OS, or remove " + os.yamlName() + " from targets.os"));
        } else {
            out.add(Rule.CITRIX_PROGRAMS_OLD_OS.warning(t.at(), "Citrix virtual loopback programs (" + String.join(", ", programs)
                            + ") are listed but " + os.displayName() + " does not support virtual loopback (Windows Server 2016 or later, "
                            + CITRIX_DOC + "); they get no virtual loopback address there",
                    "split the policy by OS, or remove " + os.yamlName() + " from targets.os"));
        }
    }

    private static void targets(Policy policy, Diagnostics out) {
        Spec spec = policy.spec();
        boolean ip = spec.rdsIpVirtualization().isPresent();
        boolean rdsLoopback = spec.rdsLoopbackVirtualization().map(l -> l.enabled()).orElse(false);
        boolean citrix = spec.citrixVirtualLoopbackEnabled()
                || spec.citrixPreferLoopback().map(CitrixPreferLoopback::enabled).orElse(false);
        boolean anyFeature = ip || spec.rdsLoopbackVirtualization().isPresent() || spec.citrixVirtualLoopback().isPresent()
                || spec.citrixPreferLoopback().isPresent();
        List<Located<TargetOs>> targets = policy.targets();
        boolean anyCitrixTarget = targets.stream().anyMatch(t -> t.value().atLeast(TargetOs.WINDOWS_SERVER_2016));
        if (targets.isEmpty() && anyFeature) {
            out.add(new org.vipctl.diagnostic.Diagnostic(org.vipctl.diagnostic.Severity.NOTE, Rule.NO_TARGETS.id(),
                    "no targets.os listed: operating system support is not checked", "add targets: {os: [windowsServer2022]}",
                    policy.at(), List.of()));
        }
        for (Located<TargetOs> t : targets) {
            TargetOs os = t.value();
            if (!os.isServer() && anyFeature) {
                String why = os == TargetOs.WINDOWS_10_MULTI_SESSION || os == TargetOs.WINDOWS_11_MULTI_SESSION
                        ? os.displayName() + " supports neither virtual IP nor virtual loopback (" + CITRIX_DOC + ")"
                        : "virtual IP and virtual loopback are Remote Desktop Session Host features of Windows Server; "
                                + os.displayName() + " is a desktop OS (" + CITRIX_DOC + ")";
                out.add(Rule.UNSUPPORTED_OS.error(t.at(), why, "target Windows Server session hosts only"));
                continue;
            }
            if (rdsLoopback && !os.atLeast(TargetOs.WINDOWS_SERVER_2012)) {
                out.add(Rule.RDS_LOOPBACK_OS.error(t.at(), "RDS loopback virtualization needs Windows Server 2012 or later; "
                                + os.displayName() + " does not have it (" + MS_2012 + ")",
                        "remove " + os.yamlName() + " from targets.os, or turn loopback virtualization off"));
            }
            if (citrix && !os.atLeast(TargetOs.WINDOWS_SERVER_2016)) {
                citrixOnOldServer(policy, t, anyCitrixTarget, out);
            }
        }
    }
}
