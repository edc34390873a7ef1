package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.validate.Check.at;
import static org.vipctl.validate.Check.policy;

import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;

/** The schema's findings in our own words, at the right place. */
class SchemaCheckTest {

    @Test
    void unknownKeysSuggestTheClosestKnownOne() {
        String text = policy("p", "  rdsIpVirtualisation:\n    enabled: true\n");
        Diagnostic d = Check.files(text).one(Rule.UNKNOWN_KEY);
        assertEquals("unknown key 'rdsIpVirtualisation' in 'spec'", d.message());
        assertEquals("did you mean 'rdsIpVirtualization'?", d.hint());
        at(d, text, "rdsIpVirtualisation");
    }

    @Test
    void unknownKeysFarFromAnyKnownOneListWhatIsAllowed() {
        Diagnostic d = Check.files(policy("p", "  rdsIpVirtualization: {enabled: true, zzzzzzzz: 1}\n"))
                .one(Rule.UNKNOWN_KEY);
        assertTrue(d.hint().startsWith("allowed here: "), d.hint());
        assertTrue(d.hint().contains("networkAdapter"), d.hint());
        Diagnostic top = Check.files(policy("p", "  rdsIpVirtualization: {enabled: false}\n") + "extra: 1\n")
                .one(Rule.UNKNOWN_KEY);
        assertEquals("unknown key 'extra' in the document", top.message());
        assertFalse(top.hint().contains("$schema"), "the editor-only key is not advertised");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        String text = policy("p", "  rdsIpVirtualization: {enabled: 'yes', programs: crm.exe}\n");
        Check c = Check.files(text);
        assertEquals(2, c.of(Rule.WRONG_TYPE).size(), c::dump);
        Diagnostic bool = c.of(Rule.WRONG_TYPE).get(0);
        assertEquals("'spec.rdsIpVirtualization.enabled' must be true or false, got text 'yes'", bool.message());
        assertTrue(bool.hint().contains("yes/no/on/off"), bool.hint());
        at(bool, text, "'yes'");
        Diagnostic list = c.of(Rule.WRONG_TYPE).get(1);
        assertEquals("'spec.rdsIpVirtualization.programs' must be a list, got text 'crm.exe'", list.message());
        assertEquals("write a list, e.g. [crm.exe]", list.hint());
    }

    @Test
    void wrongTypesOfWholeSections() {
        Diagnostic d = Check.files(Check.HEAD + "metadata: {name: p}\nspec: [a]\n").one(Rule.WRONG_TYPE);
        assertEquals("'spec' must be a mapping, got a list", d.message());
        Diagnostic doc = Check.files("- just\n- a list\n").one(Rule.WRONG_TYPE);
        assertEquals("the document must be a mapping, got a list", doc.message());
        Diagnostic num = Check.files(policy("p", "  citrixPolicy: {priority: high}\n  citrixVirtualLoopback: {enabled: false}\n"))
                .one(Rule.WRONG_TYPE);
        assertEquals("'spec.citrixPolicy.priority' must be a whole number, got text 'high'", num.message());
    }

    @Test
    void enumsListTheAllowedValuesAndSuggest() {
        String text = policy("p", "  rdsIpVirtualization: {enabled: true, mode: perProgam, programs: [a.exe], networkAdapter: 192.0.2.1/24}\n");
        Diagnostic d = Check.files(text).one(Rule.NOT_ALLOWED);
        assertEquals("'spec.rdsIpVirtualization.mode' is text 'perProgam'; allowed: 'perProgram', 'perSession'", d.message());
        assertEquals("did you mean 'perProgram'?", d.hint());
        at(d, text, "perProgam");
    }

    @Test
    void constantsAndPatterns() {
        Diagnostic version = Check.files(Check.HEAD.replace("v1", "v2") + "metadata: {name: p}\nspec: {}\n")
                .one(Rule.NOT_ALLOWED);
        assertEquals("'apiVersion' must be 'vipctl/v1', got text 'vipctl/v2'", version.message());
        assertEquals("write apiVersion: vipctl/v1", version.hint());
    }

    @Test
    void policyNamesCannotEscapeTheOutputFolder() {
        for (String name : new String[] {"../x", "a/b", "a\\\\b", ".hidden", "-flag", "x".repeat(65), "'a b'", "''"}) {
            String text = Check.HEAD + "metadata:\n  name: " + name + "\nspec: {}\n";
            Diagnostic d = Check.files(text).one(Rule.NOT_ALLOWED);
            assertTrue(d.message().startsWith("'metadata.name' text '"), d.message());
            assertTrue(d.message().endsWith("is not allowed"), d.message());
            assertTrue(d.hint().contains("letters, digits"), d.hint());
            assertEquals(4, d.location().line());
        }
    }

    @Test
    void missingKeysPointAtTheirParent() {
        String text = Check.HEAD + "metadata:\n  description: x\nspec:\n  rdsIpVirtualization:\n    mode: perSession\n";
        Check c = Check.files(text);
        assertEquals(2, c.of(Rule.MISSING).size(), c::dump);
        Diagnostic name = c.of(Rule.MISSING).get(0);
        assertEquals("missing required key 'name' in 'metadata'", name.message());
        at(name, text, "metadata");
        Diagnostic enabled = c.of(Rule.MISSING).get(1);
        assertEquals("missing required key 'enabled' in 'spec.rdsIpVirtualization'", enabled.message());
        assertTrue(enabled.hint().contains("EnableVirtualIP"), "the hint is the key's description: " + enabled.hint());
        at(enabled, text, "rdsIpVirtualization");
    }

    @Test
    void otherStructureProblemsKeepTheValidatorsWordsWithoutItsPath() {
        String text = Check.HEAD + "metadata: {name: p}\ntargets:\n  os: [windowsServer2019, windowsServer2019]\nspec: {}\n";
        Diagnostic d = Check.files(text).one(Rule.STRUCTURE);
        assertTrue(d.message().startsWith("'targets.os': "), d.message());
        assertTrue(d.message().contains("unique"), d.message());
        assertFalse(d.message().contains("/targets"), d.message());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Check c = Check.files(Check.HEAD + "metadata: {name: p, colour: red}\ntargets: {os: [dos]}\n"
                + "spec: {rdsIpVirtualization: {enabled: 1}, registry: [{name: x}]}\n");
        assertEquals(1, c.of(Rule.UNKNOWN_KEY).size(), c::dump);
        assertEquals(1, c.of(Rule.NOT_ALLOWED).size(), c::dump);
        assertEquals(1, c.of(Rule.WRONG_TYPE).size(), c::dump);
        assertEquals(1, c.of(Rule.MISSING).size(), c::dump);
        assertTrue(c.valid.isEmpty());
    }

    @Test
    void displayPathsReadLikeYaml() {
        assertEquals("spec.registry[0].type", org.vipctl.schema.SchemaCheck.displayPath("/spec/registry/0/type"));
        assertEquals("a/b.c~d", org.vipctl.schema.SchemaCheck.displayPath("/a~1b.c~0d"));
    }
}
