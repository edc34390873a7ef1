package org.vipctl.apply;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vipctl.target.RegistryException;

/**
 * A write failed midway. The values already written have been put back from the backup
 * ({@code restored}); {@code notRestored} lists any that could not be, with the reason.
 */
public final class ApplyFailed extends RegistryException {

    private final List<String> restored;
    private final List<String> notRestored;
    private final Optional<Path> backup;

    ApplyFailed(String message, List<String> restored, List<String> notRestored, Optional<Path> backup, Throwable cause) {
        super(message, cause);
        this.restored = List.copyOf(restored);
        this.notRestored = List.copyOf(notRestored);
        this.backup = backup;
    }

    public List<String> restored() {
        return restored;
    }

    public List<String> notRestored() {
        return notRestored;
    }

    public Optional<Path> backup() {
        return backup;
    }
}
