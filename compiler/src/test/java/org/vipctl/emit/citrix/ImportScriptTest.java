package org.vipctl.emit.citrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.OutputFiles;

/**
 * What {@code Import-<policy>.ps1} does on a site, read from the script: PowerShell is not
 * available here (the parse check below runs only where {@code pwsh} is installed), so these
 * tests pin the statements that carry each behaviour.
 */
class ImportScriptTest {

    private static String script() {
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(Fixtures.compile(Catalog.builtIn(), d, Fixtures.ALL), d);
        byte[] b = out.files().get("citrix/Import-crm-loopback.ps1");
        return new String(b, StandardCharsets.UTF_8).substring(1).replace("\r\n", "\n");
    }

    @Test
    void loadsTheGroupPolicyModuleByItsNameAndFallsBackToTheSnapIn() {
        String s = script();
        assertTrue(s.contains("if (Get-Module -ListAvailable -Name 'Citrix.GroupPolicy.Commands') {\n"
                + "        Import-Module 'Citrix.GroupPolicy.Commands'\n    } else {\n"
                + "        Add-PSSnapin 'Citrix.Common.GroupPolicy'\n    }"), s);
        assertFalse(s.contains("Import-Module 'Citrix.Common.GroupPolicy'"), "the snap-in is not a module");
    }

    @Test
    void comparesThePriorityCitrixKeepsNotTheOneAskedFor() {
        String s = script();
        Matcher f = Pattern.compile("(?s)function Get-EffectivePriority\\(\\[string] \\$Root, \\[int] \\$Wanted\\) \\{(.*?)\\n}").matcher(s);
        assertTrue(f.find(), s);
        assertTrue(f.group(1).contains("Where-Object { $_.Name -ne 'Unfiltered' }"), "the Unfiltered policy is not ranked");
        assertTrue(f.group(1).contains("if ($Wanted -gt $last) { return [int] $last }"), f.group(1));
        assertTrue(s.contains("$wantedPriority = Get-EffectivePriority ('{0}:\\Computer' -f $DriveName) $Priority\n"
                + "    if ([int] (Get-Prop $policy 'Priority') -ne $wantedPriority) {"), s);
        assertFalse(s.contains("-ne $Priority)"), "never compared with the uncapped value");
    }

    @Test
    void readsStateSynonymsAsTheSameState() {
        String s = script();
        assertTrue(s.contains("'Enabled' { return @('Enabled', 'Allowed') -contains $Current }"), s);
        assertTrue(s.contains("'Disabled' { return @('Disabled', 'Prohibited', 'UseDefault') -contains $Current }"), s);
        assertTrue(s.contains("-not (Test-SameState ([string] (Get-Prop $item 'State')) $s.State)"), s);
    }

    @Test
    void reachesCitrixCloudThroughTheRemoteSdk() {
        String s = script();
        assertTrue(s.contains("    [string] $CustomerId,\n    [string] $BearerToken,\n    [string] $ProfileName\n)"), s);
        assertTrue(s.contains("if ($CustomerId -or $BearerToken -or $ProfileName) {"), s);
        assertTrue(s.contains("Get-XDAuthentication @auth"), s);
        assertTrue(s.contains("if ($BearerToken) { $auth['BearerToken'] = $BearerToken }"), s);
        assertTrue(s.indexOf("Get-XDAuthentication @auth") < s.indexOf("New-PSDrive -Name $DriveName"),
                "authenticates before it mounts the drive");
        assertTrue(s.contains(".PARAMETER CustomerId") && s.contains(".PARAMETER BearerToken") && s.contains(".PARAMETER ProfileName"));
    }

    @Test
    void createsFiltersInBothParameterFormsAndFindsThemByValue() {
        String s = script();
        assertTrue(s.contains("New-Item -Path $filtersRoot -Name $Filter.Value -ItemType $Filter.Type -ErrorAction Stop"), s);
        assertTrue(s.contains("New-Item -Path ('{0}\\{1}\\{2}' -f $filtersRoot, $Filter.Type, $Filter.Name) -Value $Filter.Value"), s);
        assertTrue(s.contains("if ($Filter.Type -ne 'ClientIP') {"), "client IP filters keep the path form");
        assertTrue(s.contains("Where-Object { [string] (Get-Prop $_ 'FilterValue') -eq $Filter.Value }"), s);
    }

    @Test
    void parsesWithPowerShellsParserWhereItIsInstalled() throws Exception {
        Path pwsh = CitrixEmitterTest.onPath("pwsh");
        Assumptions.assumeTrue(pwsh != null, "pwsh is not installed; skipping the PowerShell parse check");
        Path file = Files.createTempFile("vipctl", ".ps1");
        Files.write(file, script().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        String check = "$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('" + file
                + "', [ref]$null, [ref]$e); $e | ForEach-Object { $_.ToString() }; exit $e.Count";
        Process p = new ProcessBuilder(pwsh.toString(), "-NoProfile", "-NonInteractive", "-Command", check)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
    }
}
