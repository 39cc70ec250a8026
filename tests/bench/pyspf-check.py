"""pyspf (with dnspython) evaluating one SPF check_host for the benchmark.

Usage: pyspf-check.py IP SENDER DNS_HOST DNS_PORT. All DNS goes to DNS_HOST:DNS_PORT
(the benchmark's delaying forwarder in front of the test stack's dnsdist). Prints one
JSON line: the result and the evaluation's own time (without the interpreter's start).
"""

import json
import sys
import time

import dns.resolver
import spf


def main():
    ip, sender, host, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [host]
    resolver.port = port
    # pyspf asks through dnspython's module-level resolver.
    dns.resolver.default_resolver = resolver
    started = time.perf_counter()
    result, explanation = spf.check2(i=ip, s=sender, h=sender.split("@")[-1])
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"result": result, "explanation": explanation, "evalMs": elapsed_ms}))


main()
