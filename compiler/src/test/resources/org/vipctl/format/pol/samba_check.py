#!/usr/bin/python3
"""Reads Registry.pol files with Samba's PReg parser (python3-samba) and repacks them.
Prints one line per file: 'OK <records>' when the repack is byte-identical, 'DIFF <records>' otherwise,
followed by one line per record: key<TAB>value name<TAB>type (names hex-escaped to keep the lines clean)."""
import sys
from samba.dcerpc import preg
from samba.ndr import ndr_unpack, ndr_pack

def esc(s):
    return s.encode('utf-16-le', 'surrogatepass').hex()

for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    f = ndr_unpack(preg.file, raw)
    print('%s %d' % ('OK' if ndr_pack(f) == raw else 'DIFF', len(f.entries)))
    for e in f.entries:
        print('%s\t%s\t%d' % (esc(e.keyname), esc(e.valuename), e.type))
