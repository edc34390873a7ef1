package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnalyserTest {

    private static Report analyse(DetectOptions o, String... files) {
        return new Analyser(o).analyse(Fixtures.read(files));
    }

    private static Report analyse(String... files) {
        return analyse(DetectOptions.defaults(), files);
    }

    private static Map<String, Candidate> candidates(Report r) {
        return r.candidates().stream().collect(Collectors.toMap(Candidate::program, Function.identity()));
    }

    private static Map<String, LeftOut.Reason> leftOut(Report r) {
        return r.leftOut().stream().collect(Collectors.toMap(LeftOut::program, LeftOut::reason));
    }

    @Test
    void collectorCaptureWithThreeSessions() {
        Report r = analyse("collector-3-sessions.json");
        Map<String, Candidate> c = candidates(r);
        assertEquals(Set.of("crm.exe", "cti.exe"), c.keySet(), r.toString());

        Candidate crm = c.get("crm.exe");
        assertEquals(Certainty.DEFINITE, crm.certainty());
        assertEquals(Set.of(Need.VIRTUAL_IP), crm.needs());
        PortEvidence p = crm.evidence().get(0);
        assertEquals(9000, p.port());
        assertEquals(List.of("0.0.0.0"), p.addresses());
        assertEquals(List.of(1, 2), p.instances().stream().map(i -> i.session().getAsInt()).toList());
        assertTrue(p.rule().startsWith("the same port in 2 instances"), p.rule());

        Candidate cti = c.get("cti.exe");
        assertEquals(Certainty.PROBABLE, cti.certainty());
        assertEquals(Set.of(Need.VIRTUAL_LOOPBACK), cti.needs());
        assertEquals(5555, cti.evidence().get(0).port());
        assertEquals(List.of("softphone.exe"), cti.clients().stream().map(ClientLink::program).toList(),
                "softphone.exe in session 1 connects to 127.0.0.1:5555; cti.exe's own accepted socket is not a client");
        assertEquals(1, cti.clients().get(0).instance().session().getAsInt());

        Map<String, LeftOut.Reason> left = leftOut(r);
        assertEquals(LeftOut.Reason.EPHEMERAL, left.get("msedge.exe"), "ports change between sessions 1 and 3");
        assertEquals(LeftOut.Reason.SYSTEM_PROCESS, left.get("svchost.exe"));
        assertEquals(LeftOut.Reason.SYSTEM_PROCESS, left.get("lsass.exe"));
        assertEquals(LeftOut.Reason.SYSTEM_PROCESS, left.get("System"));
        assertEquals(LeftOut.Reason.SERVICES, left.get("sqlservr.exe"));
        assertEquals(LeftOut.Reason.SERVICES, left.get("LicenceAgent.exe"));
        assertEquals(r.candidates().get(0).program(), "crm.exe", "definite first");
        assertEquals(List.of(1, 2, 3, 0).stream().sorted().toList(), r.captures().get(0).sessions());
    }

    @Test
    void includeServicesAndExclude() {
        DetectOptions o = new DetectOptions(Platform.RDS, true, Set.of("SQLSERVR.EXE"), SystemProcesses.builtIn());
        Report r = analyse(o, "collector-3-sessions.json");
        Map<String, Candidate> c = candidates(r);
        assertEquals(Set.of("crm.exe", "cti.exe", "LicenceAgent.exe"), c.keySet());
        assertEquals(Certainty.PROBABLE, c.get("LicenceAgent.exe").certainty());
        assertEquals(LeftOut.Reason.EXCLUDED, leftOut(r).get("sqlservr.exe"));
    }

    @Test
    void twoCapturesTellAFixedPortFromAnEphemeralOne() {
        Report one = analyse("second-instance-a.json");
        assertEquals(Set.of("ledger.exe", "reporter.exe", "scanner.exe"), candidates(one).keySet(),
                "one instance: every port below the dynamic range looks fixed");
        assertTrue(candidates(one).values().stream().allMatch(c -> c.certainty() == Certainty.PROBABLE));
        assertTrue(one.notes().stream().anyMatch(n -> n.contains("vipctl detect A.json B.json")), one.notes().toString());

        Report two = analyse("second-instance-a.json", "second-instance-b.json");
        Map<String, Candidate> c = candidates(two);
        assertEquals(Set.of("ledger.exe"), c.keySet());
        Candidate ledger = c.get("ledger.exe");
        assertEquals(Certainty.DEFINITE, ledger.certainty());
        assertEquals(List.of(7000), ledger.evidence().stream().map(PortEvidence::port).toList(),
                "50500 and 51234 differ between the instances: ephemeral, not evidence");
        Map<String, LeftOut.Reason> left = leftOut(two);
        assertEquals(LeftOut.Reason.EPHEMERAL, left.get("reporter.exe"), "8123 then 8456: the port changes");
        assertEquals(LeftOut.Reason.EPHEMERAL, left.get("scanner.exe"));
        assertTrue(two.leftOut().stream().filter(l -> l.program().equals("reporter.exe")).findFirst().orElseThrow()
                .detail().contains("TCP 8123"));
    }

    @Test
    void netstatWithTasklistKnowsSessions() {
        Report r = analyse("netstat-ano.txt", "tasklist.csv");
        Map<String, Candidate> c = candidates(r);
        assertEquals(Set.of("crm.exe", "cti.exe", "softphone.exe"), c.keySet());
        assertEquals(Certainty.DEFINITE, c.get("crm.exe").certainty(), "9000 on two virtual addresses in sessions 1 and 2");
        assertEquals(List.of("192.0.2.101", "192.0.2.102"), c.get("crm.exe").evidence().get(0).addresses());
        assertEquals(Set.of(Need.VIRTUAL_IP), c.get("softphone.exe").needs(), "UDP 5060 on 0.0.0.0");
        assertEquals(LeftOut.Reason.SERVICES, leftOut(r).get("sqlservr.exe"));
        assertTrue(r.notes().stream().noneMatch(n -> n.contains("no sessions")));
    }

    @Test
    void netstatWithoutNamesLeavesPidsOut() {
        Report r = analyse("netstat-ano.txt");
        assertTrue(r.candidates().isEmpty());
        assertEquals(LeftOut.Reason.NO_NAME, leftOut(r).get("PID 4100"));
        assertTrue(r.notes().get(0).contains("no sessions in this capture"), r.notes().toString());
    }

    @Test
    void abnoWithoutSessionsCannotTellServices() {
        Report r = analyse("netstat-abno.txt");
        Map<String, Candidate> c = candidates(r);
        assertEquals(Set.of("crm.exe", "cti.exe", "softphone.exe", "sqlservr.exe"), c.keySet(),
                "without sessions a service such as sqlservr.exe cannot be left out");
        assertEquals(List.of("softphone.exe"), c.get("cti.exe").clients().stream().map(ClientLink::program).toList());
        assertTrue(c.get("crm.exe").evidence().get(0).rule().contains("do not listen on it"),
                "the second crm.exe (PID 5200) only has an outgoing connection: its bind may have failed");
        Report excluded = analyse(new DetectOptions(Platform.RDS, false, Set.of("sqlservr.exe"), SystemProcesses.builtIn()),
                "netstat-abno.txt");
        assertEquals(Set.of("crm.exe", "cti.exe", "softphone.exe"), candidates(excluded).keySet());
    }

    @Test
    void localizedAndOtherFormatsGiveTheSameCandidates() {
        assertEquals(Set.of("crm.exe", "cti.exe"), candidates(analyse("netstat-ano-de-cp850.txt", "tasklist-de-cp850.csv")).keySet());
        assertEquals(Set.of("crm.exe", "cti.exe"), candidates(analyse("netstat-abno-fr-utf16le.txt")).keySet());
        assertEquals(Set.of("crm.exe", "cti.exe", "softphone.exe"), candidates(analyse("tcpview.csv")).keySet());
        assertEquals(LeftOut.Reason.EPHEMERAL, leftOut(analyse("tcpview.csv")).get("msedge.exe"), "UDP 52210: dynamic range, once");
        assertEquals(Set.of("crm.exe", "cti.exe", "softphone.exe"), candidates(analyse("tcpvcon.csv")).keySet());
    }

    @Test
    void systemListIsData() {
        SystemProcesses s = SystemProcesses.builtIn();
        assertTrue(s.contains("SVCHOST.EXE"));
        assertTrue(s.contains("System"));
        assertTrue(!s.contains("crm.exe"));
    }
}
