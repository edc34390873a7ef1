package org.vipctl.admx.lint;

import java.util.List;
import java.util.Optional;
import org.vipctl.admx.ElementKind;
import org.vipctl.diagnostic.Location;

/**
 * What lint reads from one ADMX file: names, references and resource ids with their places.
 * Attributes a file leaves out are empty strings.
 */
record AdmxDoc(Location at, Optional<Binding> target, List<Binding> using, Optional<Resources> resources,
               List<Named> products, List<Definition> definitions, List<Category> categories,
               List<Policy> policies, List<Unexpected> unexpected) {

    /** {@code <target>} or {@code <using>}. */
    record Binding(String prefix, String namespace, Location at) {
    }

    record Resources(String minRequiredRevision, String fallbackCulture, Location at) {
    }

    /** A product, major or minor version: {@code what} says which. */
    record Named(String what, String name, String displayName, Location at) {
    }

    record Ref(String ref, Location at) {
    }

    record Definition(String name, String displayName, Location at, List<Ref> refs) {
    }

    record Category(String name, String displayName, String explainText, Location at, Optional<Ref> parent) {
    }

    record Policy(String name, String policyClass, String displayName, String explainText, String presentation,
                  String key, Location at, Optional<Ref> parent, Optional<Ref> supportedOn, List<Element> elements) {
    }

    record Element(ElementKind kind, String id, Location at, List<EnumItem> items) {
    }

    record EnumItem(String displayName, Location at) {
    }

    /** An element where the format has none of that name: GPMC refuses the file. */
    record Unexpected(String element, String parent, Location at) {
    }
}
