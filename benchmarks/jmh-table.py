#!/usr/bin/env python3
"""Markdown table of JMH JSON results (java -jar benchmarks.jar ... -rf json -rff FILE), for benchmarks/README.md.

usage: benchmarks/jmh-table.py FILE.json...

One row per benchmark cell: its parameters, MB/s (the `megabytes` auxiliary counter, see Throughput.java) with
its 99.9% error when the benchmark has one, and the primary score in its own unit.
"""
import json
import sys


def main(paths):
    if not paths:
        sys.exit(__doc__)
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        if not data:
            continue
        keys = list(data[0].get("params", {}))
        print("| benchmark | " + " | ".join(keys) + " | MB/s | +- MB/s | score | unit |")
        print("|---|" + "---|" * len(keys) + "---:|---:|---:|---|")
        for r in data:
            p = r.get("params", {})
            mb = r.get("secondaryMetrics", {}).get("megabytes")
            primary = r["primaryMetric"]
            print("| %s | %s | %s | %s | %.3f | %s |" % (
                ".".join(r["benchmark"].split(".")[-2:]), " | ".join(p.get(k, "") for k in keys),
                "%.2f" % mb["score"] if mb else "", "%.2f" % mb["scoreError"] if mb else "",
                primary["score"], primary["scoreUnit"]))
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
