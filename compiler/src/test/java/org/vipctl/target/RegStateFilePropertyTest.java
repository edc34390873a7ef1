package org.vipctl.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/** A .reg state file read back is the same registry, and written again is the same bytes. */
class RegStateFilePropertyTest {

    record Entry(RegKey key, String name, RegValue value) {
    }

    @Provide
    Arbitrary<List<Entry>> states() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019 _.-{}").ofMinLength(1).ofMaxLength(10)
                .filter(s -> !s.isBlank() && s.strip().equals(s));
        Arbitrary<RegKey> keys = Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(View.values()))
                .as((parts, view) -> new RegKey(Hive.HKLM, view, "SOFTWARE\\" + String.join("\\", parts)));
        // any text but NUL and unpaired surrogates (UTF-16 encoding replaces them, in the registry
        // model as anywhere); line breaks included, which the writer puts in hex(1) form
        Arbitrary<String> text = Arbitraries.strings().all().excludeChars('\0').ofMaxLength(30)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
        Arbitrary<String> item = text.filter(s -> !s.isEmpty());
        Arbitrary<RegValue> values = Arbitraries.oneOf(
                text.map(RegValue.Sz::new),
                text.map(RegValue.ExpandSz::new),
                Arbitraries.integers().map(RegValue.Dword::new),
                Arbitraries.integers().map(RegValue.DwordBigEndian::new),
                Arbitraries.longs().map(RegValue.Qword::new),
                item.list().ofMaxSize(5).map(RegValue.MultiSz::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(RegValue.Binary::new),
                Arbitraries.just(new RegValue.None()));
        // value names hold no control characters: a .reg file has no way to write them
        Arbitrary<String> names = text.filter(s -> s.chars().noneMatch(c -> c < 0x20 || c == 0x7f));
        return Combinators.combine(keys, names, values).as(Entry::new).list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void roundTrip(@ForAll("states") List<Entry> entries) {
        StateTree tree = new StateTree();
        entries.forEach(e -> tree.write(e.key(), e.name(), e.value()));
        byte[] bytes = RegStateFile.write(tree, "p.reg");
        StateTree back = RegStateFile.read("p.reg", bytes);
        for (Entry e : entries) {
            assertEquals(tree.read(e.key(), e.name()), back.read(e.key(), e.name()));
            assertEquals(true, tree.read(e.key(), e.name()).isPresent());
        }
        assertArrayEquals(bytes, RegStateFile.write(back, "p.reg"));
        assertEquals(Optional.empty(), back.read(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\not-there"), "x"));
    }
}
