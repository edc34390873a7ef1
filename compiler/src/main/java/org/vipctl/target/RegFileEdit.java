package org.vipctl.target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vipctl.format.reg.RegFile;
import org.vipctl.format.reg.RegFileSource;
import org.vipctl.format.reg.RegFileWriter;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/**
 * Changes to a .reg file made in place, so everything they do not touch keeps its bytes: comments,
 * empty keys, the order of keys and values, spelling and line ends. A changed value gets its line
 * rewritten where it stands (the last line that names it in its key's sections), in regedit's
 * layout; a new value goes after the last value of its key's last section; a key the file lacks is
 * appended as a new section; a deleted value loses every line that still sets it. Sections at the
 * end of the file that this edit emptied of values are removed, so an appended key that is deleted
 * again leaves no trace. A key created for its own sake (no values) is an appended header alone;
 * taking such a key back removes its sections while they hold no values. Setting values and
 * deleting them again gives back the same bytes; a value that existed, was deleted and is set again
 * comes back after the last value of its key (the same registry, another line order); a last line
 * without a line end gets one when a key is appended after it. Work is linear in the file's size
 * plus the changes.
 */
final class RegFileEdit {

    private final RegFileSource source;
    private final List<RegFile.Section> sections;
    private final Map<String, List<Integer>> byKey = new HashMap<>();
    private final List<int[]> deletions = new ArrayList<>();
    private final List<String> deletionIds = new ArrayList<>();
    private final String eol;

    private final Map<RegFile.ValueLine, String> replaced = new IdentityHashMap<>();
    private final Set<RegFile.ValueLine> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Integer, LinkedHashMap<String, String>> inserted = new HashMap<>();
    private final LinkedHashMap<String, Appended> appended = new LinkedHashMap<>();

    private record Appended(String header, LinkedHashMap<String, String> lines, boolean keepEmpty) {
    }

    /** Sections of keys without values that {@link #removeEmptyKey} took back. */
    private final Set<Integer> dropped = new HashSet<>();

    RegFileEdit(RegFileSource source) {
        this.source = source;
        this.sections = source.file().sections();
        this.eol = source.lineEnd();
        for (int i = 0; i < sections.size(); i++) {
            RegFile.Section s = sections.get(i);
            String id = RegKey.parse(s.key(), View.BIT64).map(RegKey::id).orElse("");
            if (s.deleteKey()) {
                deletions.add(new int[] {i});
                deletionIds.add(id);
            } else {
                byKey.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
        }
    }

    void set(RegKey key, String name, RegValue value) {
        String id = key.id();
        String lower = lower(name);
        String line = line(name, Optional.of(value));
        Appended a = appended.get(id);
        if (a != null) {
            a.lines().put(lower, line);
            return;
        }
        List<Integer> live = live(id);
        if (live.isEmpty()) {
            LinkedHashMap<String, String> lines = new LinkedHashMap<>();
            lines.put(lower, line);
            appended.put(id, new Appended(RegFileWriter.keyLine(key), lines, false));
            return;
        }
        int last = live.get(live.size() - 1);
        LinkedHashMap<String, String> ins = inserted.get(last);
        if (ins != null && ins.containsKey(lower)) {
            ins.put(lower, line);
            return;
        }
        // the line that sets the value now: the last one naming it in the key's live sections
        RegFile.ValueLine existing = null;
        for (int i : live) {
            for (RegFile.ValueLine v : sections.get(i).values()) {
                if (v.name().equalsIgnoreCase(name) && !deleted.contains(v)) {
                    existing = v;
                }
            }
        }
        if (existing != null) {
            replaced.put(existing, line);
        } else {
            inserted.computeIfAbsent(last, k -> new LinkedHashMap<>()).put(lower, line);
        }
    }

    /** Makes a key the file lacks: a section header without values, appended. */
    void createKey(RegKey key) {
        String id = key.id();
        if (live(id).isEmpty() && !appended.containsKey(id)) {
            appended.put(id, new Appended(RegFileWriter.keyLine(key), new LinkedHashMap<>(), true));
        }
    }

    /** Removes the sections of a key that holds no values (the caller checked it has no subkeys). */
    void removeEmptyKey(RegKey key) {
        String id = key.id();
        appended.remove(id);
        for (int i : live(id)) {
            if (sections.get(i).values().stream().allMatch(deleted::contains)) {
                dropped.add(i);
            }
        }
    }

    void delete(RegKey key, String name) {
        String id = key.id();
        String lower = lower(name);
        Appended a = appended.get(id);
        if (a != null) {
            a.lines().remove(lower);
        }
        for (int i : live(id)) {
            for (RegFile.ValueLine v : sections.get(i).values()) {
                if (v.name().equalsIgnoreCase(name)) {
                    deleted.add(v);
                    replaced.remove(v);
                }
            }
            LinkedHashMap<String, String> ins = inserted.get(i);
            if (ins != null) {
                ins.remove(lower);
            }
        }
    }

    /** The whole changed text. */
    String render() {
        String text = source.text();
        StringBuilder sb = new StringBuilder(text.length() + 1024);
        int keepUpTo = sections.size();
        while (keepUpTo > 0 && emptied(keepUpTo - 1)) {
            keepUpTo--;
        }
        int cursor = 0;
        for (int i = 0; i < sections.size(); i++) {
            RegFile.Section s = sections.get(i);
            if (i >= keepUpTo || dropped.contains(i)) {
                sb.append(text, cursor, s.start());
                cursor = s.end();
                continue;
            }
            int insertAt = s.headerEnd();
            for (RegFile.ValueLine v : s.values()) {
                insertAt = v.end();
                String r = replaced.get(v);
                if (deleted.contains(v)) {
                    sb.append(text, cursor, v.start());
                    cursor = v.end();
                } else if (r != null) {
                    sb.append(text, cursor, v.start()).append(r);
                    if (text.charAt(v.end() - 1) == '\n') {
                        sb.append(eol);
                    }
                    cursor = v.end();
                }
            }
            LinkedHashMap<String, String> ins = inserted.get(i);
            if (ins != null && !ins.isEmpty()) {
                sb.append(text, cursor, insertAt);
                cursor = insertAt;
                if (insertAt > 0 && text.charAt(insertAt - 1) != '\n') {
                    sb.append(eol);
                }
                ins.values().forEach(l -> sb.append(l).append(eol));
            }
        }
        sb.append(text, cursor, text.length());
        for (Appended a : appended.values()) {
            if (a.lines().isEmpty() && !a.keepEmpty()) {
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append(eol);
            }
            sb.append(a.header()).append(eol);
            a.lines().values().forEach(l -> sb.append(l).append(eol));
            sb.append(eol);
        }
        return sb.toString();
    }

    /** A section that had values, all deleted by this edit, with nothing else in it but blank lines. */
    private boolean emptied(int i) {
        RegFile.Section s = sections.get(i);
        if (s.deleteKey() || s.values().isEmpty() || !deleted.containsAll(s.values())) {
            return false;
        }
        LinkedHashMap<String, String> ins = inserted.get(i);
        if (ins != null && !ins.isEmpty()) {
            return false;
        }
        String text = source.text();
        int at = s.headerEnd();
        for (RegFile.ValueLine v : s.values()) {
            if (!text.substring(at, v.start()).isBlank()) {
                return false;
            }
            at = v.end();
        }
        return text.substring(at, s.end()).isBlank();
    }

    /** The sections of key {@code id} after the last {@code [-KEY]} that deletes it or a parent. */
    private List<Integer> live(String id) {
        List<Integer> all = byKey.getOrDefault(id, List.of());
        int after = -1;
        for (int d = 0; d < deletions.size(); d++) {
            String del = deletionIds.get(d);
            if (id.equals(del) || id.startsWith(del + "\\")) {
                after = Math.max(after, deletions.get(d)[0]);
            }
        }
        if (after < 0) {
            return all;
        }
        List<Integer> out = new ArrayList<>();
        for (int i : all) {
            if (i > after) {
                out.add(i);
            }
        }
        return out;
    }

    private String line(String name, Optional<RegValue> value) {
        String l = RegFileWriter.valueLine(name, value);
        return eol.equals("\r\n") ? l : l.replace("\r\n", eol);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
