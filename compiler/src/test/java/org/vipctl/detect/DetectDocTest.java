package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/detect.md shows the collector script and the list of Windows processes exactly as vipctl has them. */
class DetectDocTest {

    private static String doc() throws IOException {
        Path repo = Path.of(System.getProperty("vipctl.repo", "."));
        Path doc = Files.exists(repo.resolve("docs/detect.md")) ? repo.resolve("docs/detect.md") : Path.of("../docs/detect.md");
        Assumptions.assumeTrue(Files.exists(doc), "docs/detect.md not found from " + repo.toAbsolutePath());
        return Files.readString(doc);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Collector.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void collectorScriptShownInFull() throws IOException {
        assertTrue(doc().contains("```powershell\n" + Collector.script() + "```\n"), "docs/detect.md must show collect-vip.ps1 in full");
    }

    @Test
    void systemProcessListShownInFull() throws IOException {
        assertTrue(doc().contains("```\n" + resource(SystemProcesses.RESOURCE) + "```\n"),
                "docs/detect.md must show system-processes.txt in full");
    }

    @Test
    void collectorScriptWritesEveryKeyTheReaderReads() {
        String s = Collector.script();
        for (String key : new String[] {CollectorReader.MARKER + " = " + CollectorReader.VERSION, "computer ", "taken ",
                "addresses ", "processes ", "tcp ", "udp ", "localAddress ", "localPort ", "remoteAddress ", "remotePort ",
                "state ", "pid ", "name ", "path ", "session ", "address ", "prefixLength ", "interface "}) {
            assertTrue(s.contains("\n        " + key) || s.contains("\n    " + key), "collector writes " + key.strip());
        }
        assertTrue(s.chars().allMatch(c -> c < 128), "ASCII, so Windows PowerShell 5.1 reads it without a byte order mark");
    }
}
