package org.vipctl.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vipctl.format.reg.RegFileReader;
import org.vipctl.format.reg.RegFileSource;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/**
 * Changing a .reg file in place gives the registry the writes describe and keeps every line it does
 * not change; undoing writes that set values gives back the file's bytes.
 */
class RegFileEditPropertyTest {

    private static final List<String> KEYS = List.of("SOFTWARE\\A", "SOFTWARE\\A\\B", "SOFTWARE\\C", "SYSTEM\\D");
    private static final List<String> NAMES = List.of("x", "Y", "z", "");

    /** A write: set (value present) or delete one of a few values, so writes meet existing lines. */
    record Write(RegKey key, String name, Optional<RegValue> value) {
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<RegKey> keys = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(View.values()))
                .as((k, v) -> new RegKey(Hive.HKLM, v, k));
        Arbitrary<Optional<RegValue>> values = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> Optional.of(new RegValue.Dword(i))),
                Arbitraries.strings().alpha().ofMaxLength(8).map(s -> Optional.of(new RegValue.Sz(s))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(50).map(b -> Optional.of(new RegValue.Binary(b))),
                Arbitraries.just(Optional.empty()));
        return Combinators.combine(keys, Arbitraries.of(NAMES), values).as(Write::new).list().ofMaxSize(10);
    }

    /** A hand-made file: comments, an empty key, a key given twice, a deleted key, CRLF or LF. */
    @Provide
    Arbitrary<String> files() {
        String crlf = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "; made by hand\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"x\"=dword:00000001\r\n; between values\r\n\"Y\"=\"old\"\r\n\r\n"
                + "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\C]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"z\"=hex:01,02,03\r\n\"wrapped\"=hex:01,02,\\\r\n  03\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\D]\r\n@=\"default\"\r\n";
        return Arbitraries.of(crlf, crlf.replace("\r\n", "\n"), crlf.substring(0, crlf.length() - 2));
    }

    @Property(tries = 400)
    void editsMeanWhatTheySayAndKeepTheRest(@ForAll("files") String file, @ForAll("writes") List<Write> writes) {
        byte[] before = ("\uFEFF" + file).getBytes(StandardCharsets.UTF_16LE);
        RegFileSource source = RegFileReader.source("t.reg", before);
        StateTree expected = RegStateFile.tree("t.reg", source.file());
        List<Write> undo = new ArrayList<>();
        RegFileEdit edit = new RegFileEdit(source);
        boolean deletesAValueThatWasThere = false;
        for (Write w : writes) {
            Optional<RegValue> was = expected.read(w.key(), w.name());
            deletesAValueThatWasThere |= w.value().isEmpty() && was.isPresent();
            undo.add(0, new Write(w.key(), w.name(), was));
            apply(w, expected, edit);
        }
        String changed = edit.render();
        StateTree actual = RegStateFile.tree("t.reg", RegFileReader.source("t.reg", source.encode(changed)).file());
        for (String k : KEYS) {
            for (View v : View.values()) {
                for (String n : NAMES) {
                    RegKey key = new RegKey(Hive.HKLM, v, k);
                    assertEquals(expected.read(key, n), actual.read(key, n), key + "\\" + n + " in\n" + changed);
                }
            }
        }
        assertTrue(changed.contains("; made by hand") && changed.contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty]")
                && changed.contains("\"wrapped\"=hex:01,02,\\" + source.lineEnd() + "  03"), changed);

        RegFileSource changedSource = RegFileReader.source("t.reg", source.encode(changed));
        RegFileEdit back = new RegFileEdit(changedSource);
        StateTree scratch = RegStateFile.tree("t.reg", changedSource.file());
        for (Write w : undo) {
            apply(w, scratch, back);
        }
        if (deletesAValueThatWasThere || !file.endsWith("\n")) {
            // a deleted value comes back at the end of its key, and a last line without a line end
            // gets one: the same registry (checked above), not the same bytes. (Values are written
            // back in regedit's layout, which is why the lines the writes touch are in it here.)
            return;
        }
        assertArrayEquals(before, changedSource.encode(back.render()),
                "writes undone in reverse give the file back:\n" + changed + "\n---\n" + back.render());
    }

    private static void apply(Write w, StateTree tree, RegFileEdit edit) {
        if (w.value().isPresent()) {
            tree.write(w.key(), w.name(), w.value().get());
            edit.set(w.key(), w.name(), w.value().get());
        } else {
            tree.delete(w.key(), w.name());
            edit.delete(w.key(), w.name());
        }
    }
}
