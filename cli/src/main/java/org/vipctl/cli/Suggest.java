package org.vipctl.cli;

import java.util.Collection;
import java.util.Optional;
import org.vipctl.schema.DidYouMean;

/**
 * "Did you mean" for commands, options and rule ids: the closest known word, when it is close
 * enough to be a typo (at most a third of its length, 1 to 3 edits; a swap of neighbours is one).
 */
final class Suggest {

    private Suggest() {
    }

    static Optional<String> closest(String word, Collection<String> known) {
        return DidYouMean.closest(word, known, Math.max(1, Math.min(3, word.length() / 3)));
    }
}
