package org.vipctl.imports;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vipctl.files.InputFile;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.format.reg.RegFile;
import org.vipctl.format.reg.RegFileException;
import org.vipctl.format.reg.RegFileReader;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;

/**
 * Reads a .reg file as regedit imports it: sections in order, a later line about a value replacing
 * an earlier one, {@code "name"=-} deleting the value and {@code [-KEY]} deleting the key with its
 * subkeys. Keys are taken as written: a 64-bit regedit spells the 32-bit view
 * {@code SOFTWARE\Wow6432Node}.
 */
final class RegSource {

    private RegSource() {
    }

    static void read(Path file, String shown, RegistryFold fold, InputLimits limits) {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, InputKind.REG_FILE, limits);
        } catch (NoSuchFileException e) {
            throw new ImportException(shown + ": no such file", e);
        } catch (InputRefused e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(shown + ": cannot read: " + e.getMessage(), e);
        }
        RegFile reg;
        try {
            reg = RegFileReader.read(shown, bytes);
        } catch (RegFileException e) {
            throw new ImportException("not a valid .reg file: " + e.getMessage(), e);
        }
        Set<String> leaves = emptyLeaves(reg);
        for (RegFile.Section s : reg.sections()) {
            Optional<RegKey> parsed = RegKey.parse(s.key(), View.BIT64);
            Origin keyLine = new Origin.RegLine(shown, s.line());
            if (parsed.isEmpty() || parsed.get().hive() != Hive.HKLM) {
                if (s.deleteKey()) {
                    fold.otherHive(s.key(), "", keyLine);
                }
                for (RegFile.ValueLine v : s.values()) {
                    fold.otherHive(s.key(), v.name(), new Origin.RegLine(shown, v.line()));
                }
                continue;
            }
            RegKey key = parsed.get();
            if (s.deleteKey()) {
                fold.deleteTree(key, "deletes the key and all its subkeys ([-" + s.key() + "])", keyLine);
                continue;
            }
            if (leaves.contains(key.id())) {
                fold.set(key, RegistryEntry.KEY_ONLY, RegType.REG_NONE.code(), Optional.of(new RegValue.None()), keyLine);
            }
            for (RegFile.ValueLine v : s.values()) {
                Origin at = new Origin.RegLine(shown, v.line());
                if (v.value().isPresent()) {
                    fold.set(key, v.name(), v.value().get().type().code(), v.value(), at);
                } else {
                    fold.delete(key, v.name(), at);
                }
            }
        }
    }

    /**
     * The keys the file creates for their own sake: a section without values whose key has no value
     * and no subkey anywhere in the file. The empty parent sections regedit (and vipctl) write
     * above a key are not among them: the subkey creates them anyway.
     */
    private static Set<String> emptyLeaves(RegFile reg) {
        Set<String> withValues = new HashSet<>();
        TreeSet<String> all = new TreeSet<>();
        for (RegFile.Section s : reg.sections()) {
            Optional<RegKey> k = RegKey.parse(s.key(), View.BIT64);
            if (k.isEmpty() || s.deleteKey()) {
                continue;
            }
            all.add(k.get().id());
            if (!s.values().isEmpty()) {
                withValues.add(k.get().id());
            }
        }
        Set<String> out = new HashSet<>();
        for (String id : all) {
            // the ids starting with "id\\" are one run in sorted order, from the first one at or after that prefix
            String below = all.ceiling(id + "\\");
            boolean hasSubkey = below != null && below.startsWith(id + "\\");
            if (!hasSubkey && !withValues.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
