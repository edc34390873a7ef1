package org.vipctl.apply;

import java.util.ArrayList;
import java.util.List;
import org.vipctl.diagnostic.Location;
import org.vipctl.emit.reg.RegFile;
import org.vipctl.emit.reg.RegFileException;
import org.vipctl.emit.reg.RegFileReader;
import org.vipctl.emit.reg.RegFileWriter;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

/**
 * A whole registry as a .reg file (UTF-16LE with a BOM, CRLF, the version 5 header). Reading then
 * writing a file in the writer's own form gives the same bytes. Keys with no values survive only as
 * parents of keys that have values, as in the files {@code compile --emit reg} writes.
 */
final class RegStateFile {

    private RegStateFile() {
    }

    static StateTree read(String fileName, byte[] bytes) {
        StateTree tree = new StateTree();
        if (bytes.length == 0) {
            return tree;
        }
        for (RegFile.Section s : RegFileReader.read(fileName, bytes).sections()) {
            RegKey key = RegKey.parse(s.key(), View.BIT64).orElseThrow(() ->
                    new RegFileException(fileName, s.line(), "unknown hive in [" + s.key() + "] (use HKEY_LOCAL_MACHINE)"));
            if (s.deleteKey()) {
                tree.deleteTree(key);
                continue;
            }
            tree.createKey(key);
            for (RegFile.ValueLine v : s.values()) {
                if (v.value().isPresent()) {
                    tree.write(key, v.name(), v.value().get());
                } else {
                    tree.delete(key, v.name());
                }
            }
        }
        return tree;
    }

    /** Written by the same writer as {@code compile --emit reg}, so state files and emitted files look alike. */
    static byte[] write(StateTree tree, String fileName) {
        Provenance from = new Provenance("state", "", Location.ofFile(fileName));
        List<RegistryEntry> entries = new ArrayList<>();
        for (StateTree.KeyNode k : tree.keys()) {
            RegKey key = new RegKey(k.hive, View.BIT64, k.path);
            for (StateTree.Named v : k.values.values()) {
                entries.add(new RegistryEntry.Set(key, v.name(), v.value(), from));
            }
        }
        return RegFileWriter.write(new RegistryState(Scope.LOCAL, entries), List.of(), false);
    }
}
