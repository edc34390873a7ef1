package org.vipctl.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code $schema} reference an imported file carries for editors: the path from the output
 * folder to the repository's {@code schemas/vipctl-policy.schema.json} when the folder is inside
 * a vipctl checkout (as the examples do), otherwise the schema's {@code $id}.
 */
public final class SchemaRef {

    public static final String ID = "https://vipctl.org/schemas/vipctl-policy.schema.json";
    private static final String FILE = "schemas/vipctl-policy.schema.json";

    private SchemaRef() {
    }

    public static String forFolder(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve(FILE))) {
                String rel = dir.relativize(at.resolve(FILE)).toString().replace('\\', '/');
                return rel;
            }
        }
        return ID;
    }
}
