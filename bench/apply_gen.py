#!/usr/bin/env python3
"""Inputs for bench/apply.sh: a .reg file of a given size as regedit writes one (UTF-16LE with BOM,
CRLF, keys with DWORD, string and hex(7) values) and a policy that sets N custom registry values.

usage: apply_gen.py DIR MEGABYTES VALUES
writes DIR/big.reg and DIR/values.yaml
"""
import os
import sys

out, megabytes, values = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
target = int(megabytes * 1_000_000)

lines = ["Windows Registry Editor Version 5.00", ""]
size = 2 + (len(lines[0]) + 2) * 2 + 4
k = 0
while size < target:
    block = ["[HKEY_LOCAL_MACHINE\\SOFTWARE\\Bench\\Vendor%03d\\Product%05d]" % (k % 997, k)]
    for v in range(8):
        block.append('"Setting%02d"=dword:%08x' % (v, (k * 8 + v) & 0xFFFFFFFF))
    block.append('"Path"="C:\\\\Program Files\\\\Bench\\\\Product%05d"' % k)
    block.append('"Servers"=hex(7):73,00,31,00,00,00,73,00,32,00,00,00,00,00')
    block.append("")
    lines.extend(block)
    size += sum((len(l) + 2) * 2 for l in block)
    k += 1
with open(os.path.join(out, "big.reg"), "wb") as f:
    f.write(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le"))

with open(os.path.join(out, "values.yaml"), "w") as f:
    f.write("apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata: {name: bench-values}\n"
            "targets: {os: [windowsServer2022]}\nspec:\n  registry:\n")
    for i in range(values):
        f.write("    - {key: 'HKLM\\SOFTWARE\\Bench\\Applied\\Group%02d', name: Value%05d, type: REG_DWORD, data: %d}\n"
                % (i // 100, i, i))
