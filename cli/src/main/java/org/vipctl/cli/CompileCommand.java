package org.vipctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.emit.citrix.CitrixSettingPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compile",
        description = "Validate policies and write what Windows and Citrix consume. Nothing is written unless every policy is valid and every writer succeeds; each file is replaced atomically.",
        footer = {"", "Outputs below OUT (--emit, default: all):",
            "  reg     reg/<policy>.reg             regedit files, local scope",
            "  pol     gpo/Machine/Registry.pol     Group Policy registry file, policy scope",
            "  gpo     gpo/Machine/Registry.pol     the GPO folder; with --gpo-dir an",
            "          gpo/GPT.INI                  existing folder is updated in place",
            "  citrix  citrix/GroupPolicy*.xml      Import-CtxGroupPolicy folder",
            "          citrix/<policy>.rest.json    REST API bodies (README.md: the calls)",
            "          citrix/<policy>.tf           Terraform, citrix/citrix provider",
            "          citrix/Import-<policy>.ps1   idempotent import script (-WhatIf)",
            "  admx    admx/<Name>.admx             Group Policy templates from the catalog,",
            "          admx/<lang>/<Name>.adml      en-US and de-DE",
            "  intune  intune/oma-uri.json, .csv    Intune ADMX ingestion rows",
            "", "Examples:",
            "  vipctl compile -o build/vipctl examples/",
            "  vipctl compile --emit reg -o out policies/crm.yaml",
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
            description = "Formats to write, comma-separated (default: all).")
    List<String> emit = new ArrayList<>();

    @Option(names = "--citrix-setting-path", paramLabel = "NAME=PATH",
            description = "Override a Citrix setting's provider path below \\Settings\\ (the category folder is"
                    + " not published by Citrix), e.g. VirtualLoopbackSupport=VirtualIP\\VirtualLoopbackSupport.")
    Map<String, String> citrixPaths = new LinkedHashMap<>();

    @Option(names = "--gpo-dir", paramLabel = "DIR",
            description = "Update this existing GPO folder in place (Machine\\Registry.pol and GPT.INI) instead of"
                    + " writing OUT/gpo.")
    Path gpoDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Emitter> available = Emitters.all();
        List<Emitter> chosen = choose(available);
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UserError("output " + output + " exists and is not a folder");
        }
        Diagnostics diagnostics = new Diagnostics();
        Catalog catalog = inputs.catalog(diagnostics);
        for (Map.Entry<String, String> e : citrixPaths.entrySet()) {
            try {
                catalog = catalog.withCitrixPath(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new UsageError("--citrix-setting-path: " + ex.getMessage());
            }
            String name = e.getKey();
            CitrixSettingPaths.problem(name, e.getValue()).ifPresent(why -> {
                throw new UsageError("--citrix-setting-path " + name + "=" + e.getValue() + ": " + why);
            });
        }
        Compilation compilation = Compilation.load(inputs.paths, catalog, diagnostics);
        if (diagnostics.hasErrors()) {
            Checked checked = Checked.of(inputs.paths, diagnostics, compilation, java.util.Optional.empty());
            err.print(Renderer.text(checked.findings().reported()));
            err.println("nothing written: " + checked.findings().counts());
            return ExitCodes.ERROR;
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (gpoDir != null) {
            options.put("gpo-dir", gpoDir.toString());
        }
        OutputFiles files = new OutputFiles();
        EmitContext context = new EmitContext(compilation, options, diagnostics);
        for (Emitter e : chosen) {
            e.emit(context, files);
        }
        Checked checked = Checked.of(inputs.paths, diagnostics, compilation, java.util.Optional.empty());
        err.print(Renderer.text(checked.findings().reported()));
        if (diagnostics.hasErrors()) {
            err.println("nothing written: " + checked.findings().counts());
            return ExitCodes.ERROR;
        }
        List<Path> written = files.writeTo(output);
        for (Path p : written) {
            out.println("wrote " + p);
        }
        out.println(written.size() + " file" + (written.size() == 1 ? "" : "s") + " from "
                + compilation.policies().size() + " polic" + (compilation.policies().size() == 1 ? "y" : "ies"));
        return ExitCodes.OK;
    }

    /** The named writers (all by default), always in {@link Emitters#all()} order, so in-place GPO updates run last. */
    private List<Emitter> choose(Map<String, Emitter> available) {
        if (emit.isEmpty()) {
            return List.copyOf(available.values());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String name : emit) {
            String n = name.strip().toLowerCase(java.util.Locale.ROOT);
            if (!available.containsKey(n)) {
                throw new UsageError("--emit: unknown format '" + name + "'; known: " + String.join(", ", available.keySet()));
            }
            names.add(n);
        }
        return available.values().stream().filter(e -> names.contains(e.name())).toList();
    }
}
