package org.vipctl.detect;

import java.util.List;
import java.util.Optional;
import org.vipctl.model.TargetOs;

/**
 * What the proposed policy is called and aimed at.
 *
 * @param name {@code metadata.name}
 * @param os {@code targets.os}; empty leaves targets out (a note in validate)
 * @param networkAdapter the RD IP virtualization adapter in CIDR form; empty to take it from the capture
 */
public record ProposalOptions(String name, List<TargetOs> os, Optional<String> networkAdapter) {

    public ProposalOptions {
        os = List.copyOf(os);
    }
}
