"""The data plane's figures: how long a branch takes from create to ready, and how fast credentials
are made, against a running dbplane whose provisioning delay is 0 (so readiness is the real work).

    python3 bench/provisioning.py --url http://127.0.0.1:18080 --auth id:pscale_tkn_... \
        --organization bench --branches 40 --credentials 200 --connections 4

Creates a PostgreSQL database (and a MySQL one when --mysql), waits until it is ready, then creates
--branches branches one after another, each polled every 5 ms until `ready` (create to ready: p50,
p99). Then --credentials roles on the PostgreSQL main branch (passwords on the MySQL one) from
--connections workers: the rate of answers, and the rate until the data plane has made every login
(dbplane_dataplane_tasks_pending back to 0 on /actuator/prometheus). Deletes what it made. Prints one
JSON object.
"""
import argparse
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse


class Client:
    def __init__(self, url, auth):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.headers = {"Authorization": auth, "Content-Type": "application/json", "Accept": "application/json"}
        self.connection = None

    def send(self, method, path, body=None, expect=(200, 201, 204)):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        data = None if body is None else json.dumps(body).encode()
        self.connection.request(method, path, body=data, headers=self.headers)
        response = self.connection.getresponse()
        text = response.read()
        if response.status not in expect:
            raise SystemExit(f"{method} {path}: {response.status} {text[:300]!r}")
        return json.loads(text) if text else None


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wait_ready(client, path, poll=0.005, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client.send("GET", path).get("state") == "ready":
            return
        time.sleep(poll)
    raise SystemExit(f"{path} not ready in {timeout} s")


def pending_tasks(client):
    client.connection = client.connection or http.client.HTTPConnection(client.host, client.port, timeout=60)
    client.connection.request("GET", "/actuator/prometheus")
    text = client.connection.getresponse().read().decode()
    match = re.search(r"^dbplane_dataplane_tasks_pending(?:\{[^}]*\})? ([0-9.eE+]+)$", text, re.M)
    return float(match.group(1)) if match else 0.0


def credentials(args, database, kind, count):
    """Makes count credentials on the database's main branch; answered/s and provisioned/s."""
    path = f"/v1/organizations/{args.organization}/databases/{database}/branches/main/"
    path += "roles" if kind == "postgresql" else "passwords"
    body = {"inherited_roles": ["postgres"]} if kind == "postgresql" else {"role": "readwriter"}
    share = [count // args.connections + (1 if i < count % args.connections else 0) for i in range(args.connections)]
    start = time.monotonic()

    def work(n, index):
        client = Client(args.url, args.auth)
        for i in range(n):
            client.send("POST", path, dict(body, name=f"bench-{index}-{i}"))

    threads = [threading.Thread(target=work, args=(n, i)) for i, n in enumerate(share)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answered = time.monotonic() - start
    watcher = Client(args.url, args.auth)
    while pending_tasks(watcher) > 0:
        time.sleep(0.01)
    provisioned = time.monotonic() - start
    return {"count": count, "answered_per_s": round(count / answered, 1),
            "provisioned_per_s": round(count / provisioned, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--auth", required=True)
    parser.add_argument("--organization", required=True)
    parser.add_argument("--branches", type=int, default=40)
    parser.add_argument("--credentials", type=int, default=200)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--mysql", action="store_true")
    args = parser.parse_args()
    client = Client(args.url, args.auth)
    databases = f"/v1/organizations/{args.organization}/databases"
    suffix = str(int(time.time()))
    kinds = [("postgresql", "PS_5_AWS_X86")] + ([("mysql", "PS_10")] if args.mysql else [])
    result = {}
    for kind, size in kinds:
        name = f"bench-dp-{kind}-{suffix}"
        client.send("POST", databases, {"name": name, "kind": kind, "cluster_size": size})
        wait_ready(client, f"{databases}/{name}")
        latencies = []
        for i in range(args.branches):
            started = time.monotonic()
            client.send("POST", f"{databases}/{name}/branches", {"name": f"b{i}"})
            wait_ready(client, f"{databases}/{name}/branches/b{i}")
            latencies.append((time.monotonic() - started) * 1000)
        result[kind] = {
            "branch_create_to_ready_ms": {"p50": round(percentile(latencies, 50), 1),
                                          "p99": round(percentile(latencies, 99), 1), "n": len(latencies)},
            "credentials": credentials(args, name, kind, args.credentials),
        }
        client.send("DELETE", f"{databases}/{name}", expect=(204,))
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
