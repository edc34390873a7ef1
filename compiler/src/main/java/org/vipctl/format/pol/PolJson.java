package org.vipctl.format.pol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * One record as a JSON object, written to a streaming generator. Lossless: {@code raw} is the data
 * in hex and {@code name} the value name as stored; {@code data} is the typed view when there is one.
 */
final class PolJson {

    private PolJson() {
    }

    static void write(JsonGenerator g, PolRecord r) throws IOException {
        RawRecord raw = r.raw();
        g.writeStartObject();
        g.writeStringField("key", raw.key());
        g.writeStringField("name", raw.name());
        g.writeStringField("kind", r.kind());
        if (r instanceof PolRecord.DeleteValue || r instanceof PolRecord.SoftValue || r instanceof PolRecord.Value) {
            g.writeStringField("valueName", r.subject());
        }
        Optional<RegType> type = RegType.ofCode(Integer.toUnsignedLong(raw.type()));
        if (type.isPresent()) {
            g.writeStringField("type", type.get().name());
        } else {
            g.writeNumberField("type", Integer.toUnsignedLong(raw.type()));
        }
        g.writeNumberField("size", raw.size());
        g.writeFieldName("data");
        data(g, r);
        g.writeStringField("raw", HexFormat.of().formatHex(raw.dataUnsafe()));
        g.writeEndObject();
    }

    private static void data(JsonGenerator g, PolRecord r) throws IOException {
        Optional<RegValue> typed = Optional.empty();
        if (r instanceof PolRecord.Value v) {
            typed = v.value();
        } else if (r instanceof PolRecord.SoftValue s) {
            typed = s.value();
        } else if (r instanceof PolRecord.DeleteValues d) {
            strings(g, d.names());
            return;
        } else if (r instanceof PolRecord.DeleteKeys d) {
            strings(g, d.subkeys());
            return;
        } else if (r instanceof PolRecord.SecureKey s) {
            g.writeBoolean(s.secure());
            return;
        }
        if (typed.isEmpty() || typed.get() instanceof RegValue.None) {
            g.writeNull();
            return;
        }
        RegValue v = typed.get();
        if (v instanceof RegValue.Dword d) {
            g.writeNumber(d.unsigned());
        } else if (v instanceof RegValue.DwordBigEndian d) {
            g.writeNumber(d.unsigned());
        } else if (v instanceof RegValue.Qword q) {
            g.writeNumber(new java.math.BigInteger(Long.toUnsignedString(q.value())));
        } else if (v instanceof RegValue.Sz s) {
            g.writeString(s.text());
        } else if (v instanceof RegValue.ExpandSz s) {
            g.writeString(s.text());
        } else if (v instanceof RegValue.MultiSz m) {
            strings(g, m.items());
        } else {
            g.writeString(HexFormat.of().formatHex(r.raw().dataUnsafe()));
        }
    }

    private static void strings(JsonGenerator g, java.util.List<String> items) throws IOException {
        g.writeStartArray();
        for (String s : items) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
