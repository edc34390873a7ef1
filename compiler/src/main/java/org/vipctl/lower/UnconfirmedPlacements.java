package org.vipctl.lower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;

/**
 * The values a scope writes to a place the catalog marks {@code unconfirmed} (the local-key name
 * of the RD IP Virtualization program list, for one): every command that writes or plans them
 * says so once per setting, with the way to override the placement.
 */
public final class UnconfirmedPlacements {

    /** One such setting, where a policy asks for it first. */
    public record Found(Setting setting, Placement placement, RegistryEntry entry, String why) {

        /** One line for people: what is written where, why it is uncertain, how to override it. */
        public String text() {
            return placement.valueName() + " is written to " + placement.key().hive() + "\\"
                    + placement.key().literalPath() + ", a place " + vendor() + " does not document: " + why;
        }

        public String hint() {
            return "if your servers use another place, repeat setting " + setting.id() + " with it in a catalog file"
                    + " and pass --catalog (docs/catalog.md, overriding an unconfirmed placement)";
        }

        private String vendor() {
            String v = setting.vendor();
            return v.isEmpty() ? "the vendor" : v.substring(0, 1).toUpperCase(Locale.ROOT) + v.substring(1);
        }
    }

    private UnconfirmedPlacements() {
    }

    public static List<Found> in(Catalog catalog, RegistryState state) {
        Map<String, Found> bySetting = new LinkedHashMap<>();
        for (RegistryEntry e : state.entries()) {
            Optional<Setting> s = catalog.byId(e.from().settingId());
            Optional<Placement> p = s.flatMap(x -> x.placement(state.scope()));
            if (p.isEmpty() || p.get().unconfirmed().isEmpty() || !p.get().key().id().equals(e.key().id())
                    || !p.get().valueName().equalsIgnoreCase(e.name())) {
                continue;
            }
            bySetting.putIfAbsent(s.get().id(), new Found(s.get(), p.get(), e,
                    p.get().unconfirmed().get().replaceAll("\\s+", " ").replaceAll("\\.$", "")));
        }
        return new ArrayList<>(bySetting.values());
    }

    /** As notes (VIP071) at the policy line that asks for each value. */
    public static List<Diagnostic> notes(Catalog catalog, RegistryState state) {
        return in(catalog, state).stream().map(f -> new Diagnostic(Severity.NOTE, Rule.UNCONFIRMED.id(),
                "(" + state.scope().label() + " scope) " + f.text(), f.hint(), f.entry().from().source(), List.of()))
                .toList();
    }
}
