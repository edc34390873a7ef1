package org.vipctl.admx.lint;

import java.util.List;
import org.vipctl.diagnostic.Location;

/** What lint reads from one ADML file: its revision, string ids and presentations. */
record AdmlDoc(Location at, String revision, boolean hasResources, List<Id> strings,
               List<Presentation> presentations, List<AdmxDoc.Unexpected> unexpected) {

    record Id(String id, Location at) {
    }

    record Presentation(String id, Location at, List<Control> controls) {
    }

    /** A control; {@code refId} is empty for plain text. */
    record Control(String name, String refId, Location at) {
    }
}
