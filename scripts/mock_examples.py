"""Writes the replies of the embedded mock Twilio (`src/mock/examples/*.json`) from the examples of
Twilio's OpenAPI description: for each operation of the catalog (listed in SCOPE.md), the first example
of its success response; a list is served as its last page (`next_page_uri` null).

Usage: python3 scripts/mock_examples.py [path/to/twilio_api_v2010.json]
"""

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "twilio-oai"
spec_path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "twilio_api_v2010.json"
spec = json.loads(spec_path.read_text())
scope = (SHARED / "SCOPE.md").read_text()

out = ROOT / "src" / "mock" / "examples"
out.mkdir(parents=True, exist_ok=True)
for method, path, operation in re.findall(r"^### (GET|POST|DELETE) (\S+)\s+\(operationId (\w+)\)", scope, re.M):
    responses = spec["paths"][path][method.lower()]["responses"]
    for status, response in responses.items():
        examples = response.get("content", {}).get("application/json", {}).get("examples")
        if examples:
            first = next(iter(examples.values()))["value"]
            if "next_page_uri" in first:
                # The mock serves each list as a single page, so that a walk over it ends.
                first["next_page_uri"] = None
            (out / f"{operation}.json").write_text(json.dumps(first, indent=2) + "\n")
            print(f"{method} {path} -> {status} {operation}.json")
