package org.vipctl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vipctl.load.PreparsedDocuments;

/**
 * vipctl's JSON Schemas parsed at build time ({@code compiler/pom.xml} runs {@link #main} after the
 * classes are compiled), so a run reads the policy schema without a JSON parser: setting up
 * Jackson's parser initialises {@code BigDecimal}, whose tables take a JDK 25 run 25 ms of CPU to
 * compute. The form holds the tree {@link JsonTree} reads, in the nodes that print themselves;
 * PreparsedSchemasTest checks that both trees are equal. A build without that step (an IDE's) has no
 * form, and the JSON is read.
 */
public final class PreparsedSchemas {

    /** The schemas, as resource paths. */
    static final List<String> SCHEMAS = List.of("/org/vipctl/schemas/vipctl-policy.schema.json",
            "/org/vipctl/schemas/vipctl-catalog.schema.json");

    private PreparsedSchemas() {
    }

    /** Build step: writes the form of every schema beside it, into the class folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        for (String schema : SCHEMAS) {
            Path file = Path.of(args[0], form(schema).substring(1));
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                PreparsedDocuments.writeTree(JsonTree.read(schema), out);
            }
        }
    }

    /** The tree of the schema {@code resource} from its form; empty when the build made none. */
    static Optional<JsonNode> read(String resource) {
        try (InputStream in = PreparsedSchemas.class.getResourceAsStream(form(resource))) {
            return in == null ? Optional.empty() : Optional.of(PreparsedDocuments.readTree(in, JsonTree.PRINTED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preparsed schema of " + resource, e);
        }
    }

    /** {@code x.schema.json} → {@code x.schema.bin}. */
    static String form(String resource) {
        return resource.substring(0, resource.length() - ".json".length()) + ".bin";
    }
}
