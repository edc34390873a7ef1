package org.vipctl.gpo;

import java.util.Locale;
import java.util.Optional;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.RegistryEntry;

/**
 * One registry value a GPO can say something about: a key path as Registry.pol spells it (no hive)
 * and a value name, compared case-insensitively as Windows does. Records about it are its value
 * record and its {@code **del.} and {@code **soft.} directives. A name may contain a backslash.
 */
public record ValueId(String key, String name) {

    public ValueId {
        key = key.toLowerCase(Locale.ROOT);
        name = name.toLowerCase(Locale.ROOT);
    }

    /**
     * The value a record is about, or empty for key-wide records ({@code **delvals.},
     * {@code **DeleteValues}, {@code **DeleteKeys}, {@code **SecureKey}). A key-only record is about
     * the pseudo value {@link RegistryEntry#KEY_ONLY} of its key.
     */
    public static Optional<ValueId> about(PolRecord r) {
        if (r instanceof PolRecord.KeyOnly) {
            return Optional.of(new ValueId(r.key(), RegistryEntry.KEY_ONLY));
        }
        if (r instanceof PolRecord.Value v) {
            return Optional.of(new ValueId(v.key(), v.name()));
        }
        if (r instanceof PolRecord.DeleteValue d) {
            return Optional.of(new ValueId(d.key(), d.valueName()));
        }
        if (r instanceof PolRecord.SoftValue s) {
            return Optional.of(new ValueId(s.key(), s.valueName()));
        }
        return Optional.empty();
    }

    /**
     * The name the registry port gives a record: its value name, {@code **del.X} and the like as
     * stored, and {@link RegistryEntry#KEY_ONLY} for a key-only record (whose stored name is empty,
     * like the default value's).
     */
    public static String recordName(PolRecord r) {
        return r instanceof PolRecord.KeyOnly ? RegistryEntry.KEY_ONLY : r.raw().name();
    }

    /**
     * The value a record name written through the registry port is about: {@code **del.X} and
     * {@code **soft.X} are about X; any other name is about itself.
     */
    public static ValueId ofRecordName(String key, String recordName) {
        for (String prefix : new String[] {PolRecord.DEL, PolRecord.SOFT}) {
            if (recordName.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return new ValueId(key, recordName.substring(prefix.length()));
            }
        }
        return new ValueId(key, recordName);
    }
}
