package org.vipctl.gpo;

import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.pol.PolWriter;
import org.vipctl.format.pol.RawRecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.registry.RegValue;

class GpoFolderTest {

    private static final String VIP = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP";
    private static final String OTHER = "SOFTWARE\\Policies\\Microsoft\\Windows\\System";
    private static final Ownership OWNED = Ownership.ofValues(Set.of(VIP + "\\EnableVirtualIP", VIP + "\\VirtualMode"));

    @TempDir
    Path gpo;

    private void existing(String ini, PolRecord... records) throws IOException {
        Files.createDirectories(gpo.resolve("Machine"));
        Files.write(gpo.resolve("Machine/Registry.pol"), PolWriter.write(List.of(records)));
        Files.write(gpo.resolve("GPT.INI"), ini.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static PolFile generated(int mode) {
        return new PolFile(List.of(PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)),
                PolRecord.value(VIP, "VirtualMode", new RegValue.Dword(mode))));
    }

    private String ini() throws IOException {
        return Files.readString(gpo.resolve("GPT.INI"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void replacesOwnedRecordsKeepsOthersByteForByteAndBumpsTheComputerVersion() throws IOException {
        PolRecord foreign1 = PolRecord.value(OTHER, "EnableSmartScreen", new RegValue.Dword(0));
        // a foreign record with non-canonical bytes (MULTI_SZ lacking the list terminator) must survive as is
        PolRecord foreign2 = PolRecord.of(new RawRecord(OTHER, "Odd", 7, new byte[] {'a', 0, 0, 0}));
        PolRecord ownedOld = PolRecord.deleteValue(VIP, "virtualmode");
        existing("[General]\r\nVersion=131075\r\ndisplayName=Farm\r\n", foreign1, ownedOld, foreign2);

        GpoFolder.Update u = GpoFolder.update(gpo, generated(1), OWNED);

        assertTrue(u.changed());
        assertEquals(131075, u.versionBefore());
        assertEquals(131076, u.versionAfter(), "computer half 3 -> 4, user half 2 untouched");
        List<PolRecord> want = new ArrayList<>(List.of(foreign1));
        want.addAll(generated(1).records());
        want.add(foreign2);
        byte[] pol = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));
        assertArrayEquals(PolWriter.write(want), pol, "generated records take the owned record's place");
        assertEquals("[General]\r\nVersion=131076\r\ndisplayName=Farm\r\ngPCMachineExtensionNames=["
                + ExtensionNames.REGISTRY_CSE + ExtensionNames.REGISTRY_TOOL_MACHINE + "]\r\n", ini());
    }

    @Test
    void secondUpdateWithTheSameContentWritesNothing() throws IOException {
        existing("[General]\r\nVersion=5\r\n", PolRecord.value(OTHER, "X", new RegValue.Sz("y")));
        GpoFolder.update(gpo, generated(1), OWNED);
        byte[] pol = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));
        String ini = ini();
        long polTime = Files.getLastModifiedTime(gpo.resolve("Machine/Registry.pol")).toMillis();

        GpoFolder.Update again = GpoFolder.update(gpo, generated(1), OWNED);

        assertFalse(again.changed());
        assertEquals(6, again.versionAfter(), "not even the version changes");
        assertArrayEquals(pol, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")));
        assertEquals(ini, ini());
        assertEquals(polTime, Files.getLastModifiedTime(gpo.resolve("Machine/Registry.pol")).toMillis());
    }

    @Test
    void changedContentBumpsAgain() throws IOException {
        existing("[General]\r\nVersion=65535\r\n");
        GpoFolder.update(gpo, generated(1), OWNED);
        assertTrue(ini().contains("Version=1\r\n"), "65535 wraps to 1: " + ini());
        GpoFolder.Update u = GpoFolder.update(gpo, generated(0), OWNED);
        assertEquals(2, u.versionAfter());
        assertEquals(List.of(gpo.resolve("Machine/Registry.pol"), gpo.resolve("GPT.INI")), u.written());
    }

    @Test
    void findsFilesWhateverTheirCaseAsALocalGpoSpellsThem() throws IOException {
        Files.createDirectories(gpo.resolve("MACHINE"));
        Files.write(gpo.resolve("MACHINE/registry.pol"), PolWriter.write(List.of(PolRecord.keyOnly(OTHER))));
        Files.writeString(gpo.resolve("gpt.ini"), "[General]\r\ngPCFunctionalityVersion=2\r\nVersion=1\r\n");
        GpoFolder.update(gpo, generated(1), OWNED);
        List<PolRecord> records = PolReader.read(gpo.resolve("MACHINE/registry.pol")).records();
        assertEquals(3, records.size());
        assertTrue(Files.readString(gpo.resolve("gpt.ini")).contains("Version=2\r\n"));
        try (var s = Files.list(gpo)) {
            assertEquals(2, s.count(), "no second GPT.INI or Machine folder created");
        }
    }

    @Test
    void emptyFolderGetsBothFiles() throws IOException {
        GpoFolder.Update u = GpoFolder.update(gpo, generated(1), OWNED);
        assertEquals(0, u.versionBefore());
        assertEquals(1, u.versionAfter());
        assertEquals(generated(1).records(), PolReader.read(gpo.resolve("Machine/Registry.pol")).records());
    }

    @Test
    void corruptExistingFileIsAnErrorAndNothingIsWritten() throws IOException {
        Files.createDirectories(gpo.resolve("Machine"));
        byte[] corrupt = {'P', 'R', 'e', 'g', 1, 0, 0, 0, '[', 0};
        Files.write(gpo.resolve("Machine/Registry.pol"), corrupt);
        Files.writeString(gpo.resolve("GPT.INI"), "[General]\r\nVersion=3\r\n");
        GpoFolderException e = assertThrows(GpoFolderException.class, () -> GpoFolder.update(gpo, generated(1), OWNED));
        assertTrue(e.getMessage().contains("Registry.pol: truncated record at offset 8"), e.getMessage());
        assertArrayEquals(corrupt, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")));
        assertEquals("[General]\r\nVersion=3\r\n", ini());
    }

    @Test
    void missingFolderIsAnError() {
        GpoFolderException e = assertThrows(GpoFolderException.class,
                () -> GpoFolder.update(gpo.resolve("nope"), generated(1), OWNED));
        assertTrue(e.getMessage().endsWith("does not exist or is not a folder"), e.getMessage());
    }
}
