package org.vipctl.emit;

import java.util.ArrayList;
import java.util.List;
import org.vipctl.model.Policy;

/** The comment lines at the top of a generated file: which policies it comes from, and not to edit it. */
public final class GeneratedHeader {

    private GeneratedHeader() {
    }

    /** Without comment markers; a policy description with line breaks becomes several lines. */
    public static List<String> lines(List<Policy> policies) {
        List<String> out = new ArrayList<>();
        out.add("Written by vipctl from the policies below; change them and compile again instead of editing this file.");
        for (Policy p : policies) {
            out.add(p.name().value() + " (" + p.file().replace('\\', '/') + ")");
            p.description().ifPresent(d -> d.lines().map(l -> "  " + l.strip()).filter(l -> !l.isBlank()).forEach(out::add));
        }
        return out;
    }
}
