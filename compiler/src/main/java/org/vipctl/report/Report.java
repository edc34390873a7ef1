package org.vipctl.report;

import java.util.List;

/**
 * What a set of policies does, as the document an admin attaches to a change request: per policy
 * the features in words, the target operating systems, the registry values of each output, the
 * Citrix settings, the loopback addresses sessions get, and what is not confirmed. Rendered as
 * Markdown ({@link MarkdownReport}) or one self-contained HTML file ({@link HtmlReport}).
 */
public record Report(String title, List<PolicySection> policies, List<String> unconfirmed, List<Finding> findings,
                     List<LoopbackRow> loopback) {

    public Report {
        policies = List.copyOf(policies);
        unconfirmed = List.copyOf(unconfirmed);
        findings = List.copyOf(findings);
        loopback = List.copyOf(loopback);
    }

    /** One policy: where it is, what it does in sentences, and its tables. */
    public record PolicySection(String name, String file, String description, List<String> does,
                                List<String> features, List<TargetRow> targets, List<ValueRow> local,
                                List<ValueRow> policy, List<CitrixRow> citrix) {
        public PolicySection {
            does = List.copyOf(does);
            features = List.copyOf(features);
            targets = List.copyOf(targets);
            local = List.copyOf(local);
            policy = List.copyOf(policy);
            citrix = List.copyOf(citrix);
        }
    }

    /** One target OS and, per feature the policy manages, whether that OS has it. */
    public record TargetRow(String os, List<String> support) {
        public TargetRow {
            support = List.copyOf(support);
        }
    }

    /** A registry value the policy sets or deletes; {@code data} is "(deleted)" for a deletion. */
    public record ValueRow(String key, String name, String type, String data, String setting) {
    }

    /** A Citrix policy setting or assignment of the exported Citrix policy. */
    public record CitrixRow(String what, String value) {
    }

    /** A warning or note of validation, in words. */
    public record Finding(String severity, String rule, String where, String message) {
    }

    /** Session n's loopback address by Citrix's and by Microsoft's reading. */
    public record LoopbackRow(long session, String citrix, String microsoft, boolean agree) {
    }
}
