"""Turns one bench/run's raw wrk and pgbench outputs into a table and a JSON file."""
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


def main():
    out, startup_ms, rss_kib, concurrencies = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
    cases = sorted({re.match(r"wrk-(.+)-\d+\.txt", os.path.basename(p)).group(1)
                    for p in glob.glob(os.path.join(out, "wrk-*.txt"))})
    limits = {os.path.basename(p).rsplit("-", 1)[0].replace("pgbench-", ""): None
              for p in glob.glob(os.path.join(out, "pgbench-*"))}
    report = {"startup_ms": startup_ms, "rss_mib": round(rss_kib / 1024, 1), "cases": {}, "pgbench": {}}
    for name in limits:
        report["pgbench"][name] = {n: parse_pgbench(os.path.join(out, "pgbench-%s-%s" % (name, n)))
                                   for n in concurrencies}
    for case in cases:
        report["cases"][case] = {n: parse_wrk(os.path.join(out, "wrk-%s-%s.txt" % (case, n))) for n in concurrencies}
        limit = report["pgbench"].get(case)
        for n in concurrencies:
            if limit and limit[n]["tps"]:
                report["cases"][case][n]["ratio_to_pgbench"] = round(report["cases"][case][n]["rps"] / limit[n]["tps"], 3)
        if limit:
            best_dbplane = max(r["rps"] for r in report["cases"][case].values())
            best_pgbench = max(r["tps"] for r in limit.values())
            report["cases"][case]["best_ratio_to_pgbench"] = round(best_dbplane / best_pgbench, 3)

    def fmt(v, spec="%.1f"):
        return "-" if v is None else spec % v

    print()
    print("%-30s %5s %10s %9s %9s %7s %8s %9s" % ("case", "conns", "req/s", "p50 ms", "p99 ms", "errors", "vs pgb",
                                                 "cpu ms/r"))
    for case in cases:
        for n in concurrencies:
            r = report["cases"][case][n]
            print("%-30s %5s %10.0f %9s %9s %7d %8s %9s" % (case, n, r["rps"], fmt(r["p50_ms"], "%.2f"),
                                                            fmt(r["p99_ms"], "%.2f"), r["errors"],
                                                            fmt(r.get("ratio_to_pgbench"), "%.2f"),
                                                            fmt(r.get("cpu_ms_per_request"), "%.2f")))
    for name, rows in report["pgbench"].items():
        for n in concurrencies:
            r = rows[n]
            print("%-30s %5s %10.0f %9s %9s %7d %8s" % ("pgbench " + name, n, r["tps"], fmt(r["p50_ms"], "%.2f"),
                                                        fmt(r["p99_ms"], "%.2f"), r["errors"], ""))
    for case in cases:
        if "best_ratio_to_pgbench" in report["cases"][case]:
            print("best %s / best pgbench: %.2f" % (case, report["cases"][case]["best_ratio_to_pgbench"]))
    print("start-up to healthy: %d ms; resident memory after load: %.0f MiB" % (startup_ms, report["rss_mib"]))
    path = os.path.join(out, "results.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
    print("written to", path)


if __name__ == "__main__":
    main()
