package org.vipctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vipctl.emit.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init",
        description = "Start a policy folder: a commented starter policy that validates, a project file"
                + " (.vipctl.yaml) and the policy schema for editors (.vipctl/vipctl-policy.schema.json,"
                + " named by the policy's first line). Existing files are never overwritten.",
        footer = {"", "Templates:",
            "  crm           per-program RD IP Virtualization (a client binding a fixed port)",
            "  cti           Citrix virtual loopback, prefer loopback (CTI agent, softphone)",
            "  rds-loopback  RDS loopback virtualization (programs that bind 127.0.0.1)",
            "  custom        raw registry values",
            "", "Examples:",
            "  vipctl init policies/",
            "  vipctl init --template cti policies/",
            "", "Exit codes: 0 written, 1 a file exists already or cannot be written,",
            "64 usage error."},
        mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {

    enum Template {
        CRM("crm"), CTI("cti"), RDS_LOOPBACK("rds-loopback"), CUSTOM("custom");

        final String name;

        Template(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "crm", converter = TemplateConverter.class,
            completionCandidates = TemplateNames.class,
            description = "Starter policy: crm, cti, rds-loopback or custom (default: ${DEFAULT-VALUE}).")
    Template template;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder to start (default: the current folder).")
    Path dir = Path.of(".");

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(template.name + ".yaml", resource("/org/vipctl/cli/init/" + template.name + ".yaml"));
        files.put(".vipctl.yaml", resource("/org/vipctl/cli/init/vipctl-project.yaml"));
        files.put(".vipctl/vipctl-policy.schema.json", resource("/org/vipctl/schemas/vipctl-policy.schema.json"));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(dir + " exists and is not a folder");
        }
        for (String name : files.keySet()) {
            if (Files.exists(dir.resolve(name))) {
                throw new UserError(dir.resolve(name) + " exists already; nothing written (init never overwrites)");
            }
        }
        OutputFiles output = new OutputFiles();
        files.forEach(output::add);
        for (Path p : output.writeTo(dir)) {
            out.println("wrote " + p);
        }
        out.println("Next: edit " + dir.resolve(template.name + ".yaml") + ", then run: vipctl validate " + dir);
        return ExitCodes.OK;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return in.readAllBytes();
        }
    }

    static final class TemplateConverter implements picocli.CommandLine.ITypeConverter<Template> {
        @Override
        public Template convert(String value) {
            for (Template t : Template.values()) {
                if (t.name.equalsIgnoreCase(value.strip())) {
                    return t;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown template '" + value
                    + "'; known: crm, cti, rds-loopback, custom");
        }
    }

    static final class TemplateNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Template.values()).map(t -> t.name).iterator();
        }
    }
}
