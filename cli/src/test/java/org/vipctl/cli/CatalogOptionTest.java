package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --catalog FILE}: a broken catalog stops validate and compile at load, with located messages. */
class CatalogOptionTest {

    @TempDir
    Path dir;

    private static final String TYPO_SOURCE = """
            settings:
              - id: rds.ipVirtualization.programs
                source: /spec/rdsIpVirtualization/program
                when: [/spec/rdsIpVirtualization/enabled]
                type: REG_MULTI_SZ
                local: {key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP', value: PerApp}
            """;

    private static final String ADMX_PROBLEMS = """
            admxTemplate:
              name: ContosoCrm
              namespace: Contoso.Policies.Crm
              prefix: contoso
              revision: "1.0"
              languages: [en-US, de-DE]
              categories:
                - name: ContosoCrm
                  parent: windows:WindowsComponents
                  text: {en-US: Contoso CRM client, de-DE: Contoso-CRM-Client}
                  explain: {en-US: Settings of the CRM client., de-DE: Einstellungen des CRM-Clients.}
            settings:
              - id: contoso.crm.loopback
                type: REG_DWORD
                map: {"true": 1, "false": 0}
                policy: {key: 'HKLM\\SOFTWARE\\Policies\\Contoso\\Crm', value: UseSessionLoopback}
                admx:
                  policy: Contoso_CrmLoopback
                  category: ContosoCrm
                  supportedOn: windows:SUPPORTED_WindowsServer2012
                  text:
                    en-US: {displayName: Session loopback, explain: Binds to the session's loopback address.}
            """;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> lines(String text, String fragment) {
        return text.lines().filter(l -> l.contains(fragment)).toList();
    }

    @Test
    void aSourceTypoIsAnErrorOfValidateAtTheCatalogLine() throws IOException {
        Path site = file("site.yaml", TYPO_SOURCE);
        ValidateCommandTest.Result r = ValidateCommandTest.run("validate", "--catalog", site.toString(),
                ValidateCommandTest.examples().resolve("crm-ip-virtualization.yaml").toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.out());
        List<String> errors = lines(r.out(), "[VIP070]");
        assertEquals(1, errors.size(), r.out());
        assertTrue(errors.get(0).startsWith(site + ":3:13: error: setting rds.ipVirtualization.programs:"
                + " source '/spec/rdsIpVirtualization/program' names no field"), errors.get(0));
        assertTrue(r.out().contains("did you mean 'programs'?"), r.out());
        r.noStackTrace();
    }

    @Test
    void aSourceTypoStopsCompileBeforeAnythingIsWritten() throws IOException {
        Path site = file("site.yaml", TYPO_SOURCE);
        Path out = dir.resolve("out");
        ValidateCommandTest.Result r = ValidateCommandTest.run("compile", "--emit", "reg", "-o", out.toString(),
                "--catalog", site.toString(), ValidateCommandTest.examples().resolve("crm-ip-virtualization.yaml").toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.err());
        assertTrue(r.err().contains(site + ":3:13: error: ") && r.err().contains("[VIP070]"), r.err());
        assertTrue(r.err().contains("nothing written"), r.err());
        assertFalse(Files.exists(out));
        r.noStackTrace();
    }

    @Test
    void validateReportsTheAdmxProblemsOfACatalogFileAlone() throws IOException {
        Path site = file("contoso.yaml", ADMX_PROBLEMS);
        ValidateCommandTest.Result r = ValidateCommandTest.run("validate", "--catalog", site.toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.out());
        List<String> errors = lines(r.out(), "error: ").stream().filter(l -> l.endsWith("[VIP092]")).toList();
        assertEquals(1, errors.size(), r.out());
        assertTrue(errors.get(0).contains("admx.text.de-DE needs displayName and explain"), errors.get(0));
        List<String> warnings = lines(r.out(), "warning: ").stream().filter(l -> l.endsWith("[VIP092]")).toList();
        assertEquals(1, warnings.size(), r.out());
        assertTrue(warnings.get(0).startsWith(site + ":20:20: warning: supportedOn of policy Contoso_CrmLoopback:"
                + " Windows.admx (Windows 11 24H2) has no supportedOn definition 'SUPPORTED_WindowsServer2012'"),
                warnings.get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("invalid: 0 policies")), r.out());
        r.noStackTrace();
    }

    @Test
    void aGoodCatalogFileAloneIsValid() throws IOException {
        Path site = file("contoso.yaml", ADMX_PROBLEMS.replace("SUPPORTED_WindowsServer2012", "SUPPORTED_Windows_10_0_SERVER")
                .replace("languages: [en-US, de-DE]", "languages: [en-US]")
                .replace(", de-DE: Contoso-CRM-Client", "").replace(", de-DE: Einstellungen des CRM-Clients.", ""));
        ValidateCommandTest.Result r = ValidateCommandTest.run("validate", "--catalog", site.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void withoutCatalogAndPathsValidateIsStillAUsageError() {
        ValidateCommandTest.Result r = ValidateCommandTest.run("validate");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Missing required parameter"), r.err());
    }
}
