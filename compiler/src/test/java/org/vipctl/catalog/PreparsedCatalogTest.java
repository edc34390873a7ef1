package org.vipctl.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vipctl.load.SourceDocument;

/** The built-in catalog's build-time form holds what the YAML files hold, and gives the same catalog. */
class PreparsedCatalogTest {

    @Test
    void theBuildWroteTheFormAndItEqualsTheYaml() {
        Optional<List<SourceDocument>> form = PreparsedCatalog.read();
        assertTrue(form.isPresent(), PreparsedCatalog.RESOURCE + " is missing from the build output:"
                + " compiler/pom.xml writes it in the process-classes phase");
        List<SourceDocument> yaml = PreparsedCatalog.yaml();
        assertFalse(yaml.isEmpty());
        assertEquals(yaml, form.get());
    }

    @Test
    void bothGiveTheSameCatalog() {
        List<Setting> fromYaml = Catalog.fromDocuments(PreparsedCatalog.yaml()).settings();
        assertFalse(fromYaml.isEmpty());
        assertEquals(fromYaml, Catalog.fromDocuments(PreparsedCatalog.read().orElseThrow()).settings());
        assertEquals(fromYaml, Catalog.builtIn().settings());
    }
}
