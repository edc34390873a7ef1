package org.vipctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.catalog.Catalog;
import org.vipctl.registry.RegValue;
import org.vipctl.target.InMemoryRegistry;

class PlanJsonTest {

    @Test
    void documentCarriesVersionActionsAndTypedBeforeAfter() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(Fixtures.LOCAL_VIP, "VirtualizeLoopbackAdresses", new RegValue.Sz("1"));
        reg.write(Fixtures.LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        Plan plan = new Planner(Catalog.builtIn(), HostFacts.unknown()).plan(Fixtures.desired(), reg);
        JsonNode root = new ObjectMapper().readTree(PlanJson.toJson(plan));
        assertEquals(1, root.get("format_version").asInt());
        assertEquals("mem", root.get("target").asText());
        assertEquals("local", root.get("scope").asText());
        assertEquals(plan.changes().size(), root.get("changes").size());
        assertEquals(4, root.at("/summary/create").asInt());
        assertEquals(1, root.at("/summary/update").asInt());
        assertEquals(5, root.at("/summary/changed").asInt());
        assertEquals(2, root.at("/summary/no-op").asInt());
        JsonNode first = root.at("/changes/0");
        assertEquals("no-op", first.get("action").asText());
        assertEquals("REG_DWORD", first.at("/before/type").asText());
        assertEquals(1, first.at("/before/data").asInt());
        JsonNode update = find(root, "VirtualizeLoopbackAdresses");
        assertEquals("update", update.get("action").asText());
        assertEquals("REG_SZ", update.at("/before/type").asText());
        assertEquals("1", update.at("/before/data").asText());
        assertEquals("REG_DWORD", update.at("/after/type").asText());
        assertTrue(update.get("type_changed").asBoolean());
        JsonNode citrix = find(root, "PreferLoopbackProcesses");
        assertEquals(32, citrix.get("view").asInt());
        assertEquals("SOFTWARE\\Wow6432Node\\Citrix\\VIP", citrix.get("literal_key").asText());
        assertEquals("softphone.exe", citrix.at("/after/data/0").asText());
        assertTrue(citrix.get("before").isNull());
        JsonNode del = find(root, "LegacyBindAll");
        assertEquals("no-op", del.get("action").asText());
        assertTrue(del.get("before").isNull() && del.get("after").isNull());
        assertEquals("restart-required", root.at("/warnings/0/code").asText());
    }

    @Test
    void valuesRoundTripThroughTheirJsonForm() {
        List<RegValue> values = List.of(new RegValue.Dword(-1), new RegValue.Qword(-1L), new RegValue.Sz("x"),
                new RegValue.ExpandSz("%a%"), new RegValue.MultiSz(List.of("a", "b")),
                new RegValue.Binary(new byte[] {0, (byte) 0xab}), new RegValue.DwordBigEndian(5), new RegValue.None());
        for (RegValue v : values) {
            assertEquals(v, RegValueJson.fromJson(RegValueJson.toJson(v)));
        }
        assertEquals("4294967295", RegValueJson.toJson(new RegValue.Dword(-1)).get("data").asText());
        assertEquals("18446744073709551615", RegValueJson.toJson(new RegValue.Qword(-1L)).get("data").asText());
    }

    private static JsonNode find(JsonNode root, String name) {
        for (JsonNode c : root.get("changes")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no change for " + name);
    }
}
