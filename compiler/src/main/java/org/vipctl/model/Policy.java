package org.vipctl.model;

import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Location;
import org.vipctl.load.SourceDocument;

/**
 * A validated VipPolicy. {@code source} keeps the document tree and positions, so lowering can
 * read catalog-described values by pointer and every later stage can still point at the YAML.
 */
public record Policy(SourceDocument source, Located<String> name, Optional<String> description,
                     List<Located<TargetOs>> targets, Spec spec) {

    public Policy {
        targets = List.copyOf(targets);
    }

    public String file() {
        return source.file();
    }

    public Location at() {
        return source.start();
    }
}
