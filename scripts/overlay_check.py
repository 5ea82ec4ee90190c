#!/usr/bin/env python3
"""Checks the rules overlays (the 2010 API, Verify v2, Lookups v2, Messaging v1) against Twilio's descriptions.

Usage: python3 scripts/overlay_check.py [--spec FILE --overlay DIR] [--stats]

Without `--spec`/`--overlay`, checks every overlay of codegen/overlay against its description: the
2010 API's from ../shared/twilio-oai (else the npm package), the other products' from the pinned npm
package installed in scripts/contract/node_modules (scripts/regen.sh installs it).

Checks that every operationId, parameter and group member exists in the operation; that `range` is only
on integers, `len` only on text or lists, `values` never on a parameter the description already gives
an enum; that every rule has a `why` that does not copy the parameter's description; that each
hand-written operation (declared in src/api/v2010) has a table. Exits 1 listing every problem.
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path
import json

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT.parent / "shared" / "twilio-oai" / "twilio_api_v2010.json"
DEFAULT_OVERLAY = ROOT / "codegen" / "overlay" / "api_v2010"
NPM_SPECS = ROOT / "scripts" / "contract" / "node_modules" / "@twilio-alpha" / "mcp" / "twilio-oai" / "spec" / "json"
# The overlay directories of the other products, each named like its description (`twilio_<dir>.json`).
PRODUCTS = ("verify_v2", "lookups_v2", "messaging_v1")
METHODS = ("get", "post", "delete", "put", "patch")
PARAM_KEYS = {"range", "len", "values", "enum_name", "sensitive", "type", "why"}
GROUP_KEYS = {"kind", "params", "name", "why"}
GROUP_KINDS = {"exactly_one", "at_most_one", "at_least_one"}
PASCAL = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# How many consecutive words a `why` may share with the description before it counts as copied.
COPIED_WORDS = 6


def resolve(spec, schema):
    """Follows a local `$ref` to the schema it names."""
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 10:
        node = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
        seen += 1
    return schema


def operations(spec):
    """operationId -> (method, path, {parameter name: (schema, description)})."""
    ops = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            params = {}
            for p in item.get("parameters", []) + op.get("parameters", []):
                p = resolve(spec, p)
                params[p["name"]] = (resolve(spec, p.get("schema", {})), p.get("description", ""))
            for content in op.get("requestBody", {}).get("content", {}).values():
                body = resolve(spec, content.get("schema", {}))
                for name, prop in body.get("properties", {}).items():
                    params[name] = (resolve(spec, prop), prop.get("description", ""))
            ops[op["operationId"]] = (method, path, params)
    return ops


def kind_of(spec, schema):
    """'integer', 'number', 'boolean', 'string' or 'array', and whether the description gives an enum."""
    schema = resolve(spec, schema)
    kind = schema.get("type", "string")
    items = resolve(spec, schema.get("items", {})) if kind == "array" else {}
    has_enum = "enum" in schema or "enum" in items
    return kind, has_enum


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def copies(why, description):
    """Whether `why` repeats a run of COPIED_WORDS words of `description`."""
    w, d = words(why), " " + " ".join(words(description)) + " "
    return any(" " + " ".join(w[i:i + COPIED_WORDS]) + " " in d for i in range(len(w) - COPIED_WORDS + 1))


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def check_bounds(where, key, bounds, problems, minimum=None):
    if not (isinstance(bounds, list) and len(bounds) == 2 and all(is_int(b) for b in bounds)):
        problems.append(f"{where}: `{key}` must be two integers [min, max]")
    elif bounds[0] > bounds[1]:
        problems.append(f"{where}: `{key}` minimum {bounds[0]} is above its maximum {bounds[1]}")
    elif minimum is not None and bounds[0] < minimum:
        problems.append(f"{where}: `{key}` minimum {bounds[0]} is below {minimum}")


def check_param(spec, where, rule, schema, description, problems):
    if not isinstance(rule, dict):
        problems.append(f"{where}: must be a table of rule keys")
        return
    for key in sorted(set(rule) - PARAM_KEYS):
        problems.append(f"{where}: unknown key `{key}`")
    why = rule.get("why")
    if not isinstance(why, str) or not why.strip():
        problems.append(f"{where}: `why` is missing")
    elif copies(why, description):
        problems.append(f"{where}: `why` copies the description's words; say it in our own words")
    if not set(rule) - {"why"}:
        problems.append(f"{where}: no rule besides `why`")
    kind, has_enum = kind_of(spec, schema)
    if "range" in rule:
        if kind != "integer":
            problems.append(f"{where}: `range` on a parameter of type {kind}, not an integer")
        check_bounds(where, "range", rule["range"], problems)
    if "len" in rule:
        if kind not in ("string", "array"):
            problems.append(f"{where}: `len` on a parameter of type {kind}, not text or a list")
        check_bounds(where, "len", rule["len"], problems, minimum=0)
    if "values" in rule:
        values = rule["values"]
        if has_enum:
            problems.append(f"{where}: `values` repeats an enum the description already gives")
        if kind not in ("string", "array"):
            problems.append(f"{where}: `values` on a parameter of type {kind}, not text or a list of text")
        if not (isinstance(values, list) and values and all(isinstance(v, str) and v for v in values)):
            problems.append(f"{where}: `values` must be a non-empty list of non-empty strings")
        elif len(set(values)) != len(values):
            problems.append(f"{where}: `values` lists a value twice")
        if not PASCAL.match(str(rule.get("enum_name", ""))):
            problems.append(f"{where}: `values` needs an `enum_name` in PascalCase")
    elif "enum_name" in rule:
        problems.append(f"{where}: `enum_name` without `values`")
    if "sensitive" in rule:
        if rule["sensitive"] is not True:
            problems.append(f"{where}: `sensitive` can only be `true`")
        if kind != "string":
            problems.append(f"{where}: `sensitive` on a parameter of type {kind}, not text")
    if "type" in rule and not (isinstance(rule["type"], str) and rule["type"].strip()):
        problems.append(f"{where}: `type` must be a Rust type path")


def check_group(where, group, params, problems):
    if not isinstance(group, dict):
        problems.append(f"{where}: must be a table")
        return
    for key in sorted(set(group) - GROUP_KEYS):
        problems.append(f"{where}: unknown key `{key}`")
    if group.get("kind") not in GROUP_KINDS:
        problems.append(f"{where}: `kind` must be one of {', '.join(sorted(GROUP_KINDS))}")
    members = group.get("params")
    if not (isinstance(members, list) and len(members) >= 2 and all(isinstance(m, str) for m in members)):
        problems.append(f"{where}: `params` must list at least two parameters")
        members = []
    elif len(set(members)) != len(members):
        problems.append(f"{where}: `params` lists a parameter twice")
    for member in members:
        if member not in params:
            problems.append(f"{where}: no parameter `{member}` in the operation")
    if not PASCAL.match(str(group.get("name", ""))):
        problems.append(f"{where}: `name` must be a PascalCase enum name")
    if not (isinstance(group.get("why"), str) and group["why"].strip()):
        problems.append(f"{where}: `why` is missing")
    return members


def curated_operations(ops):
    """operationIds of the operations hand-written in src/api/v2010 (method and path of each attribute)."""
    by_route = {(m.upper(), p): op_id for op_id, (m, p, _) in ops.items()}
    found = set()
    pattern = re.compile(r'#\[twilio_endpoint\(\s*(GET|POST|DELETE|PUT|PATCH),\s*"([^"]+)"')
    for source in sorted((ROOT / "src" / "api" / "v2010").glob("*.rs")):
        for method, path in pattern.findall(source.read_text()):
            if (method, path) in by_route:
                found.add(by_route[(method, path)])
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path)
    parser.add_argument("--overlay", type=Path)
    parser.add_argument("--stats", action="store_true", help="print rule counts per kind")
    args = parser.parse_args()
    if args.spec or args.overlay:
        return check(args.spec or DEFAULT_SPEC, args.overlay or DEFAULT_OVERLAY, args.stats)
    spec_2010 = DEFAULT_SPEC if DEFAULT_SPEC.exists() else NPM_SPECS / "twilio_api_v2010.json"
    status = check(spec_2010, DEFAULT_OVERLAY, args.stats)
    for product in PRODUCTS:
        spec = NPM_SPECS / f"twilio_{product}.json"
        if not spec.exists():
            print(f"{spec}: missing; run scripts/regen.sh, which installs the descriptions", file=sys.stderr)
            return 1
        status |= check(spec, ROOT / "codegen" / "overlay" / product, args.stats)
    return status


def check(spec_path, overlay, stats):
    """Checks one overlay directory against one description; 0 when it is sound."""
    args = argparse.Namespace(spec=spec_path, overlay=overlay, stats=stats)
    spec = json.loads(args.spec.read_text())
    ops = operations(spec)
    with open(args.overlay / "rules.toml", "rb") as f:
        rules = tomllib.load(f)

    problems = []
    counts = {k: 0 for k in ("range", "len", "values", "sensitive", "type", "exactly_one", "at_most_one",
                             "at_least_one")}
    with_rule = set()

    every_list = rules.pop("every_list", {})
    every_list_ops = set()
    lists = {op_id: params for op_id, (m, p, params) in ops.items()
             if m == "get" and not re.search(r"\}(\.json)?$", p)}
    for name, rule in every_list.get("params", {}).items():
        holders = [op_id for op_id, params in lists.items() if name in params]
        if not holders:
            problems.append(f"every_list.params.{name}: no list operation has it")
            continue
        every_list_ops.update(holders)
        for op_id in holders:
            schema, description = lists[op_id][name]
            check_param(spec, f"every_list.params.{name} (in {op_id})", rule, schema, description, problems)
    for key in sorted(set(every_list) - {"params"}):
        problems.append(f"every_list: unknown key `{key}`")

    for op_id, table in rules.items():
        if op_id not in ops:
            problems.append(f"{op_id}: no operation with this operationId in the description")
            continue
        _, _, params = ops[op_id]
        if not isinstance(table, dict):
            problems.append(f"{op_id}: must be a table")
            continue
        for key in sorted(set(table) - {"params", "groups"}):
            problems.append(f"{op_id}: unknown key `{key}`")
        for name, rule in table.get("params", {}).items():
            where = f"{op_id}.params.{name}"
            if name not in params:
                problems.append(f"{where}: no parameter `{name}` in the operation")
                continue
            schema, description = params[name]
            check_param(spec, where, rule, schema, description, problems)
            for kind in ("range", "len", "values", "sensitive", "type"):
                if isinstance(rule, dict) and kind in rule:
                    counts[kind] += 1
                    with_rule.add(op_id)
        grouped = {}
        for i, group in enumerate(table.get("groups", [])):
            where = f"{op_id}.groups[{i}]"
            members = check_group(where, group, params, problems) or []
            if isinstance(group, dict) and group.get("kind") in GROUP_KINDS:
                counts[group["kind"]] += 1
                with_rule.add(op_id)
            for member in members:
                if member in grouped:
                    problems.append(f"{where}: `{member}` is already in group {grouped[member]}")
                grouped[member] = i

    # One enum name, one value set: a rule reusing an enum (a hand-written one, or one named elsewhere in the
    # overlay) must list exactly its values.
    enums = {}
    for op_id, table in rules.items():
        for name, rule in (table.get("params", {}) if isinstance(table, dict) else {}).items():
            if isinstance(rule, dict) and "values" in rule and "enum_name" in rule:
                enums.setdefault(rule["enum_name"], []).append((f"{op_id}.params.{name}", rule["values"]))
    for enum_name, uses in sorted(enums.items()):
        first_where, first = uses[0]
        for where, values in uses[1:]:
            if values != first:
                problems.append(f"{where}: enum `{enum_name}` has other values than at {first_where}")

    hand_written = curated_operations(ops) if args.overlay.name == "api_v2010" else set()
    for op_id in sorted(hand_written - set(rules)):
        problems.append(f"{op_id}: hand-written operation without a table (add one, empty if it has no rule)")

    if args.stats:
        for kind, n in counts.items():
            print(f"{kind}: {n}")
        print(f"operations with at least one rule of their own: {len(with_rule)} of {len(ops)}")
        print(f"list operations the every_list rules apply to: {len(every_list_ops)}")
        print(f"operations with at least one rule, every_list included: {len(with_rule | every_list_ops)} of {len(ops)}")
        print(f"operations with a table: {len(rules)}", flush=True)
    if problems:
        print(f"{len(problems)} problem(s) in {args.overlay / 'rules.toml'}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"overlay ok: {len(rules)} operations checked against {len(ops)} in {args.spec.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
