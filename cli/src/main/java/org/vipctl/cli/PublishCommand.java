package org.vipctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vipctl.apply.BackupStore;
import org.vipctl.plan.Change;
import org.vipctl.plan.PlanJson;
import org.vipctl.plan.PlanText;
import org.vipctl.publish.GpoContainer;
import org.vipctl.publish.LdapDirectory;
import org.vipctl.publish.LdapEndpoint;
import org.vipctl.publish.PublishException;
import org.vipctl.publish.Publisher;
import org.vipctl.registry.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish",
        description = "Write the policies into a domain GPO's computer half, both halves as GPMC does: Machine\\Registry.pol"
                + " and GPT.INI in the GPO's SYSVOL folder (only vipctl's values change), then versionNumber and"
                + " gPCMachineExtensionNames of its container in Active Directory (compare-before-write). A second"
                + " run changes nothing.",
        footer = {"",
            "Credentials: VIPCTL_LDAP_USER and VIPCTL_LDAP_PASSWORD, else asked on the",
            "terminal, or --kerberos; never on the command line. TLS: LDAPS, or StartTLS",
            "for ldap:// URLs, checked against the system's CAs and --ldap-ca, with",
            "hostname verification.",
            "", "Examples:",
            "  vipctl publish --gpo \"RDS virtual IP\" --domain-controller dc1.corp.example \\",
            "      policies/",
            "  vipctl publish --gpo \"RDS virtual IP\" --create --dry-run \\",
            "      --domain-controller ldap://dc1.corp.example policies/",
            "  vipctl publish --gpo {6AC1786C-016F-11D2-945F-00C04FB984F9} \\",
            "      --domain-controller dc1 --ldap-ca corp-ca.pem \\",
            "      --sysvol /mnt/sysvol/corp.example --state-dir state/ policies/",
            "", "Exit codes: 0 published (or nothing to do), 2 changes present (--dry-run),",
            "1 error, 64 usage error."},
        mixinStandardHelpOptions = true)
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Option(names = "--gpo", required = true, paramLabel = "NAME|{GUID}", description = "The GPO: its display name or {GUID}.")
    String gpo;

    @Option(names = "--domain-controller", required = true, paramLabel = "HOST|URL",
            description = "A domain controller: a host name (LDAPS, port 636), ldaps://HOST[:PORT] or ldap://HOST[:PORT]"
                    + " (StartTLS).")
    String domainController;

    @Option(names = "--sysvol", paramLabel = "PATH",
            description = "The domain's SYSVOL folder, the one holding Policies (default on Windows:"
                    + " \\\\DOMAIN\\SYSVOL\\DOMAIN; required elsewhere, e.g. a mounted share).")
    Path sysvol;

    @Option(names = "--create", description = "Create the GPO (SYSVOL folder and AD container) if there is none of that name.")
    boolean create;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: both halves, before and after, and the SYSVOL plan as one JSON"
                    + " document (docs/json-output.md).")
    OutputFormat format;

    @Option(names = "--dry-run", description = "Show what would change in both halves and write nothing (exit 2 when something would).")
    boolean dryRun;

    @Option(names = "--ldap-ca", paramLabel = "FILE", description = "Also trust the CA certificates in FILE (PEM).")
    Path ldapCa;

    @Option(names = "--allow-plain-ldap",
            description = "With an ldap:// URL, talk unencrypted instead of StartTLS (the password crosses the network in clear).")
    boolean allowPlainLdap;

    @Option(names = "--kerberos",
            description = "Bind with your Kerberos ticket (kinit; SASL GSSAPI) instead of a user and password. Name the"
                    + " domain controller by its host name.")
    boolean kerberos;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the SYSVOL backup and lock go (default on Windows: %%ProgramData%%\\vipctl\\backups;"
                    + " required elsewhere).")
    Path stateDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LdapEndpoint endpoint;
        try {
            endpoint = LdapEndpoint.parse(domainController, allowPlainLdap);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--domain-controller: " + e.getMessage());
        }
        if (allowPlainLdap && endpoint.security() != LdapEndpoint.Security.PLAIN) {
            throw new UsageError("--allow-plain-ldap applies to an ldap:// URL only");
        }
        DesiredState.Loaded desired = DesiredState.load(inputs, Scope.POLICY, false, out, err);
        Path backups = dryRun && stateDir == null ? Path.of(".") : TargetOptions.stateDir(stateDir);
        LdapDirectory.Credentials credentials;
        char[] password = new char[0];
        if (kerberos) {
            credentials = new LdapDirectory.Credentials.Kerberos();
        } else {
            String user = credential("VIPCTL_LDAP_USER").orElseGet(() -> ask("LDAP user (user@domain or DOMAIN\\user): ", false));
            password = credential("VIPCTL_LDAP_PASSWORD").map(String::toCharArray)
                    .orElseGet(() -> ask("Password for " + user + ": ", true).toCharArray());
            credentials = new LdapDirectory.Credentials.Password(user, password);
        }
        if (endpoint.security() == LdapEndpoint.Security.PLAIN) {
            err.println("warning: plain LDAP to " + endpoint.url() + ": the password and the GPO's data cross the network"
                    + " unencrypted");
        }
        try (LdapDirectory directory = LdapDirectory.connect(endpoint, Optional.ofNullable(ldapCa), credentials)) {
            Path root = sysvol != null ? sysvol : defaultSysvol(directory.domain());
            Publisher.Result r = new Publisher(directory, new BackupStore(backups, Main.inputLimits(spec)), Clock.systemUTC()).publish(
                    new Publisher.Request(gpo, create, dryRun, root, desired.state(), desired.compilation().catalog()));
            if (format == OutputFormat.JSON) {
                out.print(JsonOut.write(json(r, directory.domain())));
            } else {
                print(r, directory.domain(), out);
            }
            return dryRun && r.changed() ? ExitCodes.CHANGES : ExitCodes.OK;
        } catch (PublishException e) {
            throw new UserError(e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The result for machines: schemas/output/publish.schema.json. */
    static ObjectNode json(Publisher.Result r, String domain) {
        ObjectNode o = JsonOut.object();
        o.put("domain", domain);
        o.put("dry_run", r.dryRun());
        o.put("created", r.created());
        o.put("changed", r.changed());
        if (r.before().isPresent()) {
            o.set("before", container(r.before().get()));
        } else {
            o.putNull("before");
        }
        o.set("after", container(r.after()));
        o.set("plan", PlanJson.toTree(r.plan()));
        if (r.applied().isPresent()) {
            o.set("sysvol", JsonOut.result(r.applied().get()));
        } else {
            o.putNull("sysvol");
        }
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode container(GpoContainer c) {
        ObjectNode o = JsonOut.node();
        o.put("guid", c.guid());
        o.put("display_name", c.displayName());
        o.put("dn", c.dn());
        o.put("version", c.version());
        o.put("computer_version", c.computerVersion());
        o.put("machine_extension_names", c.machineExtensionNames());
        o.put("flags", c.flags());
        return o;
    }

    private void print(Publisher.Result r, String domain, PrintWriter out) {
        GpoContainer after = r.after();
        String would = r.dryRun() ? "would " : "";
        out.println((r.created() ? (r.dryRun() ? "New GPO (would be created)" : "Created GPO") : "GPO") + " \""
                + after.displayName() + "\" " + after.guid() + " in " + domain);
        if (r.dryRun() || r.applied().isEmpty()) {
            PlanText.lines(r.plan()).forEach(l -> out.println("  " + l));
        } else {
            for (Change c : r.applied().get().written()) {
                out.println("  SYSVOL: " + PlanText.outcome(c) + " (verified)");
            }
            r.applied().get().backup().ifPresent(p -> out.println("  SYSVOL backup: " + p));
        }
        if (r.before().isPresent()) {
            GpoContainer b = r.before().get();
            if (b.version() == after.version() && b.machineExtensionNames().equals(after.machineExtensionNames())) {
                out.println("  Active Directory: unchanged (versionNumber " + b.version() + ")");
            } else {
                out.println("  Active Directory: " + would + "set versionNumber " + b.version() + " -> " + after.version()
                        + " (computer version " + b.computerVersion() + " -> " + after.computerVersion() + ")"
                        + (b.machineExtensionNames().equals(after.machineExtensionNames()) ? ""
                                : ", gPCMachineExtensionNames " + after.machineExtensionNames()));
            }
        } else {
            out.println("  Active Directory: " + would + "create the container, versionNumber " + after.version()
                    + ", gPCMachineExtensionNames " + after.machineExtensionNames());
        }
        r.notes().forEach(n -> out.println("  note: " + n));
        if (r.dryRun()) {
            out.println(r.changed() ? "Dry run: nothing written." : "Dry run: the GPO is up to date.");
        } else {
            out.println(r.changed() ? "Publish complete." : "Publish complete: the GPO was already up to date.");
        }
    }

    private static Optional<String> credential(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }

    private static String ask(String prompt, boolean secret) {
        Console console = System.console();
        if (console == null) {
            throw new UserError("no terminal to ask for LDAP credentials: set VIPCTL_LDAP_USER and VIPCTL_LDAP_PASSWORD");
        }
        String answer = secret ? Optional.ofNullable(console.readPassword("%s", prompt)).map(String::new).orElse("")
                : Optional.ofNullable(console.readLine("%s", prompt)).orElse("");
        if (answer.isEmpty()) {
            throw new UserError("no LDAP " + (secret ? "password" : "user") + " given");
        }
        return answer;
    }

    /** {@code \\DOMAIN\SYSVOL\DOMAIN}, which Java reads as a UNC path on Windows. */
    private static Path defaultSysvol(String domain) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UsageError("--sysvol PATH is required off Windows: the domain's SYSVOL folder (e.g. a mounted"
                    + " \\\\" + domain + "\\SYSVOL\\" + domain + ")");
        }
        return Path.of("\\\\" + domain + "\\SYSVOL\\" + domain);
    }
}
