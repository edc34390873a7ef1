package org.vipctl.model;

import org.vipctl.diagnostic.Location;

/** A value with the place it was written. */
public record Located<T>(T value, Location at) {
}
