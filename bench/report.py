"""Turns one bench/run's raw outputs (per JVM: cold CI scenarios, wrk; once: pgbench, Prism) into
tables and a JSON file."""
import glob
import json
import os
import re
import sys


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(path):
    text = open(path).read()
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "errors": 0}
    for pct in ("50", "99"):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % pct, text, re.M)
        result["p" + pct + "_ms"] = ms(*m.groups()) if m else None
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if m:
        result["errors"] += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        result["errors"] += sum(int(x) for x in m.groups())
    result["requests"] = int(re.search(r"(\d+) requests in", text).group(1))
    cpu = path.replace("wrk-", "cpu-")
    if os.path.exists(cpu) and result["requests"]:
        ticks, hz = (int(x) for x in open(cpu).read().split())
        result["cpu_ms_per_request"] = round(1000.0 * ticks / hz / result["requests"], 3)
    return result


def parse_pgbench(directory):
    summary = open(os.path.join(directory, "summary.txt")).read()
    m = re.search(r"tps = ([\d.]+)", summary)
    failed = re.search(r"number of failed transactions: (\d+)", summary)
    latencies = []
    for log in glob.glob(os.path.join(directory, "tx*")):
        for line in open(log):
            parts = line.split()
            if len(parts) >= 3 and parts[2].isdigit():
                latencies.append(int(parts[2]) / 1000.0)
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else None

    return {"tps": float(m.group(1)) if m else 0.0, "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "errors": int(failed.group(1)) if failed else 0}


def read(path, default=None):
    return open(path).read().strip() if os.path.exists(path) else default


def fmt(v, spec="%.1f"):
    return "-" if v is None else spec % v


def main():
    out, concurrencies = sys.argv[1], sys.argv[2].split()
    report = {"load": read(os.path.join(out, "load.txt")), "jvms": {}, "pgbench": {}}
    for directory in sorted(glob.glob(os.path.join(out, "pgbench-*"))):
        name, n = os.path.basename(directory).replace("pgbench-", "").rsplit("-", 1)
        report["pgbench"].setdefault(name, {})[n] = parse_pgbench(directory)
    prism = os.path.join(out, "prism-cold.json")
    report["prism_cold"] = json.load(open(prism)) if os.path.exists(prism) else None

    for jvm_dir in sorted(d for d in glob.glob(os.path.join(out, "*")) if os.path.exists(os.path.join(d, "jvm.txt"))):
        jvm = {"java": read(os.path.join(jvm_dir, "jvm.txt")).replace("\n", ": "), "cold": {}, "cases": {}}
        for mode in ("local-jar", "local-launcher", "embedded-launcher", "local-launcher-ci", "embedded-launcher-ci",
                     "local-launcher-ci-fresh"):
            path = os.path.join(jvm_dir, "cold-%s.json" % mode)
            if os.path.exists(path):
                jvm["cold"][mode] = json.load(open(path))
        startup = read(os.path.join(jvm_dir, "startup-ms.txt"))
        rss = read(os.path.join(jvm_dir, "rss-kib.txt"))
        jvm["startup_ms"] = int(startup) if startup else None
        jvm["rss_mib"] = round(int(rss) / 1024, 1) if rss else None
        cases = sorted({re.match(r"wrk-(.+)-\d+\.txt", os.path.basename(p)).group(1)
                        for p in glob.glob(os.path.join(jvm_dir, "wrk-*.txt"))})
        for case in cases:
            rows = {n: parse_wrk(os.path.join(jvm_dir, "wrk-%s-%s.txt" % (case, n))) for n in concurrencies}
            limit = report["pgbench"].get(case)
            for n in concurrencies:
                if limit and n in limit and limit[n]["tps"]:
                    rows[n]["ratio_to_pgbench"] = round(rows[n]["rps"] / limit[n]["tps"], 3)
            jvm["cases"][case] = rows
            if limit:
                jvm["cases"][case + " (best / best pgbench)"] = round(
                    max(r["rps"] for r in rows.values()) / max(r["tps"] for r in limit.values()), 3)
        report["jvms"][os.path.basename(jvm_dir)] = jvm

    print()
    print(report["load"] or "")
    print()
    print("cold CI: launch, healthy, 1,000 mixed requests over 8 connections, stop")
    print("%-56s %10s %12s %9s %8s %9s" % ("server", "healthy ms", "requests ms", "p99 ms", "stop ms", "total ms"))
    rows = []
    for name, jvm in report["jvms"].items():
        for mode, c in jvm["cold"].items():
            rows.append(("%s, %s PostgreSQL" % (name, mode), c))
    if report["prism_cold"]:
        rows.append(("Prism (mock of the vendors' documents)", report["prism_cold"]))
    for label, c in rows:
        print("%-56s %10d %12d %9s %8d %9d" % (label, c["start_to_healthy_ms"], c["requests_ms"],
                                               fmt(c["p99_ms"], "%.1f"), c["stop_ms"], c["total_ms"]))
    if report["prism_cold"]:
        for label, c in rows[:-1]:
            print("Prism total / %s total: %.1f" % (label, report["prism_cold"]["total_ms"] / c["total_ms"]))

    for name, jvm in report["jvms"].items():
        if not jvm["cases"]:
            continue
        print()
        print(jvm["java"])
        print("%-30s %5s %10s %9s %9s %7s %8s %9s" % ("case", "conns", "req/s", "p50 ms", "p99 ms", "errors",
                                                     "vs pgb", "cpu ms/r"))
        for case, rows_ in jvm["cases"].items():
            if not isinstance(rows_, dict):
                continue
            for n in concurrencies:
                r = rows_[n]
                print("%-30s %5s %10.0f %9s %9s %7d %8s %9s" % (case, n, r["rps"], fmt(r["p50_ms"], "%.2f"),
                                                                fmt(r["p99_ms"], "%.2f"), r["errors"],
                                                                fmt(r.get("ratio_to_pgbench"), "%.2f"),
                                                                fmt(r.get("cpu_ms_per_request"), "%.2f")))
        for case, ratio in jvm["cases"].items():
            if not isinstance(ratio, dict):
                print("%s: %.2f" % (case, ratio))
        print("start-up to healthy: %s ms; resident memory after load: %s MiB" % (jvm["startup_ms"],
                                                                                  fmt(jvm["rss_mib"], "%.0f")))
    if report["pgbench"]:
        print()
        for name, rows_ in report["pgbench"].items():
            for n in concurrencies:
                r = rows_.get(n)
                if r:
                    print("%-30s %5s %10.0f %9s %9s %7d" % ("pgbench " + name, n, r["tps"], fmt(r["p50_ms"], "%.2f"),
                                                            fmt(r["p99_ms"], "%.2f"), r["errors"]))
    path = os.path.join(out, "results.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
    print("written to", path)


if __name__ == "__main__":
    main()
