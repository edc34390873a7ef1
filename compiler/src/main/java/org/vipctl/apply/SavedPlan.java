package org.vipctl.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vipctl.diagnostic.Location;
import org.vipctl.plan.Change;
import org.vipctl.plan.Plan;
import org.vipctl.plan.PlanJson;
import org.vipctl.plan.RegValueJson;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

/**
 * A plan saved by {@code vipctl plan -out FILE} for {@code vipctl apply FILE}: the target, the
 * desired entries the plan was made from (as the target needs them), the value each of them had on
 * the target, and the plan itself for people and tools. Two SHA-256 sums name what the plan rests
 * on, {@code desired_sha256} and {@code current_sha256}; a third, {@code sha256}, covers the whole
 * document, so any change to the file (other than its layout) is detected. They detect changes, not
 * a deliberate forgery by someone who recomputes them: keep plan files where only the pipeline
 * writes them.
 */
public record SavedPlan(String target, Scope scope, Instant created, RegistryState desired,
                        List<Optional<RegValue>> current, ObjectNode plan) {

    public static final String KIND = "vipctl-plan";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public SavedPlan {
        Objects.requireNonNull(target);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(created);
        current = List.copyOf(current);
        if (current.size() != desired.entries().size()) {
            throw new IllegalArgumentException("one current value per desired entry");
        }
    }

    /** A saved plan file that cannot be used: unreadable, not a plan, or changed after it was written. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The plan {@code plan} made from {@code desired}: the current values are its before values. */
    public static SavedPlan of(Plan plan, RegistryState desired, Instant created) {
        if (plan.changes().size() != desired.entries().size()) {
            throw new IllegalArgumentException("the plan has one change per desired entry");
        }
        List<Optional<RegValue>> current = plan.changes().stream().map(Change::before).toList();
        return new SavedPlan(plan.target(), plan.scope(), created, desired, current, PlanJson.toTree(plan));
    }

    /** Whether {@code text} is a saved plan (and not, say, a policy): a JSON object of this kind. */
    public static boolean looksLikeOne(String text) {
        String t = text.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        if (!t.startsWith("{")) {
            return false;
        }
        try {
            return KIND.equals(JSON.readTree(t).path("kind").asText());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public String toJson() {
        ObjectNode body = body();
        ObjectNode doc = JSON.createObjectNode();
        doc.setAll(body);
        doc.put("sha256", sha256(canonical(body)));
        try {
            return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the desired entries. */
    public String desiredSha256() {
        return sha256(canonical(desiredJson(desired)));
    }

    /** The SHA-256 of the target's values at planning time, one per desired entry. */
    public String currentSha256() {
        return sha256(canonical(currentJson(desired, current)));
    }

    /** The SHA-256 {@link #currentSha256()} would give for {@code values} read from the target now. */
    public String currentSha256(List<Optional<RegValue>> values) {
        return sha256(canonical(currentJson(desired, values)));
    }

    /** @throws Invalid with a message naming what is wrong; {@code file} names the file in it */
    public static SavedPlan parse(String text, String file) {
        JsonNode doc;
        try {
            doc = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new Invalid(file + ": not a saved vipctl plan (not JSON: " + e.getOriginalMessage() + ")");
        }
        if (doc == null || !doc.isObject() || !KIND.equals(doc.path("kind").asText())) {
            throw new Invalid(file + ": not a saved vipctl plan (no \"kind\": \"" + KIND + "\")");
        }
        if (doc.path("format_version").asInt() != FORMAT_VERSION) {
            throw new Invalid(file + ": saved plan format " + doc.path("format_version") + " is not supported (this vipctl reads "
                    + FORMAT_VERSION + "); make the plan again with this vipctl");
        }
        ObjectNode body = ((ObjectNode) doc).deepCopy();
        String sum = body.path("sha256").asText("");
        body.remove("sha256");
        if (!sum.equals(sha256(canonical(body)))) {
            throw new Invalid(file + ": the plan file was changed after vipctl wrote it (its sha256 does not match"
                    + " its content); make a new plan");
        }
        try {
            Scope scope = Scope.valueOf(body.path("scope").asText().toUpperCase(java.util.Locale.ROOT));
            List<RegistryEntry> entries = new ArrayList<>();
            List<Optional<RegValue>> current = new ArrayList<>();
            JsonNode desiredNode = body.path("desired");
            JsonNode currentNode = body.path("current");
            if (!desiredNode.isArray() || !currentNode.isArray() || desiredNode.size() != currentNode.size()) {
                throw new IllegalArgumentException("desired and current must be arrays of the same length");
            }
            for (int i = 0; i < desiredNode.size(); i++) {
                JsonNode d = desiredNode.get(i);
                RegKey key = key(d);
                Provenance from = new Provenance(d.path("setting").asText(), d.path("policy").asText(),
                        Location.ofFile(d.path("source").asText()));
                JsonNode v = d.path("value");
                entries.add(v.isNull() ? new RegistryEntry.Delete(key, d.path("name").asText(), from)
                        : new RegistryEntry.Set(key, d.path("name").asText(), RegValueJson.fromJson(v), from));
                JsonNode c = currentNode.get(i);
                if (!key(c).equals(key) || !c.path("name").asText().equals(d.path("name").asText())) {
                    throw new IllegalArgumentException("current value " + i + " is not about desired entry " + i);
                }
                current.add(c.path("value").isNull() ? Optional.empty() : Optional.of(RegValueJson.fromJson(c.path("value"))));
            }
            SavedPlan p = new SavedPlan(body.path("target").asText(), scope, Instant.parse(body.path("created").asText()),
                    new RegistryState(scope, entries), current, (ObjectNode) body.path("plan"));
            if (!p.desiredSha256().equals(body.path("desired_sha256").asText())
                    || !p.currentSha256().equals(body.path("current_sha256").asText())) {
                throw new IllegalArgumentException("desired_sha256 or current_sha256 does not match");
            }
            return p;
        } catch (RuntimeException e) {
            throw new Invalid(file + ": not a usable saved plan: " + e.getMessage());
        }
    }

    private ObjectNode body() {
        ObjectNode b = JSON.createObjectNode();
        b.put("kind", KIND);
        b.put("format_version", FORMAT_VERSION);
        b.put("created", created.toString());
        b.put("target", target);
        b.put("scope", scope.label());
        b.put("desired_sha256", desiredSha256());
        b.put("current_sha256", currentSha256());
        b.set("desired", desiredJson(desired));
        b.set("current", currentJson(desired, current));
        b.set("plan", plan);
        return b;
    }

    private static ArrayNode desiredJson(RegistryState desired) {
        ArrayNode a = JSON.createArrayNode();
        for (RegistryEntry e : desired.entries()) {
            ObjectNode o = where(a.addObject(), e.key(), e.name());
            if (e instanceof RegistryEntry.Set s) {
                o.set("value", RegValueJson.toJson(s.value()));
            } else {
                o.putNull("value");
            }
            o.put("setting", e.from().settingId());
            o.put("policy", e.from().policyName());
            o.put("source", e.from().source().toString());
        }
        return a;
    }

    private static ArrayNode currentJson(RegistryState desired, List<Optional<RegValue>> values) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < desired.entries().size(); i++) {
            RegistryEntry e = desired.entries().get(i);
            ObjectNode o = where(a.addObject(), e.key(), e.name());
            Optional<RegValue> v = values.get(i);
            if (v.isPresent()) {
                o.set("value", RegValueJson.toJson(v.get()));
            } else {
                o.putNull("value");
            }
        }
        return a;
    }

    private static ObjectNode where(ObjectNode o, RegKey key, String name) {
        o.put("hive", key.hive().name());
        o.put("view", key.view().bits());
        o.put("key", key.path());
        o.put("name", name);
        return o;
    }

    private static RegKey key(JsonNode n) {
        Hive hive = Hive.parse(n.path("hive").asText()).orElseThrow(() -> new IllegalArgumentException("unknown hive " + n.path("hive")));
        return new RegKey(hive, View.ofBits(n.path("view").asInt()), n.path("key").asText());
    }

    private static byte[] canonical(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
