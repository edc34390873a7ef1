#!/usr/bin/env python3
"""Writes a synthetic PolicyDefinitions store for benchmarks: N copies of the reference ADMX/ADML
files, each copy with its own file names and target namespaces (rewritten consistently in its
`using` elements), so the store is as valid as the reference files and as large as asked.

    make-synthetic-store.py REFERENCE_DIR N OUT_DIR
"""
import pathlib
import re
import sys


def main():
    ref, copies, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
    admx = sorted(ref.glob("*.admx"))
    langs = [d for d in ref.iterdir() if d.is_dir()]
    targets = set()
    for f in admx:
        m = re.search(r'<target[^>]*namespace="([^"]+)"', f.read_text(encoding="utf-8-sig"))
        targets.add(m.group(1))
    for i in range(copies):
        def rename(text):
            return re.sub(r'namespace="([^"]+)"',
                          lambda m: 'namespace="%s.Copy%d"' % (m.group(1), i) if m.group(1) in targets else m.group(0),
                          text)
        for f in admx:
            target = out / ("%s_%d.admx" % (f.stem, i))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rename(f.read_text(encoding="utf-8-sig")), encoding="utf-8")
        for d in langs:
            for f in d.glob("*.adml"):
                target = out / d.name / ("%s_%d.adml" % (f.stem, i))
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(f.read_text(encoding="utf-8-sig"), encoding="utf-8")
    print("wrote %d ADMX files and their ADML files to %s" % (copies * len(admx), out))


if __name__ == "__main__":
    main()
