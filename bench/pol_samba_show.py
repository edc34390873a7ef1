#!/usr/bin/python3
"""The Samba side of bench/pol.sh: parse a Registry.pol with Samba's PReg parser (python3-samba) and
print the records in the same LGPO text form as 'vipctl pol show'.
usage: pol_samba_show.py FILE"""
import struct
import sys
from samba.dcerpc import preg
from samba.ndr import ndr_unpack

def action(e):
    name, t, d = e.valuename, e.type, e.data
    if name.lower().startswith('**del.'):
        return name[6:], 'DELETE'
    if t == 4:
        return name, 'DWORD:%d' % d
    if t == 1:
        return name, 'SZ:' + d
    if t == 2:
        return name, 'EXSZ:' + d
    if t == 11:
        return name, 'QWORD:%d' % (d if isinstance(d, int) else struct.unpack('<Q', bytes(d))[0])
    if t == 7:
        items = d if isinstance(d, list) else bytes(d).decode('utf-16-le').rstrip('\0').split('\0')
        return name, 'MULTISZ:' + '\\0'.join(x.replace('\\', '\\\\') for x in items)
    return name, 'BINARY:' + bytes(d).hex()

def main():
    raw = open(sys.argv[1], 'rb').read()
    f = ndr_unpack(preg.file, raw)
    w = sys.stdout.write
    w('; Registry.pol %s (Computer)\n\n' % sys.argv[1])
    for e in f.entries:
        name, act = action(e)
        w('Computer\n%s\n%s\n%s\n\n' % (e.keyname, name or '@', act))
    w('; %d records\n' % len(f.entries))

main()
