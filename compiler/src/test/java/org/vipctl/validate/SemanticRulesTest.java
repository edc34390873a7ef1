package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.validate.Check.at;
import static org.vipctl.validate.Check.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;

/** Every semantic rule of one policy, each shown to fire and shown to stay quiet. */
class SemanticRulesTest {

    private static final String IP_ON = """
              rdsIpVirtualization:
                enabled: true
                mode: perProgram
                programs: [crm.exe]
                networkAdapter: 192.0.2.96/24
            """;

    @Test
    void aCompletePolicyIsClean() {
        Check c = Check.files(policy("farm", IP_ON + """
              rdsLoopbackVirtualization: {enabled: true}
              citrixVirtualLoopback: {enabled: true, programs: [crm.exe]}
              citrixPreferLoopback: {enabled: true, processes: [crm.exe]}
            """));
        c.clean();
        assertEquals(1, c.valid.size());
    }

    // VIP020 -------------------------------------------------------------------------------------

    @Test
    void perProgramWithoutProgramsIsAnError() {
        String text = policy("p", """
              rdsIpVirtualization:
                enabled: true
                mode: perProgram
                networkAdapter: 192.0.2.96/24
            """);
        Diagnostic d = Check.files(text).one(Rule.PROGRAMS_REQUIRED);
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(d.message().contains("non-empty 'programs'"), d.message());
        at(d, text, "perProgram");
    }

    @Test
    void perProgramIsTheDefaultModeSoAMissingListIsStillAnError() {
        String text = policy("p", """
              rdsIpVirtualization:
                enabled: true
                networkAdapter: 192.0.2.96/24
            """);
        Diagnostic d = Check.files(text).one(Rule.PROGRAMS_REQUIRED);
        assertTrue(d.message().contains("default mode"), d.message());
        at(d, text, "rdsIpVirtualization");
    }

    @Test
    void anEmptyProgramListIsAnError() {
        Check.files(policy("p", """
              rdsIpVirtualization: {enabled: true, mode: perProgram, programs: [], networkAdapter: 192.0.2.96/24}
            """)).one(Rule.PROGRAMS_REQUIRED);
    }

    @Test
    void perSessionNeedsNoProgramsAndDisabledNeedsNothing() {
        Check.files(policy("p", """
              rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: 192.0.2.96/24}
            """)).clean();
        Check.files(policy("p", """
              rdsIpVirtualization: {enabled: false}
            """)).clean();
    }

    // VIP021 -------------------------------------------------------------------------------------

    @Test
    void programsInPerSessionModeAreAWarning() {
        String text = policy("p", """
              rdsIpVirtualization:
                enabled: true
                mode: perSession
                programs: [crm.exe]
                networkAdapter: 192.0.2.96/24
            """);
        Check c = Check.files(text);
        Diagnostic d = c.one(Rule.PROGRAMS_IGNORED);
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message().contains("ignored in perSession mode"), d.message());
        at(d, text, "crm.exe");
        assertEquals(1, c.valid.size(), "a warning does not make the policy invalid");
    }

    // VIP022 / VIP023 / VIP024 -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"'C:\\Program Files\\Crm\\crm.exe'", "'\\\\server\\share\\crm.exe'", "bin/crm.exe", "'.\\crm.exe'"})
    void aPathGetsAnErrorWhoseHintIsTheBareName(String entry) {
        String text = policy("p", "  citrixPreferLoopback: {enabled: false, processes: [" + entry + "]}\n");
        Diagnostic d = Check.files(text).one(Rule.NOT_BARE_NAME);
        assertTrue(d.isError() && d.message().contains("is a path"), d.message());
        assertEquals("write the bare name: 'crm.exe'", d.hint());
        at(d, text, entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'C:\\Program Files\\Crm\\crm.exe'", "'\\\\server\\share\\crm.exe'", "bin/crm.exe"})
    void aPathInTheCitrixProgramListIsAWarningWithTheBareNameHint(String entry) {
        String text = policy("p", "  citrixVirtualLoopback: {enabled: true, programs: [" + entry + "]}\n");
        Check c = Check.files(text);
        Diagnostic d = c.one(Rule.NOT_BARE_NAME);
        assertEquals(Severity.WARNING, d.severity(), d::toString);
        assertTrue(d.message().contains("Citrix needs only the executable name"), d.message());
        assertEquals("write the bare name: 'crm.exe'", d.hint());
        assertTrue(c.all().stream().noneMatch(Diagnostic::isError), c::dump);
        at(d, text, entry);
    }

    @Test
    void theFileNameOfACitrixPathIsStillChecked() {
        Check c = Check.files(policy("p", "  citrixVirtualLoopback: {enabled: true, programs: ['C:\\x\\crm', 'D:\\a\\cti.exe', cti.exe]}\n"));
        assertTrue(c.one(Rule.BAD_PROGRAM).message().contains("not an .exe name"), c::dump);
        assertTrue(c.one(Rule.DUPLICATE_PROGRAM).message().contains("'cti.exe' is listed twice"), c::dump);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'*.exe'", "'crm?.exe'", "''", "' crm.exe'", "crm", "crm.dll", "'crm<1>.exe'", "\"a\\tb.exe\""})
    void wildcardsEmptyItemsAndNonExecutablesAreErrors(String entry) {
        String text = policy("p", "  citrixPreferLoopback: {enabled: false, processes: [ok.exe, " + entry + "]}\n");
        Diagnostic d = Check.files(text).one(Rule.BAD_PROGRAM);
        at(d, text, entry);
    }

    @Test
    void programNameProblemsSayWhatIsWrong() {
        assertTrue(Check.files(policy("p", "  citrixVirtualLoopback: {enabled: true, programs: ['*.exe']}\n"))
                .one(Rule.BAD_PROGRAM).message().contains("wildcard"));
        assertTrue(Check.files(policy("p", "  citrixVirtualLoopback: {enabled: true, programs: ['']}\n"))
                .one(Rule.BAD_PROGRAM).message().contains("empty entry"));
        Diagnostic noExe = Check.files(policy("p", "  citrixVirtualLoopback: {enabled: true, programs: [crm]}\n"))
                .one(Rule.BAD_PROGRAM);
        assertTrue(noExe.message().contains("not an .exe name"), noExe.message());
        assertTrue(noExe.hint().contains("'crm.exe'"), noExe.hint());
    }

    @Test
    void duplicatesAreFoundIgnoringCaseAndNameTheFirst() {
        String text = policy("p", """
              rdsIpVirtualization:
                enabled: true
                programs: [crm.exe, other.exe, CRM.EXE]
                networkAdapter: 192.0.2.96/24
            """);
        Diagnostic d = Check.files(text).one(Rule.DUPLICATE_PROGRAM);
        at(d, text, "CRM.EXE");
        assertEquals(1, d.related().size());
        assertEquals(text.lines().toList().indexOf("    programs: [crm.exe, other.exe, CRM.EXE]") + 1,
                d.related().get(0).line());
    }

    @Test
    void programNamesAreCheckedInEveryList() {
        Check c = Check.files(policy("p", """
              rdsIpVirtualization: {enabled: false, programs: [a/x.exe]}
              citrixVirtualLoopback: {enabled: true, programs: [b/y.exe]}
              citrixPreferLoopback: {enabled: false, processes: [c/z.exe]}
            """));
        assertEquals(3, c.of(Rule.NOT_BARE_NAME).size(), c::dump);
        assertTrue(c.of(Rule.NOT_BARE_NAME).stream().anyMatch(d -> d.message().contains("rdsIpVirtualization.programs")));
        assertTrue(c.of(Rule.NOT_BARE_NAME).stream().anyMatch(d -> d.message().contains("citrixVirtualLoopback.programs")));
        assertTrue(c.of(Rule.NOT_BARE_NAME).stream().anyMatch(d -> d.message().contains("citrixPreferLoopback.processes")));
    }

    // VIP025 / VIP026 ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.96", "192.0.2.96/33", "256.0.2.1/24", "192.0.2/24", "192.0.2.096/24",
        "'192.0.2.96/24 '", "fe80::1/64", "adapter1", "'192.0.2.96 /24'"})
    void theNetworkAdapterMustBeAnIpv4Cidr(String adapter) {
        String text = policy("p", "  rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: "
                + adapter + "}\n");
        Diagnostic d = Check.files(text).one(Rule.BAD_CIDR);
        at(d, text, adapter);
        assertTrue(d.hint().contains("192.0.2.96/24"), d.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "10.1.2.3/8", "255.255.255.255/32", "192.0.2.96/24"})
    void validCidrsPass(String adapter) {
        Check.files(policy("p", "  rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: "
                + adapter + "}\n")).clean();
    }

    @Test
    void theAdapterIsRequiredOnlyWhenEnabled() {
        String text = policy("p", """
              rdsIpVirtualization:
                enabled: true
                mode: perSession
            """);
        Diagnostic d = Check.files(text).one(Rule.ADAPTER_REQUIRED);
        at(d, text, "rdsIpVirtualization");
        Check.files(policy("p", "  rdsIpVirtualization: {enabled: false}\n")).none(Rule.ADAPTER_REQUIRED);
    }

    @Test
    void aBadAdapterIsReportedEvenWhileTheFeatureIsOff() {
        Check.files(policy("p", "  rdsIpVirtualization: {enabled: false, networkAdapter: 192.0.2.1}\n"))
                .one(Rule.BAD_CIDR);
    }

    // VIP030 -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"enabled: false, ", ""})
    void citrixProgramsWithoutEnabledTrueAreAnError(String enabled) {
        String text = policy("p", "  citrixVirtualLoopback: {" + enabled + "programs: [cti.exe]}\n");
        Diagnostic d = Check.files(text).one(Rule.CITRIX_PROGRAMS_WITHOUT_SUPPORT);
        assertEquals(Severity.ERROR, d.severity());
        at(d, text, enabled.isEmpty() ? "cti.exe" : "false");
        Check.files(policy("p", "  citrixVirtualLoopback: {enabled: true, programs: [cti.exe]}\n"))
                .none(Rule.CITRIX_PROGRAMS_WITHOUT_SUPPORT);
    }

    // VIP031 / VIP032 ----------------------------------------------------------------------------

    @Test
    void preferLoopbackNeedsBothFeaturesAndSaysWhichIsMissing() {
        String neither = policy("p", "  citrixPreferLoopback:\n    enabled: true\n    processes: [a.exe]\n");
        Diagnostic d = Check.files(neither).one(Rule.PREFER_LOOPBACK_PREREQUISITES);
        assertTrue(d.message().contains("RD IP virtualization and Citrix virtual loopback are"), d.message());
        at(d, neither, "citrixPreferLoopback");

        Diagnostic noCitrix = Check.files(policy("p", IP_ON + "  citrixPreferLoopback: {enabled: true, processes: [crm.exe]}\n"))
                .one(Rule.PREFER_LOOPBACK_PREREQUISITES);
        assertTrue(noCitrix.message().contains("Citrix virtual loopback is not"), noCitrix.message());

        Diagnostic noIp = Check.files(policy("p", """
              citrixVirtualLoopback: {enabled: true, programs: [a.exe]}
              citrixPreferLoopback: {enabled: true, processes: [a.exe]}
            """)).one(Rule.PREFER_LOOPBACK_PREREQUISITES);
        assertTrue(noIp.message().contains("RD IP virtualization is not"), noIp.message());
        assertTrue(noIp.hint().contains("Citrix"), noIp.hint());
    }

    @Test
    void preferLoopbackOffNeedsNothing() {
        Check.files(policy("p", "  citrixPreferLoopback: {enabled: false}\n")).clean();
    }

    @Test
    void policiesCompiledTogetherCombine() {
        String ip = policy("ip", IP_ON);
        String citrix = policy("citrix", """
              citrixVirtualLoopback: {enabled: true, programs: [cti.exe]}
              citrixPreferLoopback: {enabled: true, processes: [cti.exe]}
            """);
        Check.files(ip, citrix).clean();
        Check.files(citrix).one(Rule.PREFER_LOOPBACK_PREREQUISITES);
    }

    @Test
    void aPreferredProcessOutsideTheLoopbackListIsAWarning() {
        String text = policy("p", IP_ON + """
              citrixVirtualLoopback: {enabled: true, programs: [crm.exe]}
              citrixPreferLoopback: {enabled: true, processes: [CRM.exe, phone.exe]}
            """);
        Diagnostic d = Check.files(text).one(Rule.PREFER_PROCESS_NOT_VIRTUALIZED);
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message().contains("'phone.exe'"), d.message());
        at(d, text, "phone.exe");
    }

    @Test
    void preferLoopbackWithoutProcessesIsAWarning() {
        Diagnostic d = Check.files(policy("p", IP_ON + """
              citrixVirtualLoopback: {enabled: true, programs: [crm.exe]}
              citrixPreferLoopback: {enabled: true}
            """)).one(Rule.PROGRAMS_REQUIRED);
        assertEquals(Severity.WARNING, d.severity());
    }

    // VIP033 -------------------------------------------------------------------------------------

    @Test
    void loopbackVirtualizationWithoutIpVirtualizationIsAWarning() {
        String text = policy("p", "  rdsLoopbackVirtualization:\n    enabled: true\n");
        Check c = Check.files(text);
        Diagnostic d = c.one(Rule.LOOPBACK_WITHOUT_IP_VIRTUALIZATION);
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.hint().contains("not confirmed"), d.hint());
        at(d, text, "rdsLoopbackVirtualization");
        Check.files(policy("p", IP_ON + "  rdsLoopbackVirtualization: {enabled: true}\n"))
                .none(Rule.LOOPBACK_WITHOUT_IP_VIRTUALIZATION);
        Check.files(policy("p", "  rdsLoopbackVirtualization: {enabled: false}\n")).clean();
    }

    // VIP040 - VIP043 ----------------------------------------------------------------------------

    private static String targeting(String os, String spec) {
        return Check.HEAD + "metadata: {name: p}\ntargets:\n  os: [" + os + "]\nspec:\n" + spec;
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows10EnterpriseMultiSession", "windows11EnterpriseMultiSession", "windows10", "windows11"})
    void clientAndMultiSessionOsAreErrorsForEveryFeature(String os) {
        for (String spec : new String[] {
            "  rdsIpVirtualization: {enabled: false}\n",
            "  rdsLoopbackVirtualization: {enabled: false}\n",
            "  citrixVirtualLoopback: {enabled: false}\n",
            "  citrixPreferLoopback: {enabled: false}\n"}) {
            String text = targeting(os, spec);
            Diagnostic d = Check.files(text).one(Rule.UNSUPPORTED_OS);
            at(d, text, os);
            assertTrue(d.message().contains("Citrix, \"Virtual IP and virtual loopback\""), d.message());
        }
    }

    @Test
    void multiSessionMessageSaysItSupportsNeither() {
        String m = Check.files(targeting("windows10EnterpriseMultiSession", "  rdsIpVirtualization: {enabled: false}\n"))
                .one(Rule.UNSUPPORTED_OS).message();
        assertTrue(m.contains("Windows 10 Enterprise multi-session supports neither"), m);
    }

    @Test
    void rdsLoopbackNeedsServer2012() {
        String text = targeting("windowsServer2008R2, windowsServer2012", "  rdsLoopbackVirtualization: {enabled: true}\n");
        Check c = Check.files(text);
        Diagnostic d = c.one(Rule.RDS_LOOPBACK_OS);
        at(d, text, "windowsServer2008R2");
        assertTrue(d.message().contains("Microsoft, \"RDS IP Virtualization in Windows Server 2012\""), d.message());
        Check.files(targeting("windowsServer2008R2", "  rdsLoopbackVirtualization: {enabled: false}\n"))
                .none(Rule.RDS_LOOPBACK_OS);
    }

    @Test
    void citrixFeaturesNeedServer2016AndNameTheDocument() {
        String text = targeting("windowsServer2008R2, windowsServer2012R2",
                "  citrixVirtualLoopback: {enabled: true, programs: [a.exe]}\n");
        Check c = Check.files(text);
        assertEquals(2, c.of(Rule.CITRIX_OS).size(), c::dump);
        Diagnostic d = c.of(Rule.CITRIX_OS).get(1);
        at(d, text, "windowsServer2012R2");
        assertTrue(d.message().contains("Citrix, \"Virtual IP and virtual loopback\""), d.message());
        // With a newer server in the list the policy still works there: a warning that names the programs.
        String mixed = targeting("windowsServer2012R2, windowsServer2016",
                "  citrixVirtualLoopback: {enabled: true, programs: [a.exe]}\n");
        Check m = Check.files(mixed);
        m.none(Rule.CITRIX_OS);
        Diagnostic w = m.one(Rule.CITRIX_PROGRAMS_OLD_OS);
        assertEquals(Severity.WARNING, w.severity());
        at(w, mixed, "windowsServer2012R2");
        assertTrue(w.message().contains("a.exe") && w.message().contains("Citrix, \"Virtual IP and virtual loopback\""),
                w.message());
        assertEquals(1, Check.files(targeting("windowsServer2012", IP_ON
                + "  citrixVirtualLoopback: {enabled: true, programs: [crm.exe]}\n"
                + "  citrixPreferLoopback: {enabled: true, processes: [crm.exe]}\n")).of(Rule.CITRIX_OS).size(),
                "one error per target, however many Citrix settings");
        Check.files(targeting("windowsServer2012", "  citrixVirtualLoopback: {enabled: false}\n")).none(Rule.CITRIX_OS);
    }

    @Test
    void mixedTargetsWarnAndNameTheProgramsLeftWithoutLoopback() {
        String text = targeting("windowsServer2012R2, windowsServer2016",
                "  citrixVirtualLoopback: {enabled: true, programs: [a.exe]}\n");
        Check c = Check.files(text);
        c.none(Rule.CITRIX_OS);
        Diagnostic d = c.one(Rule.CITRIX_PROGRAMS_OLD_OS);
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message().contains("(a.exe)"), d.message());
        at(d, text, "windowsServer2012R2");
    }

    @Test
    void ipVirtualizationRunsOn2008R2() {
        Check.files(targeting("windowsServer2008R2", IP_ON)).clean();
    }

    @Test
    void noTargetsIsANoteNotAnError() {
        Check c = Check.files(Check.HEAD + "metadata: {name: p}\nspec:\n  rdsLoopbackVirtualization: {enabled: false}\n");
        Diagnostic d = c.one(Rule.NO_TARGETS);
        assertEquals(Severity.NOTE, d.severity());
        assertEquals(1, c.valid.size());
    }

    // VIP012 on names, VIP062 ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"CON", "nul", "com1", "LPT9.x", "aux"})
    void windowsDeviceNamesCannotNamePolicies(String name) {
        Diagnostic d = Check.files(policy(name, "  rdsIpVirtualization: {enabled: false}\n")).one(Rule.NOT_ALLOWED);
        assertTrue(d.message().contains("device name"), d.message());
    }

    @Test
    void aCitrixPolicySectionWithoutCitrixSettingsIsAWarning() {
        String text = policy("p", "  citrixPolicy: {name: X}\n  rdsIpVirtualization: {enabled: false}\n");
        Diagnostic d = Check.files(text).one(Rule.CITRIX_POLICY);
        assertEquals(Severity.WARNING, d.severity());
        at(d, text, "citrixPolicy");
    }
}
