#!/usr/bin/env python3
"""Writes a synthetic Registry.pol: N records of mixed types (DWORD, SZ, EXPAND_SZ, MULTI_SZ,
BINARY, QWORD) and **del. records, laid out as MS-GPREG 2.2.1 describes. Standard library only.
usage: pol_gen.py OUT [N]"""
import struct
import sys

def s(text):
    return (text + '\0').encode('utf-16-le')

def record(key, name, typ, data):
    return (b'[\0' + s(key) + b';\0' + s(name) + b';\0' + struct.pack('<I', typ) + b';\0'
            + struct.pack('<I', len(data)) + b';\0' + data + b']\0')

def main():
    out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    parts = [b'PReg', struct.pack('<I', 1)]
    for i in range(n):
        key = 'SOFTWARE\\Policies\\Vendor\\Product %04d\\G%03d' % (i // 50, i % 97)
        kind = i % 8
        if kind == 0:
            parts.append(record(key, 'Dword%06d' % i, 4, struct.pack('<I', i)))
        elif kind == 1:
            parts.append(record(key, 'String%06d' % i, 1, s('server%06d.contoso.example;port=%d' % (i, i % 65536))))
        elif kind == 2:
            parts.append(record(key, 'Expand%06d' % i, 2, s('%%ProgramData%%\\Vendor\\Product\\%06d' % i)))
        elif kind == 3:
            parts.append(record(key, 'Multi%06d' % i, 7, s('a%06d.exe' % i) + s('b%06d.exe' % i) + b'\0\0'))
        elif kind == 4:
            parts.append(record(key, 'Binary%06d' % i, 3, bytes((i + j) % 256 for j in range(24))))
        elif kind == 5:
            parts.append(record(key, 'Qword%06d' % i, 11, struct.pack('<Q', i * 1000003)))
        else:
            parts.append(record(key, '**del.Removed%06d' % i, 1, s(' ')))
    with open(out, 'wb') as f:
        f.write(b''.join(parts))

main()
