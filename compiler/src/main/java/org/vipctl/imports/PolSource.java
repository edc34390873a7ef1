package org.vipctl.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolFormatException;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.View;

/**
 * Reads a Registry.pol as the Group Policy client applies it: records in file order, each naming
 * the registry value it sets or deletes (MS-GPREG 2.2.1). A file of the Machine half is HKLM; a
 * User half's records are kept as values outside HKLM. Every observation remembers its record's
 * byte offset.
 */
final class PolSource {

    private PolSource() {
    }

    /** {@code shown} is the file as the user should see it in comments and messages. */
    static void read(Path file, String shown, Hive hive, RegistryFold fold) {
        PolFile pol;
        try {
            pol = PolReader.read(file);
        } catch (PolFormatException e) {
            throw new ImportException(shown + ": not a valid Registry.pol: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(shown + ": cannot read: " + e.getMessage(), e);
        }
        long[] offsets = pol.offsets();
        List<PolRecord> records = pol.records();
        for (int i = 0; i < records.size(); i++) {
            PolRecord r = records.get(i);
            Origin at = new Origin.PolRecordAt(shown, offsets[i]);
            if (hive != Hive.HKLM) {
                fold.otherHive(hive + "\\" + r.key(), r.subject(), at);
                continue;
            }
            apply(fold, new RegKey(Hive.HKLM, View.BIT64, r.key()), r, at);
        }
    }

    private static void apply(RegistryFold fold, RegKey key, PolRecord r, Origin at) {
        if (r instanceof PolRecord.Value v) {
            fold.set(key, v.name(), v.raw().type(), v.value(), at);
        } else if (r instanceof PolRecord.DeleteValue d) {
            fold.delete(key, d.valueName(), at);
        } else if (r instanceof PolRecord.DeleteValues d) {
            d.names().forEach(n -> fold.delete(key, n, at));
        } else if (r instanceof PolRecord.DeleteAllValues) {
            fold.deleteAllValues(key, "deletes every value of the key (**delvals.)", at);
        } else if (r instanceof PolRecord.KeyOnly) {
            fold.directive(key, "creates the key without a value (a REG_NONE record with no value name)", at);
        } else if (r instanceof PolRecord.DeleteKeys d) {
            fold.directive(key, "deletes the subkeys " + String.join(", ", d.subkeys()) + " (**DeleteKeys)", at);
        } else if (r instanceof PolRecord.SecureKey) {
            fold.directive(key, "resets the key's permissions (**SecureKey)", at);
        } else if (r instanceof PolRecord.SoftValue s) {
            fold.directive(key, "sets '" + s.valueName() + "' only when it is absent (**soft.)", at);
        }
    }
}
