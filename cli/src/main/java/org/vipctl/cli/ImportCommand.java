package org.vipctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Findings;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.emit.OutputFiles;
import org.vipctl.imports.ImportException;
import org.vipctl.imports.ImportOptions;
import org.vipctl.imports.ImportResult;
import org.vipctl.imports.Importer;
import org.vipctl.imports.ListableRegistry;
import org.vipctl.imports.SchemaRef;
import org.vipctl.imports.SourceKind;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.target.RegistryException;
import org.vipctl.target.WindowsRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import",
        description = "Turn settings that already exist into policy YAML: a Registry.pol or GPO folder, a GPMC GPO"
                + " backup (or a folder of them), a .reg file, a local GPO, the live registry, or a Citrix"
                + " Export-CtxGroupPolicy folder. Values the catalog knows become typed fields, other values"
                + " under the same keys become registry entries, the rest is counted and left out unless --all."
                + " The result validates as it is and compiles back to the same values; the same source always"
                + " gives the same bytes, so a re-import shows drift in git.",
        footer = {"", "Sources (the kind is told from the path or its content, or by --from KIND):",
            "  pol         a Registry.pol file (Machine\\ is HKLM; User\\ is left out)",
            "  gpo         a GPO folder: GPT.INI, Machine\\Registry.pol (any letter case)",
            "  gpo-backup  a GPMC backup folder ({GUID} with Backup.xml), or a folder of them",
            "  regfile     a .reg file, or regfile:FILE as plan and apply name it",
            "  local-gpo   local-gpo[:DIR], the local Group Policy object",
            "  windows     the live registry of this machine, read-only",
            "  citrix      a folder written by Export-CtxGroupPolicy",
            "", "Examples:",
            "  vipctl import build/vipctl/gpo -o policies",
            "  vipctl import --stdout backups/{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            "  vipctl import --all --os windowsServer2022 -o policies backups/",
            "  vipctl import regfile:server.reg --name crm-farm -o policies",
            "  vipctl import windows --stdout                (on a Windows server)",
            "", "Exit codes: 0 imported (warnings allowed), 1 unreadable source or failed write,",
            "64 usage error."},
        mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*",
            description = "What to import: a file, a folder, windows, local-gpo[:DIR] or regfile:FILE.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--from", paramLabel = "KIND",
            description = "The kind of every SOURCE: pol, gpo, gpo-backup, regfile, local-gpo, windows, citrix"
                    + " (default: told from each source).")
    String from;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
                description = "Write one <policy>.yaml per policy into DIR (files of the same name are replaced).")
        Path dir;

        @Option(names = "--stdout", required = true,
                description = "Print the policies instead, separated by ---.")
        boolean stdout;
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the counts, the files written (with --stdout the policies"
                    + " themselves) and the findings as one JSON document (docs/json-output.md).")
    OutputFormat format;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the imported policy (only when the sources hold one; default: after the source).")
    String name;

    @Option(names = "--os", paramLabel = "LIST", split = ",",
            description = "targets.os of the imported policies, e.g. windowsServer2019,windowsServer2022.")
    List<String> os = new ArrayList<>();

    @Option(names = "--all",
            description = "Also import HKLM values outside the catalog's keys as registry entries.")
    boolean all;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Extra setting catalog file(s), as for compile. Repeatable.")
    List<Path> catalogFiles = new ArrayList<>();

    @Mixin
    NotesOption notes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SourceKind> kind = Optional.empty();
        if (from != null) {
            kind = Optional.of(SourceKind.ofLabel(from).orElseThrow(() ->
                    new UsageError("--from: unknown kind '" + from + "'; known: " + SourceKind.labels())));
        }
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new UsageError("--name: '" + name + "' is not a policy name (letters, digits, . _ -,"
                    + " starting with a letter or digit, at most 64 characters)");
        }
        List<TargetOs> targets = new ArrayList<>();
        for (String o : os) {
            targets.add(TargetOs.ofYamlName(o.strip()).orElseThrow(() ->
                    new UsageError("--os: unknown operating system '" + o + "', e.g. windowsServer2022")));
        }
        if (output.dir != null && Files.exists(output.dir) && !Files.isDirectory(output.dir)) {
            throw new UserError("output " + output.dir + " exists and is not a folder");
        }
        Diagnostics catalogProblems = new Diagnostics();
        Catalog catalog = catalogFiles.isEmpty() ? Catalog.builtIn() : Catalog.withUserFiles(catalogFiles, catalogProblems, Main.inputLimits(spec));
        if (catalogProblems.hasErrors()) {
            err.print(Renderer.text(catalogProblems.sorted()));
            return ExitCodes.ERROR;
        }
        Path folder = output.dir != null ? output.dir : Path.of("");
        String prefix = output.dir == null ? "" : output.dir.toString().replace('\\', '/').replaceAll("/*$", "/");
        ImportOptions options = ImportOptions.of(catalog).withAll(all).withName(Optional.ofNullable(name))
                .withOs(targets).withOutput(SchemaRef.forFolder(folder), prefix).withWindows(ImportCommand::liveRegistry)
                .withLimits(Main.inputLimits(spec));
        List<Importer.Request> requests = new ArrayList<>();
        for (String s : sources) {
            requests.add(new Importer.Request(s, kind));
        }
        ImportResult result;
        try {
            result = Importer.run(requests, options);
        } catch (ImportException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (format == OutputFormat.JSON) {
            return json(result, out);
        }
        err.print(notes.text(result.diagnostics()));
        if (result.hasErrors()) {
            err.println("nothing written: " + Renderer.summary(result.diagnostics(), notes.listed));
            return ExitCodes.ERROR;
        }
        notes.notListed(result.diagnostics()).ifPresent(err::println);
        if (output.stdout) {
            boolean first = true;
            for (ImportResult.File f : result.files()) {
                out.print(first ? "" : "---\n");
                out.print(new String(f.content(), StandardCharsets.UTF_8));
                first = false;
            }
            out.flush();
            err.println(result.summary());
            return ExitCodes.OK;
        }
        for (Path p : write(result)) {
            out.println("wrote " + p);
        }
        out.println(result.summary());
        return ExitCodes.OK;
    }

    /** The policy files into {@code -o DIR}, each replaced atomically. */
    private List<Path> write(ImportResult result) throws IOException {
        OutputFiles files = new OutputFiles();
        result.files().forEach(f -> files.add(f.fileName(), f.content()));
        return files.writeTo(output.dir);
    }

    /** schemas/output/import.schema.json: counts, what was written (or the policies, with --stdout), findings. */
    private int json(ImportResult result, PrintWriter out) throws IOException {
        ObjectNode o = JsonOut.object();
        o.put("valid", !result.hasErrors());
        o.put("imported", result.imported());
        o.put("unrelated", result.unrelated());
        o.put("not_expressible", result.notExpressible());
        ArrayNode policies = o.putArray("policies");
        for (ImportResult.File f : result.files()) {
            ObjectNode p = policies.addObject();
            p.put("name", f.policy());
            p.put("file", f.fileName());
            if (output.stdout && !result.hasErrors()) {
                p.put("yaml", new String(f.content(), StandardCharsets.UTF_8));
            }
        }
        ArrayNode written = o.putArray("written");
        if (!result.hasErrors() && !output.stdout) {
            write(result).forEach(p -> written.add(p.toString()));
        }
        o.set("findings", Renderer.jsonTree(Findings.of(result.diagnostics())));
        out.print(JsonOut.write(o));
        return result.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
    }

    /** The live registry, read-only, through the same adapter apply uses. */
    private static ListableRegistry liveRegistry() {
        WindowsRegistry registry;
        try {
            registry = WindowsRegistry.open(false);
        } catch (RegistryException e) {
            throw new ImportException("windows: " + e.getMessage(), e);
        }
        return new ListableRegistry() {
            @Override
            public String target() {
                return registry.target();
            }

            @Override
            public List<String> valueNames(RegKey key) {
                return registry.valueNames(key);
            }

            @Override
            public Optional<RegValue> read(RegKey key, String name) {
                return registry.read(key, name);
            }
        };
    }
}
