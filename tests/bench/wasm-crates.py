"""Where a wasm binary's bytes go, per crate: `twiggy top --format csv` of a build whose
function names were kept (`wasm-opt -Oz -g`), each function counted under the crate its
name starts with. Generic code counts under the crate that defines it (tachys, core,
reactive_graph), though the views that instantiate it are the app's.

    python3 tests/bench/wasm-crates.py twiggy.csv [more.csv ...]

prints one Markdown table, a column per file, in KB (1,024 bytes) of the binary without
its name section.
"""

import collections
import csv
import re
import sys


def crate_of(name):
    if name.startswith("data segment") or name.startswith("data["):
        return "data (texts, tables)"
    if "section" in name:
        return None  # names and custom sections: not shipped
    match = re.match(r"^<?&?(?:mut )?(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if not match and name.startswith("<"):
        match = re.search(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if match:
        return match.group(1)
    return "other (imports, exports, tables, unnamed)"


def sizes(path):
    counts = collections.Counter()
    with open(path, newline="") as file:
        for row in csv.DictReader(file):
            name = row["Name"]
            if name.startswith("Σ") or name.startswith("..."):
                continue
            crate = crate_of(name)
            if crate:
                counts[crate] += int(row["ShallowSize"])
    return counts


def main(paths):
    columns = [sizes(p) for p in paths]
    totals = [sum(c.values()) for c in columns]
    order = sorted(set().union(*columns), key=lambda k: -max(c[k] for c in columns))
    names = [p.rsplit("/", 1)[-1].removesuffix(".csv") for p in paths]
    print("| crate | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(paths))
    shown = [k for k in order if max(c[k] for c in columns) >= 4096]
    for crate in shown:
        cells = [f"{c[crate] / 1024:.1f} ({100 * c[crate] / t:.0f}%)" for c, t in zip(columns, totals)]
        print(f"| {crate} | " + " | ".join(cells) + " |")
    rest = [sum(c[k] for k in order if k not in shown) for c in columns]
    print("| the rest | " + " | ".join(f"{r / 1024:.1f}" for r in rest) + " |")
    print("| **total** | " + " | ".join(f"**{t / 1024:.1f}**" for t in totals) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
