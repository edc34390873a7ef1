package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;

/**
 * The files of a store as named on the command line: PolicyDefinitions-style folders (ADMX files
 * with one sub-folder per language holding the ADML files), single ADMX files (their folder's
 * language sub-folders are searched for the ADML), or single ADML files. Each ADMX is matched with
 * ADML files of its own folder only, so several folders given together form one namespace store
 * without mixing their languages.
 */
record StoreFiles(List<Source> admx, List<Source> adml, Map<Path, List<String>> languagesByRoot) {

    /** One file and the store folder it belongs to; {@code language} is empty for ADMX files. */
    record Source(Path file, Path root, String language, String display) {
        String baseName() {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return (dot < 0 ? n : n.substring(0, dot)).toLowerCase(Locale.ROOT);
        }
    }

    static StoreFiles discover(List<Path> paths, List<Diagnostic> out) {
        Set<Path> admx = new LinkedHashSet<>();
        Map<Path, Source> admxSources = new LinkedHashMap<>();
        Map<Path, Source> admlSources = new LinkedHashMap<>();
        Map<Path, List<String>> languages = new LinkedHashMap<>();
        for (Path given : paths) {
            Path p = given.toAbsolutePath().normalize();
            Display shown = new Display(given, p);
            if (Files.isDirectory(p)) {
                int before = admxSources.size() + admlSources.size();
                for (Path f : list(p, out)) {
                    if (Files.isRegularFile(f) && has(f, ".admx") && admx.add(f)) {
                        admxSources.put(f, new Source(f, p, "", shown.of(f)));
                    }
                }
                addLanguages(p, languages, admlSources, shown, out);
                if (admxSources.size() + admlSources.size() == before) {
                    out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(given.toString()), "no .admx files and no language"
                            + " folders with .adml files in this folder", "give a PolicyDefinitions folder"));
                }
            } else if (Files.isRegularFile(p) && has(p, ".admx")) {
                if (admx.add(p)) {
                    admxSources.put(p, new Source(p, p.getParent(), "", given.toString()));
                }
                addLanguages(p.getParent(), languages, admlSources, new Display(given.toAbsolutePath().getParent(), p.getParent()), out);
            } else if (Files.isRegularFile(p) && has(p, ".adml")) {
                Path langDir = p.getParent();
                Path root = langDir.getParent() == null ? langDir : langDir.getParent();
                admlSources.putIfAbsent(p, new Source(p, root, langDir.getFileName().toString(), given.toString()));
                List<String> langs = languages.computeIfAbsent(root, k -> new ArrayList<>());
                if (!langs.contains(langDir.getFileName().toString())) {
                    langs.add(langDir.getFileName().toString());
                }
            } else if (!Files.exists(p)) {
                out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(given.toString()), "no such file or folder",
                        "give .admx/.adml files or PolicyDefinitions folders"));
            } else {
                out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(given.toString()), "not an .admx or .adml file",
                        "give .admx/.adml files or PolicyDefinitions folders"));
            }
        }
        return new StoreFiles(List.copyOf(admxSources.values()), List.copyOf(admlSources.values()), languages);
    }

    private static void addLanguages(Path root, Map<Path, List<String>> languages, Map<Path, Source> adml,
                                     Display shown, List<Diagnostic> out) {
        if (languages.containsKey(root)) {
            return;
        }
        List<String> langs = new ArrayList<>();
        for (Path d : list(root, out)) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            boolean any = false;
            for (Path f : list(d, out)) {
                if (Files.isRegularFile(f) && has(f, ".adml")) {
                    adml.putIfAbsent(f, new Source(f, root, d.getFileName().toString(), shown.of(f)));
                    any = true;
                }
            }
            if (any) {
                langs.add(d.getFileName().toString());
            }
        }
        languages.put(root, langs);
    }

    /** Spells files below a folder the way the folder was given on the command line. */
    private record Display(Path given, Path absolute) {
        String of(Path file) {
            return file.startsWith(absolute) ? given.resolve(absolute.relativize(file)).toString() : file.toString();
        }
    }

    private static List<Path> list(Path dir, List<Diagnostic> out) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(dir.toString()), "cannot list folder: " + e.getMessage(),
                    "check its permissions"));
            return List.of();
        }
    }

    private static boolean has(Path f, String ext) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext);
    }
}
