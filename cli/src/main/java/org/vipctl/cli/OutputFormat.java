package org.vipctl.cli;

/** {@code --format} of the commands that print results: text for people, JSON for machines. */
enum OutputFormat {
    TEXT, JSON
}
