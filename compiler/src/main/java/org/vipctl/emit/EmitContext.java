package org.vipctl.emit;

import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;

/** What a writer gets: the validated, lowered compilation and the diagnostics of the run. */
public record EmitContext(Compilation compilation, Diagnostics diagnostics) {
}
