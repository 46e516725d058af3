"""Schemathesis hooks for clients/run (loaded through SCHEMATHESIS_HOOKS).

The vendors' documents are read as they are, with two overlays, each listed with its reason in
clients/README.md:

- each operation also documents the error statuses that dbplane's wire contract (CONTRACT.md)
  defines and the vendor document leaves out, with the family's error body as their schema, so
  that those answers are still checked for their shape and content type;
- PlanetScale's ClusterSizeSku.default_vtgate may be null (PostgreSQL sizes have no vtgate; the
  planetscale-go fixtures of the real API show null there);
- a PostgreSQL role's password may be null in every answer but its create's and reset's (the
  document calls it "available only after create" yet types it a non-null string; CONTRACT.md has
  reads and renew carry null, as passwords' plain_text, which the document does mark nullable).

- a vtgate resize request's vtgate_max_count and vtgate_target_cpu_utilization (and their
  previous_ values) may be null: they are settings a branch without autoscaling does not have,
  nullable on the DatabaseBranch itself, and pscale reads them as nullable (*int);
- a branch parameter's min and max may be text with a unit ("64kB", "2147483647ms") or null: pscale
  reads them as numbers for plain numeric parameters and text for byte- and time-typed ones, and
  a select or string parameter has no bounds.

Nothing else of the documents is changed.

One work-around for the Python these machines have (3.11.7): its ast.parse keeps its recursion
depth in state shared by all threads (CPython gh-106905, fixed in 3.11.8), so two workers that
parse at once (Hypothesis reads the source of lambdas to describe strategies) fail now and then with
"SystemError: AST constructor recursion depth mismatch". One lock around ast.parse serialises them.
"""

import ast
import threading

import schemathesis

_parse = ast.parse
_parse_lock = threading.Lock()


def _parse_one_at_a_time(*args, **kwargs):
    with _parse_lock:
        return _parse(*args, **kwargs)


ast.parse = _parse_one_at_a_time

HARNESS_ERROR = {
    "type": "object",
    "required": ["message"],
    "properties": {"message": {"type": "string", "minLength": 1}},
}

PLANETSCALE_ERROR = {
    "type": "object",
    "required": ["code", "message"],
    "properties": {"code": {"type": "string", "minLength": 1}, "message": {"type": "string", "minLength": 1}},
}

# status -> why the contract has it; only statuses the vendor document does not list are added.
CONTRACT_STATUSES = {
    "harness": {
        "401": "missing or unknown x-api-key (CONTRACT: Harness errors)",
        "405": "a wrong method (CONTRACT: common to both families)",
        "413": "a body over 1 MiB (CONTRACT: common to both families)",
        "415": "a Content-Type other than JSON, or none with no body (CONTRACT: common to both families)",
    },
    "planetscale": {
        "400": "malformed JSON or a wrong JSON type (CONTRACT: PlanetScale errors)",
        "405": "a wrong method (CONTRACT: common to both families)",
        "413": "a body over 1 MiB (CONTRACT: common to both families)",
        "415": "a Content-Type other than JSON (CONTRACT: common to both families)",
        "422": "validation, a taken name (CONTRACT: PlanetScale errors; planetscale-go maps it to ErrRetry)",
    },
}

METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace", "query"}


def family(raw_schema):
    title = raw_schema.get("info", {}).get("title", "")
    return "planetscale" if "PlanetScale" in title else "harness"


def allow_null_default_vtgate(raw_schema):
    operation = raw_schema["paths"]["/organizations/{organization}/cluster-size-skus"]["get"]
    sku = operation["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    sku["properties"]["default_vtgate"]["nullable"] = True


def allow_null_role_password(raw_schema):
    roles = "/organizations/{organization}/databases/{database}/branches/{branch}/roles"
    reads = [(path, method) for path in (roles, roles + "/{id}", roles + "/default") for method in ("get", "patch")]
    for path, method in reads + [(roles + "/{id}/renew", "post")]:
        operation = raw_schema["paths"].get(path, {}).get(method)
        if operation is None:
            continue
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        role = schema["properties"]["data"]["items"] if "data" in schema.get("properties", {}) else schema
        role["properties"]["password"]["nullable"] = True


def allow_null_resize_autoscaling(raw_schema):
    resizes = "/organizations/{organization}/databases/{database}/branches/{branch}/resizes"
    fields = ("vtgate_max_count", "previous_vtgate_max_count", "vtgate_target_cpu_utilization",
              "previous_vtgate_target_cpu_utilization")
    for path, method in ((resizes, "get"), (resizes, "put"), (resizes + "/{resize}", "get")):
        operation = raw_schema["paths"].get(path, {}).get(method)
        if operation is None:
            continue
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        resize = schema["properties"]["data"]["items"] if "data" in schema.get("properties", {}) else schema
        for field in fields:
            resize["properties"][field]["nullable"] = True


def allow_text_parameter_bounds(raw_schema):
    path = "/organizations/{organization}/databases/{database}/branches/{branch}/parameters"
    operation = raw_schema["paths"].get(path, {}).get("get")
    if operation is None:
        return
    parameter = operation["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    for field in ("min", "max"):
        parameter["properties"][field] = {"anyOf": [{"type": "number"}, {"type": "string"}], "nullable": True,
                                          "description": parameter["properties"][field].get("description", "")}


@schemathesis.hook
def before_load_schema(context, raw_schema):
    name = family(raw_schema)
    if name == "planetscale":
        allow_null_default_vtgate(raw_schema)
        allow_null_role_password(raw_schema)
        allow_null_resize_autoscaling(raw_schema)
        allow_text_parameter_bounds(raw_schema)
    error = PLANETSCALE_ERROR if name == "planetscale" else HARNESS_ERROR
    for item in raw_schema.get("paths", {}).values():
        for method, operation in item.items():
            if method not in METHODS or not isinstance(operation, dict):
                continue
            responses = operation.setdefault("responses", {})
            for status, why in CONTRACT_STATUSES[name].items():
                responses.setdefault(
                    status,
                    {"description": why, "content": {"application/json": {"schema": error}}},
                )
