package org.vipctl.gpo;

import java.util.List;
import java.util.Locale;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.RegValue;

/**
 * What a GPO's Registry.pol does to one value when the Group Policy client applies it, records
 * taken in file order (MS-GPREG 2.2.1): a value record sets it; {@code **del.NAME}, {@code **delvals.}
 * (all values of the key), {@code **DeleteValues} (a list of names) and {@code **DeleteKeys} on a
 * parent (a list of subkeys) delete it; {@code **soft.NAME} sets it only where the value does not
 * exist yet, so on its own it enforces nothing. The last record that says something about the value decides.
 */
public sealed interface GpoEffect {

    /** No record says anything about the value: the client leaves it as it is. */
    record NotConfigured() implements GpoEffect {
    }

    /** The value is set to this data. */
    record Sets(RegValue value, PolRecord by) implements GpoEffect {
    }

    /** The value is set only if absent on the machine. */
    record SetsIfAbsent(PolRecord.SoftValue by) implements GpoEffect {
    }

    /** The value is deleted. */
    record Deletes(PolRecord by) implements GpoEffect {
    }

    /** A value record whose data vipctl cannot read as its registry type. */
    record Unreadable(PolRecord.Value by) implements GpoEffect {
    }

    /** The effect of {@code records} on value {@code name} of key {@code key} (a Registry.pol key path). */
    static GpoEffect of(List<PolRecord> records, String key, String name) {
        GpoEffect effect = new NotConfigured();
        for (PolRecord r : records) {
            effect = next(effect, r, key, name);
        }
        return effect;
    }

    private static GpoEffect next(GpoEffect current, PolRecord r, String key, String name) {
        if (r instanceof PolRecord.DeleteKeys dk) {
            return deletesKey(dk, key) ? new Deletes(r) : current;
        }
        if (!r.key().equalsIgnoreCase(key)) {
            return current;
        }
        if (r instanceof PolRecord.Value v && v.name().equalsIgnoreCase(name)) {
            return v.value().<GpoEffect>map(value -> new Sets(value, v)).orElseGet(() -> new Unreadable(v));
        }
        if (r instanceof PolRecord.DeleteValue d && d.valueName().equalsIgnoreCase(name)) {
            return new Deletes(r);
        }
        if (r instanceof PolRecord.DeleteAllValues) {
            return new Deletes(r);
        }
        if (r instanceof PolRecord.DeleteValues d && d.names().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
            return new Deletes(r);
        }
        if (r instanceof PolRecord.SoftValue s && s.valueName().equalsIgnoreCase(name)) {
            if (current instanceof NotConfigured) {
                return new SetsIfAbsent(s);
            }
            if (current instanceof Deletes) { // deleted just before, so absent: the soft value lands
                return s.value().<GpoEffect>map(value -> new Sets(value, s)).orElse(current);
            }
            return current;
        }
        return current;
    }

    /** {@code **DeleteKeys} on P listing S deletes P\S and everything below it. */
    private static boolean deletesKey(PolRecord.DeleteKeys dk, String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String sub : dk.subkeys()) {
            String gone = (dk.key() + "\\" + sub).toLowerCase(Locale.ROOT);
            if (k.equals(gone) || k.startsWith(gone + "\\")) {
                return true;
            }
        }
        return false;
    }
}
