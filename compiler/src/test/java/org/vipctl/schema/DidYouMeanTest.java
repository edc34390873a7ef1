package org.vipctl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One "did you mean" for schema fields, catalog names, commands and options. */
class DidYouMeanTest {

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertEquals(1, DidYouMean.distance("valdiate", "validate"));
        assertEquals(2, DidYouMean.distance("vladiate", "validate"));
        assertEquals(0, DidYouMean.distance("", ""));
        assertEquals(3, DidYouMean.distance("abc", ""));
    }

    @Test
    void theClosestCandidateWithinTheAllowedDistanceCaseInsensitively() {
        List<String> fields = List.of("programs", "networkAdapter", "mode");
        assertEquals(Optional.of("programs"), DidYouMean.best("Program", fields));
        assertEquals(Optional.of("networkAdapter"), DidYouMean.best("netwrokAdapter", fields));
        assertEquals(Optional.empty(), DidYouMean.best("timeout", fields));
        assertEquals(Optional.of("validate"), DidYouMean.closest("valdiate", List.of("validate", "compile"), 1));
        assertEquals(Optional.empty(), DidYouMean.closest("vldte", List.of("validate"), 2));
    }
}
