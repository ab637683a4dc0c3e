#!/usr/bin/env python3
"""colliding_keys.py N [BITS] - N YAML keys that all collide in an FNV-1a table.

Prints a roadmap whose unknown top-level key holds a mapping of N distinct
keys whose 64-bit FNV-1a hashes (the hash key tables used before they were
keyed per process) agree in their low BITS bits (default 20), so that in a
table of up to 2**BITS slots they all share one probe run: each insertion
then scans every key before it, which is what a hash-flooding file does.

How: FNV-1a ends each byte with h = (h ^ byte) * PRIME mod 2**64, and the
low bits of a product depend only on the low bits of its factors, so the
low BITS bits can be steered backwards from the target through the last
bytes of a key: a table maps the middle bits of the state three bytes
before the end to the suffixes that reach the target from it, and each
prefix looks its state up there and picks the byte that fixes the rest."""
import sys

OFFSET, PRIME = 14695981039346656037, 1099511628211
ALPHABET = b"abcdefghijklmnopqrstuvwxyz0123456789"


def fnv(data, h=OFFSET):
    for b in data:
        h = ((h ^ b) * PRIME) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    n = int(sys.argv[1])
    bits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    mask = (1 << bits) - 1
    inv = pow(PRIME, -1, 1 << bits)
    target = 0x5A5A5 & mask
    # Backwards from the target through the last three bytes c2, c3, c4:
    # the state z (low bits) before them, for each suffix; indexed by the
    # bits of z above the low 8.
    table = {}
    for c4 in ALPHABET:
        x4 = ((target * inv) & mask) ^ c4
        for c3 in ALPHABET:
            x3 = ((x4 * inv) & mask) ^ c3
            for c2 in ALPHABET:
                z = ((x3 * inv) & mask) ^ c2   # the state after c1, before c2
                table.setdefault(z >> 8, []).append((z & 0xFF, bytes((c2, c3, c4))))
    keys = []
    i = 0
    while len(keys) < n:
        prefix = b"k%x" % i
        i += 1
        h = fnv(prefix) & mask
        # One free byte c1 before the suffix: (h ^ c1) * PRIME must be a
        # state some suffix leads from to the target.
        for c1 in ALPHABET:
            z = ((h ^ c1) * PRIME) & mask
            for low, suffix in table.get(z >> 8, ()):
                if low == z & 0xFF:
                    keys.append(prefix + bytes((c1,)) + suffix)
                    break
            else:
                continue
            break
    out = sys.stdout.buffer
    out.write(b"roadmap: 1\nproduct: Flood\nsegment: Everyone\nflood:\n")
    for k in keys:
        out.write(b"  " + k + b": 1\n")


if __name__ == "__main__":
    main()
