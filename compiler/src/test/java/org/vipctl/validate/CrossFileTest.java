package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.validate.Check.at;
import static org.vipctl.validate.Check.policy;

import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;

/** Rules across files compiled together: names, registry values, Citrix policy names. */
class CrossFileTest {

    private static final String REG = "  registry:\n    - {key: 'HKLM\\SOFTWARE\\Contoso', name: Port, type: REG_DWORD, data: %s}\n";

    @Test
    void twoPoliciesWithOneNameNameBothPlaces() {
        String a = policy("crm", "  rdsLoopbackVirtualization: {enabled: false}\n");
        String b = policy("CRM", "  rdsLoopbackVirtualization: {enabled: false}\n");
        Check c = Check.files(a, b);
        Diagnostic d = c.one(Rule.DUPLICATE_POLICY);
        assertEquals("p1.yaml", d.location().file());
        at(d, b, "CRM");
        assertTrue(d.message().contains("already used at p0.yaml:4:9"), d.message());
        assertEquals("p0.yaml", d.related().get(0).file());
        assertEquals(1, c.valid.size(), "the second is dropped");
    }

    @Test
    void aDuplicateNameIsFoundEvenWhenTheFirstHasErrors() {
        String a = policy("crm", "  citrixVirtualLoopback: {programs: [x.exe]}\n");
        String b = policy("crm", "  rdsLoopbackVirtualization: {enabled: false}\n");
        Check c = Check.files(a, b);
        c.one(Rule.CITRIX_PROGRAMS_WITHOUT_SUPPORT);
        c.one(Rule.DUPLICATE_POLICY);
    }

    @Test
    void twoPoliciesSettingOneValueDifferentlyAreAnErrorReportedOnce() {
        String a = policy("a", REG.formatted("9000"));
        String b = policy("b", REG.formatted("9001"));
        Diagnostic d = Check.files(a, b).one(Rule.CONFLICT);
        assertEquals("p1.yaml", d.location().file());
        at(d, b, "{key");
        assertTrue(d.message().contains("HKLM\\SOFTWARE\\Contoso\\Port"), d.message());
        assertTrue(d.message().contains("9001"), d.message());
        assertTrue(d.message().contains("9000"), d.message());
        assertTrue(d.message().contains("policy 'a' at p0.yaml:"), d.message());
        assertEquals("p0.yaml", d.related().get(0).file());
    }

    @Test
    void theSameDataTwiceIsNoConflict() {
        Check.files(policy("a", REG.formatted("9000")), policy("b", REG.formatted("9000"))).clean();
    }

    @Test
    void typeDriftIsAConflict() {
        String b = policy("b", "  registry:\n    - {key: 'HKLM\\SOFTWARE\\Contoso', name: port, type: REG_SZ, data: '9000'}\n");
        Diagnostic d = Check.files(policy("a", REG.formatted("9000")), b).one(Rule.CONFLICT);
        assertTrue(d.message().contains("REG_SZ"), d.message());
    }

    @Test
    void settingAndDeletingIsAConflict() {
        String b = policy("b", "  registry:\n    - {key: 'hklm\\software\\contoso', name: PORT, ensure: absent}\n");
        Diagnostic d = Check.files(policy("a", REG.formatted("9000")), b).one(Rule.CONFLICT);
        assertTrue(d.message().contains("absent"), d.message());
    }

    @Test
    void aFeatureAndARawValueCanConflict() {
        String a = policy("a", "  rdsIpVirtualization: {enabled: false}\n");
        String b = policy("b", "  registry:\n    - {key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP',"
                + " name: EnableVirtualIP, type: REG_DWORD, data: 1}\n");
        Diagnostic d = Check.files(a, b).one(Rule.CONFLICT);
        assertTrue(d.message().contains("policy scope"), d.message());
    }

    @Test
    void the32BitViewAndTheWow6432NodeSpellingAreOneValue() {
        String a = policy("a", "  registry:\n    - {key: 'HKLM\\SOFTWARE\\Citrix\\VIP', view: 32, name: X, type: REG_DWORD, data: 1}\n");
        String b = policy("b", "  registry:\n    - {key: 'HKLM\\SOFTWARE\\Wow6432Node\\Citrix\\VIP', name: X, type: REG_DWORD, data: 0}\n");
        Check.files(a, b).one(Rule.CONFLICT);
    }

    @Test
    void twoCitrixPoliciesWithOneNameAreAnError() {
        String a = policy("a", "  citrixVirtualLoopback: {enabled: true, programs: [a.exe]}\n  citrixPolicy: {name: Loopback, priority: 1}\n");
        String b = policy("b", "  citrixVirtualLoopback: {enabled: true, programs: [b.exe]}\n  citrixPolicy: {name: loopback, priority: 2}\n");
        Diagnostic d = Check.files(a, b).one(Rule.CITRIX_POLICY);
        at(d, b, "loopback,");
        assertTrue(d.message().contains("is also used at p0.yaml:"), d.message());
        Check.files(a, policy("b", "  citrixVirtualLoopback: {enabled: true, programs: [b.exe]}\n  citrixPolicy: {priority: 2}\n"))
                .clean();
    }
}
