package org.vipctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.admx.AdmxEmitter;
import org.vipctl.emit.admx.IntuneEmitter;
import org.vipctl.emit.citrix.CitrixEmitter;
import org.vipctl.emit.reg.RegEmitter;

/** Every output format {@code compile --emit} knows, in the order they run. */
final class Emitters {

    private Emitters() {
    }

    static Map<String, Emitter> all() {
        List<Emitter> list = new ArrayList<>();
        list.add(new RegEmitter());
        list.add(new CitrixEmitter());
        list.add(new AdmxEmitter());
        list.add(new IntuneEmitter());
        list.add(new org.vipctl.emit.gpobackup.GpoBackupEmitter());
        list.add(new org.vipctl.emit.ansible.AnsibleEmitter());
        list.add(new org.vipctl.emit.dsc.DscEmitter());
        // last: with --gpo-dir they update a folder in place, which they skip once another writer has failed
        list.add(new org.vipctl.emit.pol.PolEmitter());
        list.add(new org.vipctl.emit.pol.GpoEmitter());
        Map<String, Emitter> byName = new LinkedHashMap<>();
        list.forEach(e -> byName.put(e.name(), e));
        return byName;
    }
}
