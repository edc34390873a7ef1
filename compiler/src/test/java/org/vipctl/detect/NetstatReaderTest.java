package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetstatReaderTest {

    private static Socket at(Capture c, String local, Protocol p, boolean listening) {
        List<Socket> found = c.sockets().stream()
                .filter(s -> s.local().toString().equals(local) && s.protocol() == p && s.listening() == listening).toList();
        assertEquals(1, found.size(), () -> "one " + p + " " + local + " in " + c.sockets());
        return found.get(0);
    }

    @Test
    void englishAnoHasRowsWithPidsButNoNames() {
        NetstatCapture c = (NetstatCapture) Fixtures.one("netstat-ano.txt");
        assertEquals(17, c.sockets().size());
        assertFalse(c.ownerLines());
        assertFalse(c.sessionsKnown());
        Socket crm = at(c, "192.0.2.101:9000", Protocol.TCP, true);
        assertEquals(4100, crm.pid());
        assertEquals(Optional.empty(), crm.image());
        assertEquals(IpAddress.Kind.SERVER, crm.local().address().kind());
        Socket client = at(c, "127.0.0.1:50312", Protocol.TCP, false);
        assertEquals("127.0.0.1:5555", client.remote().orElseThrow().toString());
        assertTrue(client.origin().endsWith("netstat-ano.txt:12"), client.origin());
        Socket ipv6 = at(c, "[::]:135", Protocol.TCP, true);
        assertEquals(IpAddress.Kind.ALL, ipv6.local().address().kind());
        Socket zoned = at(c, "[fe80::1c2d:3e4f:5a6b:7c8d]:1900", Protocol.UDP, true);
        assertEquals(2210, zoned.pid());
        assertFalse(at(c, "192.0.2.10:50844", Protocol.TCP, false).listening(), "TIME_WAIT is not listening");
    }

    @Test
    void tasklistBesideAnoNamesThePidsAndGivesSessions() {
        List<Capture> both = Fixtures.read("netstat-ano.txt", "tasklist.csv");
        assertEquals(1, both.size(), "the tasklist belongs to the netstat file before it");
        NetstatCapture c = (NetstatCapture) both.get(0);
        assertTrue(c.sessionsKnown());
        assertTrue(c.kind().contains("tasklist"), c.kind());
        Socket crm2 = at(c, "192.0.2.102:9000", Protocol.TCP, true);
        assertEquals(Optional.of("crm.exe"), crm2.image());
        assertEquals(2, crm2.session().getAsInt());
        assertEquals(0, at(c, "0.0.0.0:1433", Protocol.TCP, true).session().getAsInt());
    }

    @Test
    void abnoTakesTheExecutableLinesAndSkipsServiceAndOwnershipLines() {
        NetstatCapture c = (NetstatCapture) Fixtures.one("netstat-abno.txt");
        assertTrue(c.ownerLines());
        assertEquals("netstat -abno (UTF-8)", c.kind());
        assertEquals(Optional.of("svchost.exe"), at(c, "0.0.0.0:135", Protocol.TCP, true).image());
        assertEquals(Optional.empty(), at(c, "0.0.0.0:445", Protocol.TCP, true).image(), "Can not obtain ownership information");
        assertEquals(Optional.of("crm.exe"), at(c, "0.0.0.0:9000", Protocol.TCP, true).image());
        assertEquals(Optional.of("softphone.exe"), at(c, "127.0.0.1:50312", Protocol.TCP, false).image());
        assertEquals(Optional.of("softphone.exe"), at(c, "0.0.0.0:5060", Protocol.UDP, true).image());
        assertEquals(Optional.of("svchost.exe"), at(c, "0.0.0.0:123", Protocol.UDP, true).image(), "after W32Time");
        assertEquals(Optional.empty(), at(c, "192.0.2.10:50844", Protocol.TCP, false).image(), "TIME_WAIT has no -b line");
    }

    @Test
    void germanNetstatInOemCodePage850() {
        NetstatCapture c = (NetstatCapture) Fixtures.one("netstat-ano-de-cp850.txt");
        assertEquals("OEM code page 850", c.encoding());
        assertEquals(10, c.sockets().size());
        assertEquals(7, c.sockets().stream().filter(s -> s.protocol() == Protocol.TCP && s.listening()).count(),
                "ABHÖREN rows listen, HERGESTELLT rows do not");
        List<Capture> named = Fixtures.read("netstat-ano-de-cp850.txt", "tasklist-de-cp850.csv");
        Socket cti = at(named.get(0), "127.0.0.1:5555", Protocol.TCP, true);
        assertEquals(Optional.of("cti.exe"), cti.image());
        assertEquals(1, cti.session().getAsInt());
    }

    @Test
    void frenchAbnoSavedAsUtf16WithBom() {
        NetstatCapture c = (NetstatCapture) Fixtures.one("netstat-abno-fr-utf16le.txt");
        assertEquals("netstat -abno (UTF-16LE)", c.kind());
        assertEquals(6, c.sockets().size());
        assertEquals(Optional.of("crm.exe"), at(c, "0.0.0.0:9000", Protocol.TCP, true).image());
        assertEquals(Optional.empty(), at(c, "0.0.0.0:49670", Protocol.TCP, true).image(),
                "the localized 'cannot obtain ownership' sentence names no executable");
    }

    private static CaptureException fails(String text) {
        return assertThrows(CaptureException.class, () -> NetstatReader.read(LineReader.of("n.txt", text)));
    }

    @Test
    void brokenRowsAreLocated() throws IOException {
        String header = "\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State\r\n";
        assertEquals("n.txt:5: no PID column: capture with 'netstat -ano' or 'netstat -abno' (-o adds the PID)",
                fails(header + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING\r\n").getMessage());
        assertEquals("n.txt:5: local address 'RDS01:epmap' is not a numeric address and port: capture with"
                        + " 'netstat -ano' (-n shows numbers)",
                fails(header + "  TCP    RDS01:epmap            RDS01:0                LISTENING       912\r\n").getMessage());
        assertEquals("n.txt:6: incomplete UDP row: 'UDP 0.0.0.0:123'",
                fails(header + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       912\r\n  UDP    0.0.0.0:123\r\n")
                        .getMessage());
        assertTrue(fails("Active Connections\r\n\r\nnothing here\r\n").getMessage()
                .startsWith("n.txt: not a capture: no netstat row"));
    }

    @Test
    void linuxNetstatIsNotACapture() {
        CaptureException e = assertThrows(CaptureException.class, () -> Fixtures.read("linux-netstat.txt"));
        assertTrue(e.getMessage().endsWith("linux-netstat.txt:2: not a capture: this is netstat (or ss) output of"
                + " Linux or macOS (Recv-Q and Send-Q columns); vipctl reads Windows 'netstat -ano' of the session host"),
                e.getMessage());
    }
}
