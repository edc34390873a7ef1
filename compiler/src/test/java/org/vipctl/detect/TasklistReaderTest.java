package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TasklistReaderTest {

    @Test
    void englishHeaderAndMemoryWithCommasInQuotes() throws IOException {
        Tasklist t = TasklistReader.read(Fixtures.lines(Fixtures.path("tasklist.csv")));
        assertEquals(12, t.processes().size());
        assertEquals(new Tasklist.Process("crm.exe", 2), t.process(5200).orElseThrow());
        assertEquals(new Tasklist.Process("System Idle Process", 0), t.process(0).orElseThrow());
    }

    @Test
    void germanHeaderIsSkippedByShapeNotByWords() throws IOException {
        Tasklist t = TasklistReader.read(Fixtures.lines(Fixtures.path("tasklist-de-cp850.csv")));
        assertEquals(8, t.processes().size());
        assertEquals(new Tasklist.Process("softphone.exe", 1), t.process(6644).orElseThrow());
    }

    @Test
    void verboseWithoutHeader() throws IOException {
        Tasklist t = TasklistReader.read(LineReader.of("t.csv",
                "\"crm.exe\",\"4100\",\"RDP-Tcp#1\",\"1\",\"88,312 K\",\"Running\",\"CONTOSO\\alice\",\"0:00:12\",\"CRM\"\r\n"));
        assertEquals(new Tasklist.Process("crm.exe", 1), t.process(4100).orElseThrow());
    }

    @Test
    void badRowsAreLocated() {
        assertEquals("t.csv:3: PID 'x' and session '1' must be numbers", assertThrows(CaptureException.class,
                () -> TasklistReader.read(LineReader.of("t.csv", "\"Image Name\",\"PID\",\"Session Name\",\"Session#\",\"Mem Usage\"\n"
                        + "\"a.exe\",\"1\",\"Console\",\"1\",\"1 K\"\n\"b.exe\",\"x\",\"Console\",\"1\",\"1 K\"\n"))).getMessage());
        assertEquals("t.csv:1: a quote is not closed", assertThrows(CaptureException.class,
                () -> TasklistReader.read(LineReader.of("t.csv", "\"a.exe\",\"1\n"))).getMessage());
    }
}
