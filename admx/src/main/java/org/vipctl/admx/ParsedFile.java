package org.vipctl.admx;

import java.nio.file.Path;
import java.util.Optional;

/** One ADMX or ADML file as read: its root object when it could be read at all. */
public record ParsedFile<T>(Path path, String name, Optional<T> root) {
}
