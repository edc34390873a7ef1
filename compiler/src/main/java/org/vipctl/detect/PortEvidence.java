package org.vipctl.detect;

import java.util.List;
import java.util.Set;

/**
 * What a program was seen doing on one port: where it listened, in which instances, and which rule
 * that meets.
 *
 * @param addresses the local addresses the port was bound to, as the captures print them
 * @param origins where in the captures the rows are ({@code file:line})
 */
public record PortEvidence(Protocol protocol, int port, Certainty certainty, String rule, Set<Need> needs,
                           List<String> addresses, List<Instance> instances, List<String> origins) {

    public PortEvidence {
        needs = Set.copyOf(needs);
        addresses = List.copyOf(addresses);
        instances = List.copyOf(instances);
        origins = List.copyOf(origins);
    }
}
