#!/usr/bin/env python3
"""Writes the DNS wire-format seeds of fuzz/corpus/dns_wire/: real response messages as a
resolver sends them (compressed names, several record types). `python3 make_dns_seeds.py`;
the output is committed, so this only needs running again to change the seeds."""

import struct
from pathlib import Path

OUT = Path(__file__).resolve().parent / "corpus" / "dns_wire"
QNAME_OFFSET = 12  # the question name follows the 12-byte header
PTR = struct.pack(">H", 0xC000 | QNAME_OFFSET)
COM = struct.pack(">H", 0xC000 | (QNAME_OFFSET + 8))  # "com" of "contoso.com"


def name(text):
    """An uncompressed name; drop its final zero octet to end it with a pointer instead."""
    out = b""
    for label in text.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def header(flags, qd, an, ns=0, ar=0, ident=0):
    return struct.pack(">HHHHHH", ident, flags, qd, an, ns, ar)


def question(qname, qtype):
    return name(qname) + struct.pack(">HH", qtype, 1)


def rr(owner, rtype, ttl, rdata):
    return owner + struct.pack(">HHIH", rtype, 1, ttl, len(rdata)) + rdata


def txt(*strings):
    out = b""
    for s in strings:
        b = s.encode()
        out += bytes([len(b)]) + b
    return out


def message(qname, qtype, answers, flags=0x8180, ns=0):
    return header(flags, 1, len(answers), ns) + question(qname, qtype) + b"".join(answers)


SEEDS = {
    # TXT contoso.com: an SPF record split over two strings, a verification token, DMARC-like noise.
    "txt_spf.bin": message("contoso.com", 16, [
        rr(PTR, 16, 3600, txt("v=spf1 ip4:192.0.2.0/24 include:spf.protection",
                              ".outlook.com -all")),
        rr(PTR, 16, 3600, txt("MS=ms12345678")),
    ]),
    # MX contoso.com: Exchange Online Protection, the exchange's "com" compressed onto the question's.
    "mx_eop.bin": message("contoso.com", 15, [
        rr(PTR, 15, 3600, struct.pack(">H", 0)
           + name("contoso-com.mail.protection.outlook")[:-1] + COM),
    ]),
    # A relay.contoso.com with a CNAME in front of it.
    "a_cname.bin": message("relay.contoso.com", 1, [
        rr(PTR, 5, 300, b"\x04smtp" + struct.pack(">H", 0xC000 | (QNAME_OFFSET + 6))),
        rr(b"\x04smtp" + struct.pack(">H", 0xC000 | (QNAME_OFFSET + 6)), 1, 300,
           bytes([203, 0, 113, 25])),
        rr(PTR, 28, 300, bytes.fromhex("20010db8000000000000000000000019")),
    ]),
    # NXDOMAIN with an SOA in the authority section, truncated flag set.
    "nxdomain.bin": header(0x8383, 1, 0, 1) + question("_dmarc.example.net", 16)
    + rr(name("example.net"), 6, 900,
         name("ns1.example.net") + name("hostmaster.example.net")
         + struct.pack(">IIIII", 2026112801, 7200, 900, 1209600, 300)),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for file, data in SEEDS.items():
        (OUT / file).write_bytes(data)
        print(f"{file}: {len(data)} bytes")


if __name__ == "__main__":
    main()
