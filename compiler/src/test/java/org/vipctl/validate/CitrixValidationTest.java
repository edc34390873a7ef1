package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Severity;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.model.Policy;

class CitrixValidationTest {

    private static final String HEAD = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: NAME}
            """;

    private static List<Diagnostic> validate(String... files) {
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            docs.addAll(new YamlLoader().parse("f" + i + ".yaml", files[i].getBytes(StandardCharsets.UTF_8), d));
        }
        List<Policy> valid = new Validator().validate(docs, d);
        assertTrue(valid.size() <= files.length);
        return d.sorted();
    }

    private static String policy(String name, String body) {
        return HEAD.replace("NAME", name) + body;
    }

    private static List<Diagnostic> with(List<Diagnostic> ds, String rule) {
        return ds.stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    private static final String LOOPBACK = """
            spec:
              citrixVirtualLoopback: {enabled: true, programs: [cti.exe, crm.exe]}
            """;

    @Test
    void aFullPathInTheProgramListIsAWarningWhoseHintShowsTheBareName() {
        List<Diagnostic> ds = validate(policy("p", """
                spec:
                  citrixVirtualLoopback:
                    enabled: true
                    programs: ['C:\\Program Files\\CTI\\cti.exe', /opt/x/crm.exe]
                """));
        List<Diagnostic> paths = with(ds, "VIP022");
        assertEquals(2, paths.size(), ds.toString());
        assertTrue(paths.stream().noneMatch(Diagnostic::isError), "Citrix accepts full paths; the bare name is advice");
        assertTrue(ds.stream().noneMatch(Diagnostic::isError), ds.toString());
        assertEquals("write the bare name: 'cti.exe'", paths.get(0).hint());
        assertEquals(7, paths.get(0).location().line(), "points at the entry");
        assertEquals("write the bare name: 'crm.exe'", paths.get(1).hint());
    }

    @Test
    void preferLoopbackWithoutCitrixVirtualLoopbackIsAnError() {
        List<Diagnostic> ds = validate(policy("p", """
                spec:
                  rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: 192.0.2.1/24}
                  citrixPreferLoopback: {enabled: true, processes: [cti.exe]}
                """));
        assertTrue(with(ds, "VIP031").stream().anyMatch(Diagnostic::isError), ds.toString());
    }

    @Test
    void programsForAMixOfOldAndNewServersAreAWarningNamingThePrograms() {
        List<Diagnostic> ds = validate(policy("p", "targets: {os: [windowsServer2012R2, windowsServer2019]}\n" + LOOPBACK));
        List<Diagnostic> w = with(ds, "VIP044");
        assertEquals(1, w.size(), ds.toString());
        assertEquals(Severity.WARNING, w.get(0).severity());
        assertTrue(w.get(0).message().contains("cti.exe, crm.exe") && w.get(0).message().contains("Windows Server 2012 R2"),
                w.get(0).message());
        assertEquals(4, w.get(0).location().line());
        assertTrue(with(ds, "VIP042").isEmpty(), "no error when some targets support it");
        assertFalse(ds.stream().anyMatch(Diagnostic::isError), ds.toString());
    }

    @Test
    void citrixLoopbackOnlyForOldServersIsStillAnError() {
        List<Diagnostic> ds = validate(policy("p", "targets: {os: [windowsServer2012R2]}\n" + LOOPBACK));
        assertTrue(with(ds, "VIP042").stream().anyMatch(Diagnostic::isError), ds.toString());
        assertTrue(with(ds, "VIP044").isEmpty());
    }

    @Test
    void priorityBelowOneIsRejected() {
        List<Diagnostic> ds = validate(policy("p", LOOPBACK + "  citrixPolicy: {priority: 0}\n"));
        Diagnostic e = ds.stream().filter(Diagnostic::isError).findFirst().orElseThrow(() -> new AssertionError(ds));
        assertEquals(6, e.location().line(), e.toString());
        assertTrue(e.message().contains("1") || e.message().contains("minimum"), e.message());
    }

    @Test
    void filterValuesMustSayWhatTheyMatch() {
        List<Diagnostic> ds = validate(policy("p", LOOPBACK + """
                  citrixPolicy:
                    filters:
                      - {type: DesktopGroup, value: '   '}
                      - {type: ClientIP, value: 'the office'}
                      - {type: ClientIP, value: '10.0.*.*'}
                      - {type: DesktopTag, value: "a\\tb"}
                """));
        List<Diagnostic> errors = with(ds, "VIP062").stream().filter(Diagnostic::isError).toList();
        assertEquals(3, errors.size(), ds.toString());
        assertTrue(errors.get(0).message().contains("empty value") && errors.get(0).hint().contains("delivery group name"));
        assertTrue(errors.get(1).message().contains("'the office' is not an IP address"));
        assertTrue(errors.get(2).message().contains("control characters"));
        List<Diagnostic> empty = validate(policy("p", LOOPBACK + """
                  citrixPolicy:
                    filters: [{type: User, value: ''}]
                """));
        assertTrue(empty.stream().anyMatch(Diagnostic::isError), "the schema refuses an empty value: " + empty);
    }

    @Test
    void duplicateFiltersAreAWarning() {
        List<Diagnostic> ds = validate(policy("p", LOOPBACK + """
                  citrixPolicy:
                    filters: [{type: User, value: 'CONTOSO\\\\A'}, {type: User, value: 'contoso\\\\a'}]
                """));
        assertEquals(1, with(ds, "VIP062").size(), ds.toString());
        assertEquals(Severity.WARNING, with(ds, "VIP062").get(0).severity());
    }

    @Test
    void citrixPolicyNamesMustBeUsableInTheCitrixProvider() {
        for (String bad : List.of("a/b", "a\\\\b", "Unfiltered", "x*", "'[x]'", "' padded'", "a:b", "\"a|b\"")) {
            List<Diagnostic> ds = validate(policy("p", LOOPBACK + "  citrixPolicy: {name: " + bad + "}\n"));
            assertTrue(with(ds, "VIP062").stream().anyMatch(Diagnostic::isError), bad + ": " + ds);
        }
        for (String good : List.of("CRM & Billing", "'it''s; $x `n'", "Café ‘prod’", "v1.2 (loopback)")) {
            List<Diagnostic> ds = validate(policy("p", LOOPBACK + "  citrixPolicy: {name: " + good + "}\n"));
            assertFalse(ds.stream().anyMatch(Diagnostic::isError), good + ": " + ds);
        }
    }

    @Test
    void policiesCompiledTogetherNeedDistinctCitrixNamesAndPriorities() {
        List<Diagnostic> names = validate(
                policy("a", LOOPBACK + "  citrixPolicy: {name: Loopback, priority: 1}\n"),
                policy("b", LOOPBACK + "  citrixPolicy: {name: LOOPBACK, priority: 2}\n"));
        assertEquals(1, with(names, "VIP062").size(), names.toString());
        assertTrue(with(names, "VIP062").get(0).isError() && with(names, "VIP062").get(0).message().contains("is also used at f0.yaml") && with(names, "VIP062").get(0).message().contains("(policy 'a')"),
                names.toString());

        List<Diagnostic> priorities = validate(
                policy("a", LOOPBACK + "  citrixPolicy: {priority: 3}\n"),
                policy("b", LOOPBACK + "  citrixPolicy: {priority: 3}\n"));
        assertTrue(with(priorities, "VIP062").stream().anyMatch(d -> d.isError() && d.message().contains("priority 3")),
                priorities.toString());

        List<Diagnostic> defaults = validate(policy("a", LOOPBACK), policy("b", LOOPBACK + "  citrixPolicy: {priority: 1}\n"));
        assertTrue(with(defaults, "VIP062").isEmpty(), "a priority left at its default is not compared: " + defaults);

        List<Diagnostic> otherSet = validate(
                policy("a", LOOPBACK + "  citrixPolicy: {priority: 3}\n"),
                policy("b", LOOPBACK + "  citrixPolicy: {priority: 3, policySet: Other}\n"));
        assertTrue(with(otherSet, "VIP062").isEmpty(), "priorities are per policy set: " + otherSet);
    }

    @Test
    void citrixPolicyWithoutCitrixSettingsIsAWarning() {
        List<Diagnostic> ds = validate(policy("p", """
                spec:
                  rdsLoopbackVirtualization: {enabled: true}
                  citrixPolicy: {name: Unused}
                """));
        assertTrue(with(ds, "VIP062").stream().anyMatch(d -> d.severity() == Severity.WARNING
                && d.message().contains("no Citrix policy is exported")), ds.toString());
    }
}
