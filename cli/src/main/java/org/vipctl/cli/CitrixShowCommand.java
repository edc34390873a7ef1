package org.vipctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.CitrixSetting;
import org.vipctl.catalog.Setting;
import org.vipctl.files.IoProblem;
import org.vipctl.format.citrix.CitrixExportReader;
import org.vipctl.format.citrix.CitrixExportView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show",
        description = "List the virtual loopback settings (VirtualLoopbackSupport, VirtualLoopbackPrograms) of every"
                + " policy in an Export-CtxGroupPolicy folder (GroupPolicy.xml, GroupPolicyConfiguration.xml,"
                + " GroupPolicyFilter.xml; UTF-16 or UTF-8), with priority, state, Path and filters, to compare a"
                + " site's export with the YAML. Other settings are counted, not listed.",
        footer = {"", "Examples:",
            "  vipctl citrix show C:\\exports\\site-policies",
            "  vipctl citrix show --format json build/vipctl/citrix",
            "", "Exit codes: 0 listed, 1 unreadable folder or files, 64 usage error."},
        mixinStandardHelpOptions = true)
final class CitrixShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder written by Export-CtxGroupPolicy or compile --emit citrix.")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (for scripts).")
    OutputFormat format;

    @Option(names = "--json", hidden = true, description = "Same as --format json.")
    boolean jsonOption;

    @Override
    public Integer call() {
        boolean json = jsonOption || format == OutputFormat.JSON;
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": not a folder");
        }
        CitrixExportReader.Export export;
        try {
            export = CitrixExportReader.read(dir, Main.inputLimits(spec));
        } catch (CitrixExportReader.CitrixExportException e) {
            throw new UserError(e.getMessage().startsWith(dir.toString()) ? e.getMessage() : dir + "/" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read the Citrix export: " + IoProblem.describe(dir, e), e);
        }
        List<String> names = Catalog.builtIn().settings().stream().map(Setting::citrix)
                .flatMap(java.util.Optional::stream).map(CitrixSetting::name).toList();
        String folder = dir.toString();
        spec.commandLine().getOut().print(json ? CitrixExportView.json(folder, export, names)
                : CitrixExportView.text(folder, export, names));
        return ExitCodes.OK;
    }
}
