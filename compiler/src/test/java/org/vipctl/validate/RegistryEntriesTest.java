package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.validate.Check.at;
import static org.vipctl.validate.Check.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;
import org.vipctl.model.CustomValue;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;

/** spec.registry: hive, key path, value name, type and data. */
class RegistryEntriesTest {

    private static String entry(String fields) {
        return policy("p", "  registry:\n    - {" + fields + "}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HKCU\\\\Software\\\\X", "HKEY_CURRENT_USER\\\\X", "HKU\\\\S-1-5-18\\\\X", "HKCR\\\\.x", "HKEY_USERS\\\\X"})
    void onlyHklmIsAllowed(String key) {
        String text = entry("key: '" + key + "', name: V, type: REG_SZ, data: x");
        Diagnostic d = Check.files(text).one(Rule.REGISTRY_HIVE);
        assertTrue(d.message().contains("HKLM"), d.message());
        at(d, text, "'" + key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SOFTWARE\\\\X|does not start with a hive",
        "HKLM/SOFTWARE/X|separates its parts with '/'",
        "HKLM|names only a hive",
        "HKLM\\\\\\\\SOFTWARE|empty part",
        "HKLM\\\\SOFTWARE\\\\\\\\X|empty part"})
    void keyPathsMustNameAKeyBelowTheHive(String key, String fragment) {
        Diagnostic d = Check.files(entry("key: '" + key + "', name: V, type: REG_SZ, data: x")).one(Rule.REGISTRY_KEY);
        assertTrue(d.message().contains(fragment), d.message());
    }

    @Test
    void keyNamesAreAtMost255Characters() {
        Check.files(entry("key: 'HKLM\\SOFTWARE\\" + "k".repeat(255) + "', name: V, type: REG_SZ, data: x")).clean();
        Diagnostic d = Check.files(entry("key: 'HKLM\\SOFTWARE\\" + "k".repeat(256) + "', name: V, type: REG_SZ, data: x"))
                .one(Rule.REGISTRY_KEY);
        assertTrue(d.message().contains("longer than 255"), d.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\uFFFE", "\\uFFFF", "\\t", "\\n"})
    void keyAndValueNamesWithCharactersNoOutputCanHoldAreRefused(String escape) {
        // a YAML double-quoted escape: validate must refuse what the .reg and XML writers cannot write
        Diagnostic name = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: \"a" + escape + "b\", type: REG_SZ, data: x"))
                .one(Rule.REGISTRY_KEY);
        assertTrue(name.message().startsWith("value name is not valid"), name.message());
        Diagnostic key = Check.files(entry("key: \"HKLM\\\\SOFTWARE\\\\a" + escape + "b\", name: V, type: REG_SZ, data: x"))
                .one(Rule.REGISTRY_KEY);
        assertTrue(key.message().contains("in a key name"), key.message());
    }

    @Test
    void directiveValueNamesAreRefused() {
        Diagnostic d = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: '**del.V', type: REG_SZ, data: x"))
                .one(Rule.REGISTRY_KEY);
        assertTrue(d.hint().contains("ensure: absent"), d.hint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "REG_DWORD|-1", "REG_DWORD|4294967296", "REG_DWORD|'9000'", "REG_DWORD|1.5",
        "REG_QWORD|-1", "REG_QWORD|18446744073709551616",
        "REG_SZ|9000", "REG_SZ|[a]", "REG_SZ|\"a\\0b\"", "REG_EXPAND_SZ|true",
        "REG_MULTI_SZ|a", "REG_MULTI_SZ|[a, '']", "REG_MULTI_SZ|[a, 1]",
        "REG_BINARY|'0g'", "REG_BINARY|'abc'", "REG_BINARY|12"})
    void dataMustFitItsType(String type, String data) {
        String text = entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: " + type + ", data: " + data);
        Diagnostic d = Check.files(text).one(Rule.REGISTRY_DATA);
        assertTrue(d.message().endsWith("does not fit " + type), d.message());
        assertTrue(!d.hint().isEmpty());
        int i = text.indexOf("data: " + data) + "data: ".length();
        assertEquals(text.substring(0, i).split("\n", -1).length, d.location().line());
        assertEquals(i - text.lastIndexOf('\n', i - 1), d.location().column());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "REG_DWORD|0", "REG_DWORD|4294967295", "REG_DWORD|0xffffffff", "REG_QWORD|18446744073709551615",
        "REG_SZ|''", "REG_EXPAND_SZ|'%SystemRoot%'", "REG_MULTI_SZ|[a, b]", "REG_MULTI_SZ|[]", "REG_BINARY|'01 ff:20'"})
    void dataThatFits(String type, String data) {
        Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: " + type + ", data: " + data)).clean();
    }

    @Test
    void theLargestDwordIsKeptUnsigned() {
        Check c = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: REG_DWORD, data: 4294967295"));
        CustomValue v = c.valid.get(0).spec().registry().get(0);
        assertEquals(4294967295L, ((RegValue.Dword) v.value().orElseThrow()).unsigned());
    }

    @Test
    void typeAndDataAreRequiredUnlessTheValueIsDeleted() {
        Diagnostic noType = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, data: 1")).one(Rule.MISSING);
        assertTrue(noType.message().contains("needs a type"), noType.message());
        Diagnostic noData = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: REG_DWORD")).one(Rule.MISSING);
        assertTrue(noData.message().contains("needs data"), noData.message());
        assertTrue(noData.hint().contains("0 to 4294967295"), noData.hint());
        Check c = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, ensure: absent"));
        c.clean();
        assertTrue(c.valid.get(0).spec().registry().get(0).value().isEmpty());
    }

    @Test
    void unknownTypesAndViewsAreSchemaErrors() {
        Diagnostic d = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: REG_WORD, data: 1"))
                .one(Rule.NOT_ALLOWED);
        assertEquals("did you mean 'REG_DWORD'?", d.hint());
        Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: REG_SZ, data: x, view: 16")).one(Rule.NOT_ALLOWED);
    }

    @Test
    void theViewIsKept() {
        Check c = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: V, type: REG_SZ, data: x, view: 32"));
        assertEquals(View.BIT32, c.valid.get(0).spec().registry().get(0).key().view());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Line\\nBreak\"", "\"Tab\\tbed\"", "\"Car\\rReturn\"", "\"Del\\x7f\""})
    void valueNamesWithLineBreaksTabsOrDeleteAreRefusedAtValidate(String name) {
        Diagnostic d = Check.files(entry("key: 'HKLM\\SOFTWARE\\X', name: " + name + ", type: REG_SZ, data: x"))
                .one(Rule.REGISTRY_KEY);
        assertTrue(d.message().contains("control character"), d.message());
        assertTrue(d.location().line() > 0 && d.location().column() > 0, d.location()::toString);
    }

    @Test
    void anEntryWithoutANameIsTheKeyItself() {
        Check c = Check.files(entry("key: 'HKLM\\SOFTWARE\\Contoso\\Empty'"));
        c.clean();
        CustomValue v = c.valid.get(0).spec().registry().get(0);
        assertEquals("SOFTWARE\\Contoso\\Empty", v.key().path());
        assertEquals(RegistryEntry.KEY_ONLY, v.name());
        assertEquals(java.util.Optional.of(new RegValue.None()), v.value());
        Check.files(entry("key: 'HKLM\\SOFTWARE\\Contoso\\Empty', ensure: present, view: 32")).clean();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"type: REG_DWORD|type", "data: 1|data: 1", "type: REG_SZ, data: x|type", "ensure: absent|absent"})
    void anEntryWithoutANameSaysNothingElse(String extra, String at) {
        String text = entry("key: 'HKLM\\SOFTWARE\\X', " + extra);
        Check c = Check.files(text);
        assertTrue(c.valid.isEmpty(), c::dump);
        Diagnostic d = c.one(Rule.MISSING);
        assertTrue(d.message().contains("name"), d.message());
        at(d, text, at);
    }
}
