"""The cold CI scenario's requests: what a CI job sends to a freshly started dbplane.

    python3 bench/cold-ci.py --harness http://127.0.0.1:18080 --planetscale http://127.0.0.1:18080/v1 \
        --harness-key pat.bench.k.secret --planetscale-auth id:pscale_tkn_... --check

Each of --connections workers keeps one kept-alive connection per base URL and runs the same cycle
of ten requests in order, so a get always follows its own create on the same connection: create a
Harness schema, create an instance in it, get the schema, get the instance, list the schema's
instances, list the project's schemas, create a PlanetScale database, get it, list the
organization's databases, then on every other cycle an error (a missing schema, 404; a database
name taken, 422) and on the others a second get of the database. --requests are shared out evenly
(1,000 over 8 connections by default). Prints one JSON object: the wall time from the first request
sent to the last answer, p50 and p99 of the requests' latencies, and counts of statuses; with
--check it also exits 1 when any status is not the one dbplane answers (a mock answers its own).
"""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse


class Base:
    """One base URL's kept-alive connection and its path prefix."""

    def __init__(self, url, headers):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.prefix = parts.hostname, parts.port or 80, parts.path.rstrip("/")
        self.headers = headers
        self.connection = None

    def send(self, method, path, body=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        data = None if body is None else json.dumps(body).encode()
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        try:
            self.connection.request(method, self.prefix + path, body=data, headers=headers)
            response = self.connection.getresponse()
            response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status
        except (OSError, http.client.HTTPException):
            self.close()
            return 0

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def cycle(worker, number, run, org, project, organization):
    """The ten requests of one cycle: (family, method, path, body, dbplane's status)."""
    schema = "ci_%s_s%d_%d" % (run, worker, number)
    instance = "ci_%s_i%d_%d" % (run, worker, number)
    database = ("ci-%s-d%d-%d" % (run, worker, number)).lower()
    schemas = "/v1/orgs/%s/projects/%s/dbschema" % (org, project)
    databases = "/organizations/%s/databases" % organization
    steps = [
        ("harness", "POST", schemas, {"identifier": schema, "name": "CI schema", "type": "Repository",
                                      "migrationType": "Liquibase",
                                      "changelog": {"connector": "ci_git", "location": "db/changelog.yaml",
                                                    "repo": "app"}}, 201),
        ("harness", "POST", "%s/%s/instance" % (schemas, schema),
         {"identifier": instance, "name": "CI instance", "connector": "ci_pg", "branch": "main",
          "context": "ci", "tags": {"env": "ci"}}, 201),
        ("harness", "GET", "%s/%s" % (schemas, schema), None, 200),
        ("harness", "GET", "%s/%s/instance/%s" % (schemas, schema, instance), None, 200),
        ("harness", "POST", "%s/%s/instancelist" % (schemas, schema), {}, 200),
        ("harness", "GET", schemas + "?limit=10", None, 200),
        ("planetscale", "POST", databases, {"name": database, "cluster_size": "PS_10"}, 201),
        ("planetscale", "GET", "%s/%s" % (databases, database), None, 200),
        ("planetscale", "GET", databases + "?per_page=10", None, 200),
    ]
    if number % 4 == 1:
        steps.append(("harness", "GET", "%s/%s_missing" % (schemas, schema), None, 404))
    elif number % 4 == 3:
        steps.append(("planetscale", "POST", databases, {"name": database, "cluster_size": "PS_10"}, 422))
    else:
        steps.append(("planetscale", "GET", "%s/%s" % (databases, database), None, 200))
    return steps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--harness", required=True, help="base URL of the Harness API")
    parser.add_argument("--planetscale", required=True, help="base URL of the PlanetScale API (ends in /v1 for dbplane)")
    parser.add_argument("--harness-key", required=True)
    parser.add_argument("--planetscale-auth", required=True, help="the Authorization header's value")
    parser.add_argument("--org", default="ci")
    parser.add_argument("--project", default="ci")
    parser.add_argument("--organization", default="bench")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--check", action="store_true", help="exit 1 unless every status is dbplane's")
    args = parser.parse_args()
    run = os.urandom(3).hex()
    statuses, unexpected, latencies = {}, [], []
    lock = threading.Lock()
    start = threading.Barrier(args.connections + 1)

    def work(worker, count):
        bases = {"harness": Base(args.harness, {"x-api-key": args.harness_key, "Accept": "application/json"}),
                 "planetscale": Base(args.planetscale, {"Authorization": args.planetscale_auth,
                                                        "Accept": "application/json"})}
        mine, seen, wrong = [], {}, []
        start.wait()
        sent, number = 0, 0
        while sent < count:
            for family, method, path, body, expected in cycle(worker, number, run, args.org, args.project,
                                                               args.organization):
                if sent == count:
                    break
                began = time.perf_counter()
                status = bases[family].send(method, path, body)
                mine.append(time.perf_counter() - began)
                seen[status] = seen.get(status, 0) + 1
                if status != expected:
                    wrong.append("%s %s -> %d (dbplane answers %d)" % (method, path, status, expected))
                sent += 1
            number += 1
        for base in bases.values():
            base.close()
        with lock:
            latencies.extend(mine)
            unexpected.extend(wrong)
            for status, n in seen.items():
                statuses[status] = statuses.get(status, 0) + n

    share = [args.requests // args.connections + (1 if i < args.requests % args.connections else 0)
             for i in range(args.connections)]
    threads = [threading.Thread(target=work, args=(i, share[i])) for i in range(args.connections)]
    for t in threads:
        t.start()
    start.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()

    def pct(p):
        return round(1000 * latencies[min(len(latencies) - 1, int(len(latencies) * p))], 2) if latencies else None

    print(json.dumps({"requests": len(latencies), "connections": args.connections, "wall_ms": round(1000 * wall),
                      "p50_ms": pct(0.50), "p99_ms": pct(0.99),
                      "statuses": {str(k): v for k, v in sorted(statuses.items())},
                      "unexpected": len(unexpected), "first_unexpected": unexpected[:5]}))
    if args.check and unexpected:
        sys.exit(1)


if __name__ == "__main__":
    main()
