package org.vipctl.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.vipctl.format.reg.RegFile;
import org.vipctl.format.reg.RegFileException;
import org.vipctl.format.reg.RegFileReader;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
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

    static void read(Path file, String shown, RegistryFold fold) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(shown + ": no such file", e);
        } catch (IOException e) {
            throw new ImportException(shown + ": cannot read: " + e.getMessage(), e);
        }
        RegFile reg;
        try {
            reg = RegFileReader.read(shown, bytes);
        } catch (RegFileException e) {
            throw new ImportException("not a valid .reg file: " + e.getMessage(), e);
        }
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
}
