package org.vipctl.apply;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vipctl.plan.Change;

/** What an apply did: the changes written (each verified by reading it back) and where the backup is. */
public record ApplyResult(List<Change> written, long unchanged, Optional<Path> backup) {

    public ApplyResult {
        written = List.copyOf(written);
    }

    public String summary() {
        return written.size() + " changed, " + unchanged + " unchanged";
    }
}
