// Set methods of newer JavaScript engines (union, intersection, ...) for an older Node.js, loaded with
// node -r before gitlab-ci-local, whose current releases use them at start-up.
for (const [name, fn] of Object.entries({
  union(o) { const r = new Set(this); for (const x of o) r.add(x); return r; },
  intersection(o) { const r = new Set(); for (const x of this) if (o.has(x)) r.add(x); return r; },
  difference(o) { const r = new Set(); for (const x of this) if (!o.has(x)) r.add(x); return r; },
  symmetricDifference(o) { const r = new Set(this); for (const x of o) { if (this.has(x)) r.delete(x); else r.add(x); } return r; },
  isSubsetOf(o) { for (const x of this) if (!o.has(x)) return false; return true; },
  isSupersetOf(o) { for (const x of o) if (!this.has(x)) return false; return true; },
  isDisjointFrom(o) { for (const x of this) if (o.has(x)) return false; return true; },
})) { if (!Set.prototype[name]) Object.defineProperty(Set.prototype, name, { value: fn, writable: true, configurable: true }); }
