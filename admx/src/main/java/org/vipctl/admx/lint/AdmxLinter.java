package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.files.InputLimits;

/**
 * {@code vipctl admx lint}: reads a store (PolicyDefinitions folders, ADMX and ADML files) and
 * checks what the Group Policy Management Console checks when it loads one, plus a little more.
 * Each file is read once, streaming, on as many threads as there are cores; then the store is
 * checked as a whole, with names resolved through maps.
 */
public final class AdmxLinter {

    private final boolean strictNamespaces;
    private final InputLimits limits;

    /** @param strictNamespaces report namespaces named by {@code using} but absent from the store as errors */
    public AdmxLinter(boolean strictNamespaces) {
        this(strictNamespaces, InputLimits.DEFAULT);
    }

    /** As {@link #AdmxLinter(boolean)}, refusing files above the ADMX limit of {@code limits}. */
    public AdmxLinter(boolean strictNamespaces, InputLimits limits) {
        this.strictNamespaces = strictNamespaces;
        this.limits = limits;
    }

    /**
     * Loads and initialises the XML parser now (the command line does it while it parses its
     * arguments, on the other core), so reading a store starts at full speed.
     */
    public static void prepare() {
        new DocReader().warmUp();
    }

    public LintResult lint(List<Path> paths) {
        List<Diagnostic> found = new ArrayList<>();
        StoreFiles files = StoreFiles.discover(paths, found);
        List<StoreChecks.AdmxInput> admx = new ArrayList<>();
        List<StoreChecks.AdmlInput> adml = new ArrayList<>();
        NamespaceForms forms = new NamespaceForms();
        readAll(files, admx, adml, forms, found, limits);
        Diagnostics d = new Diagnostics();
        d.addAll(found);
        forms.notes(d);
        new StoreChecks(files, admx, adml, strictNamespaces, d).run();
        TreeSet<String> langs = new TreeSet<>();
        files.languagesByRoot().values().forEach(langs::addAll);
        return new LintResult(d.sorted(), files.admx().size(), files.adml().size(), List.copyOf(langs));
    }

    private static void readAll(StoreFiles files, List<StoreChecks.AdmxInput> admx, List<StoreChecks.AdmlInput> adml,
                                NamespaceForms forms, List<Diagnostic> out, InputLimits limits) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "admx-reader");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<DocReader> readers = ThreadLocal.withInitial(() -> new DocReader(limits));
        try {
            // largest files first, so both threads finish together; results are taken in store order
            Map<StoreFiles.Source, Future<DocReader.Read<AdmxDoc>>> a = new HashMap<>();
            Map<StoreFiles.Source, Future<DocReader.Read<AdmlDoc>>> l = new HashMap<>();
            List<StoreFiles.Source> all = new ArrayList<>(files.admx());
            all.addAll(files.adml());
            all.sort(Comparator.comparingLong(AdmxLinter::size).reversed());
            for (StoreFiles.Source s : all) {
                if (s.language().isEmpty()) {
                    a.put(s, pool.submit(() -> readers.get().admx(s.file(), s.display())));
                } else {
                    l.put(s, pool.submit(() -> readers.get().adml(s.file(), s.display())));
                }
            }
            for (StoreFiles.Source s : files.admx()) {
                DocReader.Read<AdmxDoc> r = a.get(s).get();
                admx.add(new StoreChecks.AdmxInput(s, s.display(), r.doc()));
                out.addAll(r.diagnostics());
                r.variant().ifPresent(forms::add);
            }
            for (StoreFiles.Source s : files.adml()) {
                DocReader.Read<AdmlDoc> r = l.get(s).get();
                adml.add(new StoreChecks.AdmlInput(s, s.display(), r.doc()));
                out.addAll(r.diagnostics());
                r.variant().ifPresent(forms::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the store failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long size(StoreFiles.Source s) {
        try {
            return Files.size(s.file());
        } catch (IOException e) {
            return 0; // reading it reports the problem
        }
    }

    /** A path relative to the working folder when it is below it, as people typed it. */
    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
