package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorReaderTest {

    @TempDir
    Path tmp;

    private CollectorCapture read(String json) throws IOException {
        Path f = tmp.resolve("c.json");
        Files.writeString(f, json);
        return CollectorReader.read(f, "c.json");
    }

    private String fails(String json) {
        return assertThrows(CaptureException.class, () -> read(json)).getMessage();
    }

    @Test
    void readsTheAcceptanceCapture() {
        CollectorCapture c = (CollectorCapture) Fixtures.one("collector-3-sessions.json");
        assertEquals(Optional.of("RDS01"), c.computer());
        assertEquals(23, c.sockets().size());
        assertEquals(4, c.serverAddresses().size());
        assertEquals("192.0.2.10/24", c.serverAddresses().get(0).cidr());
        Socket crm = c.sockets().stream().filter(s -> s.pid() == 5200).findFirst().orElseThrow();
        assertEquals(Optional.of("crm.exe"), crm.image(), "image from the path's file name");
        assertEquals(2, crm.session().getAsInt());
        assertTrue(crm.listening());
        Socket system = c.sockets().stream().filter(s -> s.pid() == 4).findFirst().orElseThrow();
        assertEquals(Optional.of("System"), system.image(), "no path, a kernel process keeps its bare name");
        Socket timeWait = c.sockets().stream().filter(s -> s.pid() == 0).findFirst().orElseThrow();
        assertTrue(!timeWait.listening());
        assertTrue(crm.origin().startsWith(Fixtures.path("collector-3-sessions.json") + ":"), crm.origin());
    }

    @Test
    void aListOfOneWrittenAsAnObjectAndUtf16() throws IOException {
        String json = "{\"vipctlCapture\":1,\"processes\":{\"pid\":7,\"name\":\"agent\",\"path\":null,\"session\":3},"
                + "\"tcp\":{\"localAddress\":\"127.0.0.1\",\"localPort\":7000,\"remoteAddress\":\"0.0.0.0\",\"remotePort\":0,"
                + "\"state\":\"Listen\",\"pid\":7},\"udp\":[],\"future\":{\"x\":[1,2]}}";
        Path f = tmp.resolve("u16.json");
        byte[] body = json.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xff;
        all[1] = (byte) 0xfe;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(f, all);
        List<Capture> c = CaptureFiles.read(List.of(f), Fixtures.OEM);
        Socket s = c.get(0).sockets().get(0);
        assertEquals(Optional.of("agent.exe"), s.image());
        assertEquals(3, s.session().getAsInt());
    }

    @Test
    void truncatedCaptureIsLocated() {
        CaptureException e = assertThrows(CaptureException.class, () -> Fixtures.read("truncated.json"));
        assertTrue(e.getMessage().matches(".*truncated\\.json:137:\\d+: truncated JSON: the file ends before the capture is complete; copy the whole file again"),
                e.getMessage());
        assertEquals(137, e.line(), "the last line, where the file stops");
    }

    @Test
    void wrongShapesAreLocated() {
        assertEquals("c.json: not a capture: JSON without a 'vipctlCapture' version; write it with the collector script"
                + " (vipctl detect --print-collector)", fails("{\"tcp\": []}"));
        assertEquals("c.json:1:19: capture shape version 2 is newer than this vipctl reads (1); use the vipctl that"
                + " printed the collector", fails("{\"vipctlCapture\": 2}"));
        assertEquals("c.json:3:3: 'localPort' must be a whole number 0..65535, got 70000", fails(
                "{\"vipctlCapture\": 1, \"tcp\": [\n {\"localAddress\":\"0.0.0.0\",\"localPort\":1,\"state\":\"Listen\",\"pid\":1},\n"
                        + "  {\"localAddress\":\"0.0.0.0\",\"localPort\":70000,\"state\":\"Listen\",\"pid\":1}]}"));
        assertEquals("c.json:1:30: 'localAddress' must be text", fails(
                "{\"vipctlCapture\": 1, \"udp\": [{\"localPort\":1,\"pid\":1}]}"));
        assertEquals("c.json:1:33: 'rds01' is not an IP address", fails(
                "{\"vipctlCapture\":1,\"addresses\":[{\"address\":\"rds01\",\"prefixLength\":24}]}"));
        String trailing = fails("{\"vipctlCapture\": 1} trailing");
        assertTrue(trailing.startsWith("c.json:1:30: not valid JSON: Unrecognized token 'trailing'"), trailing);
    }
}
