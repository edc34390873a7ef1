package org.vipctl.target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vipctl.diagnostic.Location;
import org.vipctl.format.reg.RegFile;
import org.vipctl.format.reg.RegFileException;
import org.vipctl.format.reg.RegFileReader;
import org.vipctl.format.reg.RegFileWriter;
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
        return bytes.length == 0 ? new StateTree() : tree(fileName, RegFileReader.read(fileName, bytes));
    }

    static StateTree tree(String fileName, RegFile parsed) {
        StateTree tree = new StateTree();
        for (RegFile.Section s : parsed.sections()) {
            RegKey key = RegKey.parse(s.key(), View.BIT64).orElseThrow(() ->
                    new RegFileException(fileName, s.line(), "unknown hive in [" + s.key() + "] (use HKEY_LOCAL_MACHINE)"));
            if (s.deleteKey()) {
                tree.deleteTree(key);
                continue;
            }
            StateTree.KeyNode node = tree.node(key);
            for (RegFile.ValueLine v : s.values()) {
                if (v.value().isPresent()) {
                    StateTree.write(node, v.name(), v.value().get());
                } else {
                    StateTree.delete(node, v.name());
                }
            }
        }
        return tree;
    }

    /**
     * Written by the same writer as {@code compile --emit reg}, so state files and emitted files look
     * alike. A key with values goes after its ancestors that have values: the writer lists missing
     * parents as empty sections first, so any other order would not read back to the same file.
     */
    static byte[] write(StateTree tree, String fileName) {
        Provenance from = new Provenance("state", "", Location.ofFile(fileName));
        Map<String, StateTree.KeyNode> byPath = new LinkedHashMap<>();
        for (StateTree.KeyNode k : tree.keys()) {
            byPath.put(id(k.hive, k.path), k);
        }
        Set<String> done = new HashSet<>();
        List<RegistryEntry> entries = new ArrayList<>();
        for (StateTree.KeyNode k : tree.keys()) {
            List<String> chain = new ArrayList<>();
            for (int i = k.path.indexOf('\\'); i > 0; i = k.path.indexOf('\\', i + 1)) {
                chain.add(id(k.hive, k.path.substring(0, i)));
            }
            chain.add(id(k.hive, k.path));
            for (String c : chain) {
                StateTree.KeyNode node = byPath.get(c);
                if (node != null && done.add(c)) {
                    RegKey key = new RegKey(node.hive, View.BIT64, node.path);
                    if (node.values.isEmpty()) {
                        entries.add(RegistryEntry.keyOnly(key, from)); // a key without values is its header alone
                    }
                    for (StateTree.Named v : node.values.values()) {
                        entries.add(new RegistryEntry.Set(key, v.name(), v.value(), from));
                    }
                }
            }
        }
        return RegFileWriter.write(new RegistryState(Scope.LOCAL, entries), List.of(), false);
    }

    private static String id(org.vipctl.registry.Hive hive, String path) {
        return hive + "\\" + path.toLowerCase(Locale.ROOT);
    }
}
