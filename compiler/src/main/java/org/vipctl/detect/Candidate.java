package org.vipctl.detect;

import java.util.List;
import java.util.Set;

/** A program that needs virtual IP or virtual loopback, with the evidence. */
public record Candidate(String program, Certainty certainty, Set<Need> needs, List<PortEvidence> evidence,
                        List<ClientLink> clients) {

    public Candidate {
        needs = Set.copyOf(needs);
        evidence = List.copyOf(evidence);
        clients = List.copyOf(clients);
    }
}
