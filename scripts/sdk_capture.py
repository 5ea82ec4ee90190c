"""The capture server that the SDK wire scripts send Twilio's official Python SDK's requests to.

Imported by `scripts/sdk_wire.py`, `scripts/sdk_wire_catalog.py` and `scripts/sdk_wire_products.py`
(from their directory). `run` checks the pinned SDK version, starts a server on 127.0.0.1 in a thread,
makes an SDK client with its own HTTP client (`TwilioHttpClient`, built on `requests`) and nothing
from the environment, points it at the server, calls each scenario, which must send exactly one
request, and writes what arrived as JSON on standard output: per scenario, its fields, then the
method, the request target exactly as received (the path and the query string, escaped as sent) and
the body, and with `ContentTypeCaptureHandler` the `Content-Type` of a `POST` or `PUT`.
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import twilio
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

# The fixtures are what this version sends; another version may send something else.
SDK_VERSION = "9.13.0"

# The account the SDK's client is made with.
ACCOUNT = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
# The call and the conference the capture server's reply names.
CALL = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CONFERENCE = "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

# What the capture server answers: enough for the SDK to decode a page or a resource.
PAGE_REPLY = {"items": []}
RESOURCE_REPLY = {"account_sid": ACCOUNT, "sid": CALL, "call_sid": CALL, "conference_sid": CONFERENCE}


class CaptureHandler(BaseHTTPRequestHandler):
    """Records each request as received and answers 200 with JSON."""

    # Whether the `Content-Type` of a request with a body (`POST`, `PUT`) is recorded.
    content_types = False

    def capture(self):
        # Recorded before the reply is sent: the scenario reads the record once it has the reply.
        length = int(self.headers.get("Content-Length") or 0)
        record = {
            "method": self.command,
            # The request target as sent: the escaped path and, if any, `?` and the query string.
            "path": self.path,
            "body": self.rfile.read(length).decode("utf-8"),
        }
        if self.content_types and self.command in ("POST", "PUT"):
            record["content_type"] = self.headers.get("Content-Type")
        self.server.captured.append(record)
        reply = json.dumps(PAGE_REPLY if self.command == "GET" else RESOURCE_REPLY).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_GET = do_POST = do_DELETE = capture

    def log_message(self, format, *args):
        pass


class ContentTypeCaptureHandler(CaptureHandler):
    """The capture server that also takes `PUT` (Lookups' rate limits and overrides) and records the
    `Content-Type` of a request with a body (`POST`, `PUT`): a form, or JSON for Lookups' four
    operations with a JSON body."""

    content_types = True
    do_PUT = CaptureHandler.capture


def run(scenarios, point_at, handler=CaptureHandler):
    """Sends each scenario through the SDK to a capture server and prints what arrived as JSON.

    `scenarios` holds `(fields, function)` pairs: `function(client)` sends one request, recorded under
    the function's name after `fields` (a dict, in its order). `point_at(client, base)` points the
    client's domains at the server's base URL."""
    if twilio.__version__ != SDK_VERSION:
        sys.exit(f"twilio {SDK_VERSION} is needed, found {twilio.__version__}")
    server = HTTPServer(("127.0.0.1", 0), handler)
    server.captured = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        http_client = TwilioHttpClient()
        # Nothing from the environment (proxies, `TWILIO_REGION`, `TWILIO_EDGE`) between the SDK and
        # the local server.
        http_client.session.trust_env = False
        client = Client(ACCOUNT, "token", http_client=http_client, environment={})
        point_at(client, f"http://127.0.0.1:{server.server_address[1]}")
        out = {}
        for fields, scenario in scenarios:
            name = scenario.__name__
            if name in out:
                sys.exit(f"{name}: two scenarios of that name")
            scenario(client)
            if len(server.captured) != 1:
                sys.exit(f"{name}: {len(server.captured)} requests instead of one")
            out[name] = {**fields, **server.captured.pop()}
    finally:
        server.shutdown()
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    print()
