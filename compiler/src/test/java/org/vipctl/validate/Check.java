package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.model.Policy;

/** Validates YAML text as files p0.yaml, p1.yaml, ... compiled together. */
final class Check {

    static final String HEAD = "apiVersion: vipctl/v1\nkind: VipPolicy\n";

    final Diagnostics diagnostics = new Diagnostics();
    final List<Policy> valid;

    private Check(String... files) {
        List<SourceDocument> docs = new ArrayList<>();
        YamlLoader loader = new YamlLoader();
        for (int i = 0; i < files.length; i++) {
            docs.addAll(loader.parse("p" + i + ".yaml", files[i].getBytes(StandardCharsets.UTF_8), diagnostics));
        }
        valid = Compilation.of(docs, Catalog.builtIn(), diagnostics).policies();
    }

    static Check files(String... files) {
        return new Check(files);
    }

    /** A policy named {@code name} targeting Windows Server 2022 with the given spec lines (indented by the caller). */
    static String policy(String name, String spec) {
        return HEAD + "metadata:\n  name: " + name + "\ntargets:\n  os: [windowsServer2022]\nspec:\n" + spec;
    }

    List<Diagnostic> all() {
        return diagnostics.sorted();
    }

    List<Diagnostic> of(Rule rule) {
        return all().stream().filter(d -> d.ruleId().equals(rule.id())).toList();
    }

    /** Exactly one diagnostic of {@code rule}; returns it. */
    Diagnostic one(Rule rule) {
        List<Diagnostic> found = of(rule);
        assertEquals(1, found.size(), () -> "expected one " + rule.id() + " in:\n" + dump());
        return found.get(0);
    }

    void none(Rule rule) {
        assertTrue(of(rule).isEmpty(), () -> "expected no " + rule.id() + " in:\n" + dump());
    }

    void clean() {
        assertTrue(all().isEmpty(), () -> "expected no diagnostics, got:\n" + dump());
    }

    /** Asserts that {@code d} points at the first occurrence of {@code needle} in {@code text}. */
    static void at(Diagnostic d, String text, String needle) {
        int i = text.indexOf(needle);
        assertTrue(i >= 0, "test text lacks " + needle);
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        assertEquals(line + ":" + (i - lineStart + 1), d.location().line() + ":" + d.location().column(),
                () -> "location of " + d.ruleId() + " " + d.message() + " (expected at '" + needle + "')");
    }

    String dump() {
        return all().stream().map(d -> d.location() + " " + d.severity().label() + " " + d.ruleId() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }
}
