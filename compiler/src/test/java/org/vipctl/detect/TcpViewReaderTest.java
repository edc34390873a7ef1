package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TcpViewReaderTest {

    private static Socket find(Capture c, String local, Protocol p) {
        return c.sockets().stream().filter(s -> s.local().toString().equals(local) && s.protocol() == p).findFirst()
                .orElseThrow(() -> new AssertionError(local + " not in " + c.sockets()));
    }

    @Test
    void savedCsvByColumnNames() {
        Capture c = Fixtures.one("tcpview.csv");
        assertTrue(c instanceof TcpViewCapture);
        assertFalse(c.sessionsKnown());
        assertEquals(10, c.sockets().size());
        Socket crm = find(c, "0.0.0.0:9000", Protocol.TCP);
        assertTrue(crm.listening());
        assertEquals(Optional.of("crm.exe"), crm.image());
        assertEquals(4100, crm.pid());
        assertFalse(find(c, "127.0.0.1:50312", Protocol.TCP).listening(), "Established");
        assertTrue(find(c, "[::]:135", Protocol.TCP).listening(), "TCPv6 Listen");
        assertTrue(find(c, "0.0.0.0:5060", Protocol.UDP).listening(), "every UDP socket is bound");
        assertTrue(crm.origin().endsWith("tcpview.csv:4"), crm.origin());
    }

    @Test
    void tabSeparatedWithColumnsInAnotherOrder() throws IOException {
        Capture c = TcpViewReader.read(LineReader.of("t.txt",
                "Protocol\tLocal Address\tLocal Port\tRemote Address\tRemote Port\tState\tProcess\tPID\n"
                        + "TCP\t127.0.0.1\t7000\t0.0.0.0\t0\tListening\tagent.exe\t88\n"));
        Socket s = c.sockets().get(0);
        assertEquals("127.0.0.1:7000", s.local().toString());
        assertTrue(s.listening());
        assertEquals(Optional.of("agent.exe"), s.image());
    }

    @Test
    void tcpvconCsvWithoutHeader() {
        Capture c = Fixtures.one("tcpvcon.csv");
        assertEquals(6, c.sockets().size());
        assertTrue(find(c, "127.0.0.1:5555", Protocol.TCP).listening());
        assertEquals("127.0.0.1:5555", find(c, "127.0.0.1:50312", Protocol.TCP).remote().orElseThrow().toString());
        assertEquals(IpAddress.Kind.ALL, find(c, "[::]:135", Protocol.TCP).local().address().kind());
    }

    @Test
    void problemsAreLocated() {
        assertEquals("t.csv:1: not a TCPView export: no 'pid' column in the header", assertThrows(CaptureException.class,
                () -> TcpViewReader.read(LineReader.of("t.csv", "Process Name,Protocol,Local Address\n"))).getMessage());
        assertEquals("t.csv:2: local address 'rds01.contoso.com' with port '9000' is not a numeric address and port:"
                        + " turn off name resolution in TCPView and save again",
                assertThrows(CaptureException.class, () -> TcpViewReader.read(LineReader.of("t.csv",
                        "Process Name,Process ID,Protocol,State,Local Address,Local Port\n"
                                + "crm.exe,4100,TCP,Listen,rds01.contoso.com,9000\n"))).getMessage());
        assertEquals("t.csv:2: protocol 'ICMP' is not TCP, TCPv6, UDP or UDPv6", assertThrows(CaptureException.class,
                () -> TcpViewReader.read(LineReader.of("t.csv", "Process Name,Process ID,Protocol,Local Address\n"
                        + "ping.exe,12,ICMP,0.0.0.0:0\n"))).getMessage());
    }
}
