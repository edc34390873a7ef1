package org.vipctl.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vipctl.Compilation;
import org.vipctl.apply.ApplyResult;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Engine;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.emit.OutputFolder;
import org.vipctl.files.FileProblem;
import org.vipctl.files.InputLimits;
import org.vipctl.gpo.GpoRegistry;
import org.vipctl.gpo.Ownership;
import org.vipctl.lower.UnconfirmedPlacements;
import org.vipctl.plan.Change;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.PlanText;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compile", addMethodSubcommands = false,
        description = "Validate policies and write what Windows and Citrix consume. Nothing is written unless every policy is valid and every writer succeeds; each file is replaced atomically. With --gpo-dir the GPO folder is updated last, only when every output was written.",
        footer = {"", "Outputs below OUT (--emit, default: all but intune):",
            "  reg     reg/<policy>.reg             regedit files, local scope",
            "  pol     gpo/Machine/Registry.pol     Group Policy registry file, policy scope",
            "  gpo     gpo/Machine/Registry.pol     the GPO folder; with --gpo-dir an",
            "          gpo/GPT.INI                  existing folder is updated in place",
            "  gpo-backup                           GPMC backup of one GPO, for Import-GPO",
            "          gpo-backup/manifest.xml      and GPMC's Import Settings wizard",
            "          gpo-backup/{ID}/...          (the folder is the backup id)",
            "  citrix  citrix/GroupPolicy*.xml      Import-CtxGroupPolicy folder",
            "          citrix/<policy>.rest.json    REST API bodies (README.md: the calls)",
            "          citrix/<policy>.tf           Terraform, citrix/citrix provider",
            "          citrix/Import-<policy>.ps1   idempotent import script (-WhatIf)",
            "  admx    admx/<Name>.admx             Group Policy templates from the catalog,",
            "          admx/<lang>/<Name>.adml      en-US and de-DE",
            "  intune  intune/oma-uri.json, .csv    Intune ADMX ingestion rows, only when",
            "                                       named (Intune enrols no Windows Server)",
            "  ansible ansible/vipctl.yml           playbook and role: win_regedit tasks,",
            "          ansible/roles/vipctl/...     -e vipctl_scope=local|policy",
            "  dsc     dsc/*.dsc.config.yaml        DSC v3 documents (local, policy scope)",
            "          dsc/VipctlRegistry.ps1       classic DSC configuration",
            "", "Examples:",
            "  vipctl compile -o build/vipctl examples/",
            "  vipctl compile --emit reg -o out policies/crm.yaml",
            "  vipctl compile --notes -o build/vipctl examples/   (also list the notes)",
            "", "Exit codes: 0 written, 1 invalid policies or failed write, 64 usage error."},
        mixinStandardHelpOptions = true)
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "build/vipctl",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--emit", paramLabel = "FORMAT", split = ",",
            description = "Formats to write, comma-separated (default: all but intune).")
    List<String> emit = new ArrayList<>();

    @Option(names = "--citrix-setting-path", paramLabel = "NAME=PATH",
            description = "Override the Path of a Citrix setting in GroupPolicyConfiguration.xml: the folders below the"
                    + " policy's Settings folder (Citrix does not publish them), e.g."
                    + " VirtualLoopbackSupport=VirtualIP\\VirtualLoopbackSupport; a leading Settings\\ is dropped.")
    Map<String, String> citrixPaths = new LinkedHashMap<>();

    @Option(names = "--gpo-dir", paramLabel = "DIR",
            description = "Update this existing GPO folder in place (Machine\\Registry.pol and GPT.INI) instead of"
                    + " writing OUT/gpo, after every other output is written; backed up like apply, so"
                    + " 'vipctl rollback --target local-gpo:DIR' undoes it.")
    Path gpoDir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "With --gpo-dir: where its backup and lock go (default on Windows:"
                    + " %%ProgramData%%\\vipctl\\backups; required elsewhere).")
    Path stateDir;

    @Option(names = Engine.REPLACE_READ_ONLY,
            description = "Replace output files and GPO files that are marked read-only (they keep their permissions)"
                    + " instead of refusing.")
    boolean replaceReadOnly;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the files written and the findings as one JSON document"
                    + " (docs/json-output.md), also when the policies are not valid.")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = format == OutputFormat.JSON;
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Emitter> available = Emitters.all();
        List<Emitter> chosen = choose(available);
        boolean updateGpo = gpoDir != null && chosen.stream().anyMatch(e -> Emitters.GPO_FORMATS.contains(e.name()));
        if (gpoDir != null && !updateGpo) {
            throw new UsageError("--gpo-dir updates a GPO folder with the pol/gpo output; add pol or gpo to --emit");
        }
        if (updateGpo && !Files.isDirectory(gpoDir)) {
            throw new UserError("GPO folder " + gpoDir + " does not exist or is not a folder"
                    + " (point --gpo-dir at the folder holding GPT.INI and Machine\\)");
        }
        Path backups = updateGpo ? TargetOptions.stateDir(stateDir) : null;
        // an earlier compile killed while placing its outputs is undone first, whatever this run does
        Path parent = output.toAbsolutePath().normalize().getParent();
        try (OutputFolder folder = parent != null && Files.isDirectory(parent) ? OutputFolder.open(output) : null) {
            return compile(folder, updateGpo, backups, out, err, chosen);
        }
    }

    private int compile(OutputFolder opened, boolean updateGpo, Path backups, PrintWriter out, PrintWriter err,
            List<Emitter> chosen) {
        boolean json = format == OutputFormat.JSON;
        Diagnostics diagnostics = new Diagnostics();
        Catalog catalog = inputs.catalog(diagnostics);
        for (Map.Entry<String, String> e : citrixPaths.entrySet()) {
            try {
                catalog = catalog.withCitrixPath(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new UsageError("--citrix-setting-path " + ex.getMessage());
            }
        }
        Compilation compilation = inputs.load(catalog, diagnostics);
        if (diagnostics.hasErrors()) {
            return invalid(Checked.of(inputs.paths, diagnostics, compilation, java.util.Optional.empty()), inputs.notes, json, out, err);
        }
        OutputFiles files = new OutputFiles();
        EmitContext context = new EmitContext(compilation, diagnostics);
        for (Emitter e : chosen) {
            if (!(updateGpo && Emitters.GPO_FORMATS.contains(e.name()))) {
                e.emit(context, files);
            }
        }
        if (updateGpo) {
            diagnostics.addAll(UnconfirmedPlacements.notes(catalog, compilation.registry(Scope.POLICY)));
            diagnostics.addAll(compilation.keyWarnings(Scope.POLICY));
        }
        Checked checked = Checked.of(inputs.paths, diagnostics, compilation, java.util.Optional.empty());
        if (diagnostics.hasErrors()) {
            return invalid(checked, inputs.notes, json, out, err);
        }
        err.print(inputs.notes.text(checked.findings().reported()));
        inputs.notes.notListed(checked.findings().reported()).ifPresent(err::println);
        OutputFolder.Result placed;
        try (OutputFolder folder = opened != null ? null : OutputFolder.open(output)) {
            placed = (opened != null ? opened : folder).write(files, replaceReadOnly, Engine.REPLACE_READ_ONLY);
        } catch (FileProblem e) {
            throw new UserError(e.getMessage() + (updateGpo ? "; the GPO folder was not touched" : ""), e);
        }
        List<Path> written = placed.written();
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode o = JsonOut.object();
            o.put("valid", true);
            o.put("policies", compilation.policies().size());
            com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("written");
            written.forEach(p -> list.add(p.toString()));
            com.fasterxml.jackson.databind.node.ArrayNode removed = o.putArray("removed");
            placed.removed().forEach(p -> removed.add(p.toString()));
            com.fasterxml.jackson.databind.node.ArrayNode kept = o.putArray("kept");
            placed.kept().forEach(p -> kept.add(p.toString()));
            o.set("findings", Renderer.jsonTree(checked.findings()));
            if (updateGpo) {
                updateGpo(compilation, backups, err);
                o.put("gpo_folder", gpoDir.toAbsolutePath().normalize().toString());
            }
            out.print(JsonOut.write(o));
            return ExitCodes.OK;
        }
        for (Path p : written) {
            out.println("wrote " + p);
        }
        for (Path p : placed.removed()) {
            out.println("removed " + p + " (an output of an earlier compile that this one does not write)");
        }
        for (Path p : placed.kept()) {
            out.println("kept " + p + ": an earlier compile wrote it and this one does not, but it was changed since");
        }
        if (!(written.isEmpty() && updateGpo)) {
            out.println(written.size() + " file" + (written.size() == 1 ? "" : "s") + " from "
                    + compilation.policies().size() + " polic" + (compilation.policies().size() == 1 ? "y" : "ies"));
        }
        if (updateGpo) {
            updateGpo(compilation, backups, out);
        }
        return ExitCodes.OK;
    }

    private static int invalid(Checked checked, NotesOption notes, boolean json, PrintWriter out, PrintWriter err) {
        if (json) {
            out.print(JsonOut.invalid(checked.findings()));
        } else {
            err.print(notes.text(checked.findings().reported()));
            err.println("nothing written: " + notes.counts(checked.findings()));
        }
        return ExitCodes.ERROR;
    }

    /** The policy-scope machine values into the GPO folder, through the same engine as apply. */
    private void updateGpo(Compilation compilation, Path stateDir, PrintWriter out) {
        RegistryState policy = compilation.registry(Scope.POLICY);
        RegistryState machine = new RegistryState(Scope.POLICY, policy.entries().stream()
                .filter(e -> e.key().hive() == Hive.HKLM).toList());
        Path dir = gpoDir.toAbsolutePath().normalize();
        Ownership owned = Ownership.of(compilation.catalog(), machine);
        InputLimits limits = Main.inputLimits(spec);
        Engine.Target target = Engine.Target.gpoFolder(dir, owned, limits);
        Engine.Outcome outcome = new Engine(new BackupStore(stateDir, limits), Clock.systemUTC(), replaceReadOnly)
                .apply(target, machine, compilation.catalog(), HostFacts.unknown(), plan -> true);
        ApplyResult result = outcome.result().orElseThrow();
        if (result.written().isEmpty()) {
            out.println("GPO folder " + dir + " already up to date; nothing written");
            return;
        }
        for (Change c : result.written()) {
            out.println("GPO " + PlanText.outcome(c));
        }
        GpoRegistry gpo = GpoRegistry.open(dir, Ownership.none(), limits);
        out.println("updated GPO folder " + dir + ": " + result.summary() + ", computer version now "
                + (gpo.version() & 0xFFFF) + " (Version=" + gpo.version() + ")");
        result.backup().ifPresent(p -> out.println("backup: " + p + " (vipctl rollback --target local-gpo:" + dir
                + " --state-dir " + stateDir + " undoes this update)"));
        if (!isLocalGpo(dir)) {
            out.println("note: a domain GPO also needs its versionNumber and gPCMachineExtensionNames attributes in"
                    + " Active Directory set to match (vipctl publish does both); see docs/registry-pol.md");
        }
    }

    private static boolean isLocalGpo(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().equalsIgnoreCase("GroupPolicy");
    }

    /** The named writers (all by default), always in {@link Emitters#all()} order. */
    private List<Emitter> choose(Map<String, Emitter> available) {
        if (emit.isEmpty()) {
            return available.values().stream().filter(e -> !Emitters.NOT_BY_DEFAULT.contains(e.name())).toList();
        }
        Set<String> names = new HashSet<>();
        for (String name : emit) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (!available.containsKey(n)) {
                throw new UsageError("--emit: unknown format '" + name + "'; known: " + String.join(", ", available.keySet()));
            }
            names.add(n);
        }
        return available.values().stream().filter(e -> names.contains(e.name())).toList();
    }
}
