#!/usr/bin/env python3
"""Writes a synthetic PolicyDefinitions store for benchmarks: N copies of the given template folders'
ADMX/ADML files, each copy with its own file names and target namespaces (rewritten consistently in
its `using` elements), so the store is as valid as the originals and as large as asked. Each file
keeps its original encoding (UTF-16LE with BOM, UTF-8 with or without BOM) and its root element's
namespace form, so a store built from ../shared/reference/admx-quirks has every variant Windows ships.

    make-synthetic-store.py N OUT_DIR TEMPLATE_DIR...
"""
import codecs
import pathlib
import re
import sys


def read(path):
    b = path.read_bytes()
    if b.startswith(codecs.BOM_UTF16_LE):
        return b[2:].decode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE
    if b.startswith(codecs.BOM_UTF8):
        return b[3:].decode("utf-8"), "utf-8", codecs.BOM_UTF8
    return b.decode("utf-8"), "utf-8", b""


def write(path, text, encoding, bom):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bom + text.encode(encoding))


def main():
    copies, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    dirs = [pathlib.Path(d) for d in sys.argv[3:]]
    admx = sorted(f for d in dirs for f in d.glob("*.admx"))
    targets = set()
    for f in admx:
        m = re.search(r'<target[^>]*namespace="([^"]+)"', read(f)[0])
        targets.add(m.group(1))
    for i in range(copies):
        def rename(text):
            return re.sub(r'namespace="([^"]+)"',
                          lambda m: 'namespace="%s.Copy%d"' % (m.group(1), i) if m.group(1) in targets else m.group(0),
                          text)
        for f in admx:
            text, enc, bom = read(f)
            write(out / ("%s_%d.admx" % (f.stem, i)), rename(text), enc, bom)
        for d in dirs:
            for lang in (x for x in d.iterdir() if x.is_dir()):
                for f in lang.glob("*.adml"):
                    text, enc, bom = read(f)
                    write(out / lang.name / ("%s_%d.adml" % (f.stem, i)), text, enc, bom)
    print("wrote %d ADMX files and their ADML files to %s" % (copies * len(admx), out))


if __name__ == "__main__":
    main()
