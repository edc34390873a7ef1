package org.vipctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.admx.AdmxEmitter;
import org.vipctl.emit.admx.IntuneEmitter;
import org.vipctl.emit.citrix.CitrixEmitter;
import org.vipctl.emit.pol.GpoEmitter;
import org.vipctl.emit.pol.PolEmitter;
import org.vipctl.emit.reg.RegEmitter;

/** Every output format {@code compile --emit} knows, in the order they run: one line per format. */
final class Emitters {

    /** The formats that make a GPO folder; with {@code --gpo-dir} they update that folder instead. */
    static final Set<String> GPO_FORMATS = Set.of("pol", "gpo");

    private Emitters() {
    }

    static Map<String, Emitter> all() {
        List<Emitter> list = new ArrayList<>();
        list.add(new RegEmitter());
        list.add(new CitrixEmitter());
        list.add(new AdmxEmitter());
        list.add(new IntuneEmitter());
        list.add(new PolEmitter());
        list.add(new GpoEmitter());
        Map<String, Emitter> byName = new LinkedHashMap<>();
        list.forEach(e -> byName.put(e.name(), e));
        return byName;
    }
}
