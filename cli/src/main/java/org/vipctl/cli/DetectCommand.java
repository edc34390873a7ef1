package org.vipctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vipctl.detect.Analyser;
import org.vipctl.detect.Capture;
import org.vipctl.detect.CaptureException;
import org.vipctl.detect.CaptureFiles;
import org.vipctl.detect.Collector;
import org.vipctl.detect.DetectOptions;
import org.vipctl.detect.Platform;
import org.vipctl.detect.ProposalCheck;
import org.vipctl.detect.ProposalException;
import org.vipctl.detect.ProposalOptions;
import org.vipctl.detect.ProposalWriter;
import org.vipctl.detect.Report;
import org.vipctl.detect.ReportJson;
import org.vipctl.detect.ReportText;
import org.vipctl.detect.SystemProcesses;
import org.vipctl.detect.WindowsLiveCapture;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.diagnostic.Severity;
import org.vipctl.files.AtomicFile;
import org.vipctl.model.TargetOs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect",
        description = "Find the programs that need virtual IP or virtual loopback from what a session host shows:"
                + " the collector's JSON, saved 'netstat -ano' / '-abno' output (any language; with a"
                + " 'tasklist /fo csv' file after it to name the PIDs), a TCPView export, or (on Windows) the live"
                + " machine. Reports each program with evidence and the feature it needs, and can propose a policy.",
        footer = {"", "Examples:",
            "  vipctl detect --print-collector > collect-vip.ps1   (run it on the server)",
            "  vipctl detect vip-capture-RDS01.json",
            "  vipctl detect first.json second.json     (a second instance: fixed port?)",
            "  vipctl detect netstat.txt tasklist.csv",
            "  vipctl detect --platform citrix --os windowsServer2022 \\",
            "                --propose policies/detected.yaml capture.json",
            "  vipctl detect --live                     (on the Windows server itself)",
            "", "Exit codes: 0 report printed (or proposal written), 1 unreadable capture",
            "or failed write, 64 usage error. Procedure and formats: docs/detect.md."},
        mixinStandardHelpOptions = true)
final class DetectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CAPTURE", arity = "0..*",
            description = "Capture files: collector JSON, netstat output, tasklist CSV (after its netstat file), TCPView export.")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--live", description = "Capture this machine's sockets now (Windows only).")
    boolean live;

    @Option(names = "--print-collector", description = "Print the PowerShell collector script and exit.")
    boolean printCollector;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--platform", paramLabel = "P", defaultValue = "rds",
            description = "Session hosts to recommend for: rds, citrix or both (default: ${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--include-services", description = "Also consider processes in session 0 (services).")
    boolean includeServices;

    @Option(names = "--exclude", paramLabel = "NAME", split = ",",
            description = "Leave these image names out (besides the built-in list of Windows processes).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "IBM850",
            description = "Code page of netstat files saved by cmd that are not UTF-8 or UTF-16, such as IBM437"
                    + " (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--propose", paramLabel = "FILE", description = "Write a policy YAML for the candidates to FILE.")
    Path propose;

    @Option(names = "--force", description = "Let --propose replace an existing file.")
    boolean force;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "detected",
            description = "metadata.name of the proposed policy (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--os", paramLabel = "OS", split = ",",
            description = "targets.os of the proposed policy: windowsServer2019,windowsServer2022, ...")
    List<String> os = new ArrayList<>();

    @Option(names = "--network-adapter", paramLabel = "CIDR",
            description = "The RD IP virtualization adapter for the proposal, as address/prefix"
                    + " (default: the capture's only IPv4 address, when it has exactly one).")
    String networkAdapter;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (printCollector) {
            out.print(Collector.script());
            return ExitCodes.OK;
        }
        Platform p = parsePlatform();
        boolean json = parseFormat();
        List<TargetOs> targets = parseOs();
        Charset oem = parseEncoding();
        if (live == !captures.isEmpty()) {
            throw new UsageError(live ? "--live takes no capture files" : "name capture files, or use --live or --print-collector");
        }
        List<Capture> read;
        try {
            read = live ? List.of(WindowsLiveCapture.capture()) : CaptureFiles.read(captures, oem);
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), e);
        }
        Report report = new Analyser(new DetectOptions(p, includeServices, Set.copyOf(exclude), SystemProcesses.builtIn()))
                .analyse(read);
        out.print(json ? ReportJson.render(report) : ReportText.render(report));
        out.flush();
        if (propose != null) {
            writeProposal(report, targets, err);
        }
        return ExitCodes.OK;
    }

    private void writeProposal(Report report, List<TargetOs> targets, PrintWriter err) {
        if (Files.exists(propose) && !force) {
            throw new UserError(propose + ": exists; add --force to replace it");
        }
        Optional<String> yaml;
        try {
            yaml = ProposalWriter.write(report, new ProposalOptions(name, targets, Optional.ofNullable(networkAdapter)));
        } catch (ProposalException e) {
            throw new UserError(propose + ": not written: " + e.getMessage(), e);
        }
        if (yaml.isEmpty()) {
            err.println("vipctl: nothing to propose: no candidate; " + propose + " not written");
            return;
        }
        List<Diagnostic> problems = ProposalCheck.check(propose.toString(), yaml.get());
        if (problems.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            err.print(Renderer.text(problems));
            throw new UserError(propose + ": not written: the proposal does not validate with these options (see above)");
        }
        try {
            AtomicFile.write(propose, yaml.get().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(propose + ": cannot write: " + e.getMessage(), e);
        }
        err.println("vipctl: proposal written to " + propose + " (" + String.join(", ", ProposalWriter.programs(report))
                + "); check it, then: vipctl validate " + propose);
    }

    private Platform parsePlatform() {
        try {
            return Platform.valueOf(platform.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--platform must be rds, citrix or both, got '" + platform + "'");
        }
    }

    private boolean parseFormat() {
        if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
            throw new UsageError("--format must be text or json, got '" + format + "'");
        }
        return format.equalsIgnoreCase("json");
    }

    private List<TargetOs> parseOs() {
        List<TargetOs> list = new ArrayList<>();
        for (String o : os) {
            list.add(TargetOs.ofYamlName(o.strip()).orElseThrow(() -> new UsageError("--os: unknown operating system '" + o
                    + "'; names as in targets.os, e.g. windowsServer2022")));
        }
        return list;
    }

    private Charset parseEncoding() {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageError("--encoding: unknown character set '" + encoding + "'");
        }
    }
}
