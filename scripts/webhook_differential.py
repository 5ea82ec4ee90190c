"""Random webhook requests and the verdict of Twilio's official Python SDK on each.

Each case is a request as a web application receives it: the URL, the body (a form, or JSON whose
hash the URL carries as `bodySHA256`), `X-Twilio-Signature` and `X-Twilio-Webhooks-Signature-Settings`.
About half are signed as Twilio signs them (the URL Twilio requested may differ from the one received
by its port, which the SDK forgives), the others are changed or forged in one way: a value, a key, the
URL's scheme, host, port, path or query, the signature's text, the token, the algorithm, the JSON body
or its hash. The verdict is `RequestValidator.validate` of twilio 9.13.0, called as an application
calls it: a form's parameters in a `MultiDict` (all values of a repeated key, as the SDK's own tests
pass them), a JSON body as the string it is, the algorithm from `get_signature_algorithm`. A call
that raises (a URL `urlparse` refuses, a JSON body without `bodySHA256`) is a request refused.

The URLs are drawn to reach every rule of the SDK's URL handling: http and https in any case, other
schemes, userinfo, IPv4 and IPv6 hosts (with zones), non-ASCII hosts, default, other, empty and zero
ports, ports that are not numbers, paths with `;` parameters and escapes, queries with repeated and
empty values, fragments, stray spaces and tabs; and a few URLs made of URL-ish pieces in any order.

The output is one JSON object a line, read by `tests/webhook_differential.rs`. Usage:
scripts/webhook_differential.sh; by hand, with `twilio==9.13.0` installed:

    python scripts/webhook_differential.py OUT.jsonl [COUNT_PER_SEED] [FRESH_SEED]
"""

import hashlib
import json
import logging
import random
import secrets
import sys
from urllib.parse import parse_qsl, quote, quote_plus, urlparse

from multidict import MultiDict

import twilio
from twilio.request_validator import (
    RequestValidator,
    add_port,
    get_signature_algorithm,
    remove_port,
)

SDK_VERSION = "9.13.0"
# The SDK logs a warning for each unknown algorithm; the verdict says it already.
logging.getLogger("twilio.request_validator").setLevel(logging.ERROR)
# The same cases every run, so a disagreement found once is found again.
FIXED_SEED = 20240601
DEFAULT_COUNT = 10_000


def pick(rng, weighted):
    """One item of a list of (weight, item)."""
    total = sum(weight for weight, _ in weighted)
    point = rng.uniform(0, total)
    for weight, item in weighted:
        point -= weight
        if point <= 0:
            return item
    return weighted[-1][1]


def token(rng):
    return pick(
        rng,
        [
            (8, "".join(rng.choice("0123456789abcdef") for _ in range(32))),
            (1, "sk_" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(40))),
            (1, "t\u00f6k\u00e9n " + str(rng.randrange(1000))),
        ],
    )


TEXTS = ["", "1", "CA0123", "+15558675310", "x y", "caf\u00e9", "\u00fc", "\u65e5\u672c", "a=b", "a&b",
         "a+b", "%", "100%", "\U0001f600", "line\nbreak", "tab\there", " ", "A", "a", "~-._"]
KEYS = ["CallSid", "From", "To", "Body", "Digits", "digits", "DIGITS", "a", "A", "b", "\u00fc", "\u00dc",
        "Key With Space", "k=v", "k&v", "", "bodySHA256", "Caf\u00e9", "z", "\U0001f600"]


def encode_text(rng, text):
    """A form or query text escaped one of the ways clients escape it."""
    return pick(
        rng,
        [
            (6, quote_plus(text)),
            (2, quote(text, safe="")),
            # Unescaped where it is harmless: non-ASCII kept literally, as some clients send it.
            (1, "".join(c if ord(c) > 127 else quote_plus(c) for c in text)),
            # Lowercase escapes.
            (1, "".join(quote_plus(c).lower() if quote_plus(c).startswith("%") else quote_plus(c) for c in text)),
        ],
    )


def pairs(rng, count):
    chosen = []
    for _ in range(count):
        if chosen and rng.random() < 0.2:
            # A repeated key, with the same value or another.
            key, value = rng.choice(chosen)
            chosen.append((key, value if rng.random() < 0.5 else rng.choice(TEXTS)))
        else:
            chosen.append((rng.choice(KEYS), rng.choice(TEXTS)))
    return chosen


def encode_pairs(rng, chosen):
    pieces = []
    for key, value in chosen:
        if value == "" and rng.random() < 0.2:
            pieces.append(encode_text(rng, key))  # no `=`
        else:
            pieces.append(encode_text(rng, key) + "=" + encode_text(rng, value))
        if rng.random() < 0.03:
            pieces.append("")  # `&&`
    return "&".join(pieces)


def host(rng):
    return pick(
        rng,
        [
            (20, "example.com"),
            (5, "api.example.org"),
            (3, "Example.COM"),
            (3, "127.0.0.1"),
            (3, "[::1]"),
            (2, "[2001:db8::8:800:200c:417a]"),
            (1, "[fe80::1%25eth0]"),
            (1, "[::ffff:192.0.2.1]"),
            (1, "[v1.fe]"),
            (2, "b\u00fccher.example"),
            (1, "xn--bcher-kva.example"),
            (2, "localhost"),
            (1, ""),
            (1, "host_name.internal"),
            # Refused by `urlparse`: a bracket alone, a bracketed host that is not IPv6, a character
            # NFKC turns into a delimiter.
            (0.3, "[::1"),
            (0.3, "::1]"),
            (0.3, "[example.com]"),
            (0.3, "[127.0.0.1]"),
            (0.3, "ex\u2100mple.com"),
            (0.3, "\uff0fslash.example"),
        ],
    )


def port(rng, scheme):
    default = ":443" if scheme.lower() == "https" else ":80"
    other = ":80" if default == ":443" else ":443"
    return pick(
        rng,
        [
            (50, ""),
            (15, default),
            (4, other),
            (12, rng.choice([":8080", ":8443", ":1234", ":3000", ":65535", ":1"])),
            (2, ":0"),
            (2, ":"),
            (2, ":00443"),
            (0.5, ":65536"),
            (0.5, ":99999999999999999999"),
            (0.5, ":abc"),
            (0.5, ":-1"),
            (0.5, ":\u0663"),
            (0.5, ": 80"),
        ],
    )


def path(rng):
    segments = ["twilio", "voice", "Voice", "caf\u00e9", "caf%C3%A9", "a%20b", "a b", "x;p=1", ";", "%2F",
                "..", "~user", "", "status.php", "\u65e5\u672c", "a+b", "semi;colon;s"]
    return pick(
        rng,
        [
            (3, ""),
            (3, "/"),
            (20, "/" + "/".join(rng.choice(segments) for _ in range(rng.randrange(1, 4)))),
            (1, "//double/slash"),
        ],
    )


def query(rng):
    return pick(
        rng,
        [
            (30, ""),
            (8, "?"),
            (60, "?" + encode_pairs(rng, pairs(rng, rng.randrange(1, 4)))),
            (2, "?a=1&&b=&c&=d&e=f=g"),
        ],
    )


# The characters URL parsing turns on, for URLs drawn character by character.
CHAOS = list("::://??##[[]]@@%%;;&&==..++-_09azAZvV") + [" ", "\t", "\n", "\x00", "\x1f", "\u00e9", "\u2100",
                                                       "\uff1a", "\u0663", "%25", "%3A", "80", "443", "::1"]


def chaos_url(rng):
    """A URL of URL-ish pieces in any order, most of them starting like one."""
    start = pick(rng, [(3, "https://"), (2, "http://"), (1, "HTTPS:"), (1, "//"), (1, "")])
    return start + "".join(rng.choice(CHAOS) for _ in range(rng.randrange(0, 25)))


def url(rng):
    if rng.random() < 0.05:
        return chaos_url(rng)
    scheme = pick(
        rng,
        [(45, "https"), (30, "http"), (4, "HTTPS"), (3, "Http"), (2, "wss"), (1, "ftp"), (1, "a1+b.c-d"),
         (1, "mailto"), (2, "")],
    )
    userinfo = pick(rng, [(88, ""), (4, "user@"), (4, "user:pa%20ss@"), (2, ":@"), (2, "u[1]@")])
    authority = userinfo + host(rng) + port(rng, scheme)
    start = scheme + ":" if scheme else ""
    # Most URLs have `//`; a few do not, which moves the address into the path.
    text = start + ("//" + authority if rng.random() < 0.97 else authority) + path(rng) + query(rng)
    text += pick(rng, [(85, ""), (5, "#"), (5, "#top"), (3, "#a?b=1"), (2, "#\u00e9")])
    if rng.random() < 0.03:
        text = pick(rng, [(1, " " + text), (1, text + " "), (1, text.replace("/", "/\t", 1)),
                          (1, "\x01" + text), (1, text.replace(":", ":\n", 1))])
    return text


def signed_urls(received):
    """The URLs the SDK compares the received one with, when it can parse it."""
    try:
        parsed = urlparse(received)
        return [remove_port(parsed), add_port(parsed)]
    except ValueError:
        return []


SETTINGS_SHA256 = [
    "key=webhooks_sharedkey_0123,algorithm=HMAC_SHA256",
    "algorithm=HMAC_SHA256",
    "algorithm=hmac_sha256",
    " algorithm = HMAC_SHA256 ",
    "key=k, algorithm=HMAC_SHA256",
    "algorithm=,algorithm=HMAC_SHA256",
]
SETTINGS_SHA1 = [None, None, None, "", "key=webhooks_sharedkey_0123", "key=k,algorithm=HMAC_SHA1",
                 "algorithm=hmac_sha1", "algorithm="]
SETTINGS_ODD = ["algorithm=HMAC_SHA512", "algorithm=HMAC-SHA256", "ALGORITHM=HMAC_SHA256", "algorithm=SHA256",
                "algorithm=hmac_\u017fha256", "algorithm=HMAC_SHA256,algorithm=HMAC_SHA1", "algorithm\t=HMAC_SHA256",
                "algorithm=HMAC_SHA256\u3000", "algorithm=HMAC_SHA256\x1f", "algorithm=\u00df"]


def settings(rng):
    return pick(rng, [(60, rng.choice(SETTINGS_SHA1)), (35, rng.choice(SETTINGS_SHA256)), (5, rng.choice(SETTINGS_ODD))])


def algorithm_of(settings_header):
    name = get_signature_algorithm(settings_header)
    return name if name.upper() in ("HMAC_SHA1", "HMAC_SHA256") else "HMAC_SHA1"


def json_body(rng):
    data = {key: rng.choice(TEXTS) for key in rng.sample(KEYS, rng.randrange(0, 5))}
    return pick(rng, [(6, json.dumps(data)), (3, json.dumps(data, ensure_ascii=False)), (1, "")])


def with_body_hash(rng, received, body):
    """The received URL with the body's hash put into its query, in one of the ways it can be."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    param = pick(rng, [(20, "bodySHA256=" + digest), (1, "body%53HA256=" + digest),
                       (1, "bodySHA256=" + digest.upper()), (1, "bodySHA256=" + digest[:63]),
                       (1, "bodySHA256=&bodySHA256=" + digest), (1, "bodySHA256=0&bodySHA256=" + digest),
                       (1, "bodySHA256=" + digest + "&bodySHA256=0"), (1, "bodysha256=" + digest)])
    base, hash_mark, fragment = received.partition("#")
    if "?" not in base:
        base += "?" + param
    elif base.endswith("?") or base.endswith("&"):
        base += param
    elif rng.random() < 0.5:
        base += "&" + param
    else:
        head, _, rest = base.partition("?")
        base = head + "?" + param + "&" + rest
    return base + hash_mark + fragment


def tamper_signature(rng, signature):
    def flip(text):
        if not text:
            return "A"
        index = rng.randrange(len(text))
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        return text[:index] + rng.choice(alphabet.replace(text[index], "")) + text[index + 1:]

    def non_canonical(text):
        # The same bytes, with the unused low bits of the last base64 digit set.
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        if not text.endswith("=") or text.endswith("=="):
            return text
        last = alphabet.index(text[-2])
        return text[:-2] + alphabet[last | rng.choice([1, 2, 3])] + "="

    return pick(
        rng,
        [
            (3, ("signature.flip", flip(signature))),
            (2, ("signature.truncate", signature[: rng.randrange(len(signature))])),
            (1, ("signature.lowercase", signature.lower())),
            (1, ("signature.pad", signature + "=")),
            (1, ("signature.space", " " + signature)),
            (2, ("signature.non_canonical", non_canonical(signature))),
            (1, ("signature.empty", "")),
            (1, ("signature.missing", None)),
            (1, ("signature.urlsafe", signature.replace("+", "-").replace("/", "_"))),
            (1, ("signature.garbage", "".join(rng.choice("!@#$%^&*()\u00e9 ") for _ in range(len(signature))))),
        ],
    )


def tamper_url(rng, received):
    options = [
        ("url.scheme", received.replace("https:", "http:", 1) if "https:" in received else received.replace("http:", "https:", 1)),
        ("url.port", received.replace(".com", ".com:8443", 1).replace("]", "]:443", 1)),
        ("url.host_case", received.replace("example", "EXAMPLE", 1)),
        ("url.path", received.replace("/twilio", "/Twilio", 1).replace("/voice", "/voice/", 1)),
        ("url.query_added", received.split("#")[0] + ("&" if "?" in received.split("#")[0] else "?") + "x=1"),
        ("url.query_dropped", received.split("?")[0]),
        ("url.fragment", received + "#f"),
        ("url.trailing_question_mark", received.split("#")[0] + "?" if "?" not in received else received),
        ("url.default_port", received.replace(".com/", ".com:443/", 1)),
        ("url.port_removed", received.replace(":8080", "", 1).replace(":8443", "", 1).replace(":1234", "", 1)),
    ]
    return rng.choice(options)


def tamper_form(rng, chosen):
    chosen = list(chosen)
    kinds = ["body.value", "body.added", "body.removed", "body.duplicate_same", "body.duplicate_other",
             "body.reordered", "body.key_case"]
    kind = rng.choice(kinds)
    if kind == "body.value" and chosen:
        index = rng.randrange(len(chosen))
        chosen[index] = (chosen[index][0], chosen[index][1] + rng.choice(["x", "", " ", "\u00e9"]))
    elif kind == "body.added":
        chosen.insert(rng.randrange(len(chosen) + 1), (rng.choice(KEYS), rng.choice(TEXTS)))
    elif kind == "body.removed" and chosen:
        chosen.pop(rng.randrange(len(chosen)))
    elif kind == "body.duplicate_same" and chosen:
        chosen.append(rng.choice(chosen))
    elif kind == "body.duplicate_other" and chosen:
        chosen.append((rng.choice(chosen)[0], rng.choice(TEXTS)))
    elif kind == "body.reordered":
        rng.shuffle(chosen)
    elif kind == "body.key_case" and chosen:
        index = rng.randrange(len(chosen))
        chosen[index] = (chosen[index][0].swapcase(), chosen[index][1])
    return kind, chosen


def make_case(rng, case_id, seed):
    kind = "form" if rng.random() < 0.7 else "json"
    secret = token(rng)
    received = url(rng)
    header = settings(rng)
    how = []
    chosen = pairs(rng, rng.randrange(0, 7)) if kind == "form" else []
    body = encode_pairs(rng, chosen) if kind == "form" else json_body(rng)
    if kind == "json" and (body or rng.random() < 0.5) and rng.random() < 0.95:
        received = with_body_hash(rng, received, body)

    # What Twilio signed: the URL it requested (the received one, or a form of it the SDK also
    # tries), the parameters as the SDK reads them, with the algorithm the header names.
    candidates = signed_urls(received)
    signed_url = received
    if candidates and rng.random() < 0.4:
        signed_url = rng.choice(candidates)
        how.append("signed.port_form")
    signed_params = MultiDict(parse_qsl(body, keep_blank_values=True)) if kind == "form" else {}
    signer = RequestValidator(secret)
    signature = signer.compute_signature(signed_url, signed_params, algorithm_of(header))

    if rng.random() < 0.5:
        what = pick(rng, [(3, "signature"), (3, "url"), (3, "body"), (1, "token"), (1, "settings")])
        if what == "signature":
            change, signature = tamper_signature(rng, signature)
        elif what == "url":
            change, received = tamper_url(rng, received)
        elif what == "body" and kind == "form":
            change, tampered = tamper_form(rng, chosen)
            body = encode_pairs(rng, tampered)
        elif what == "body":
            change, body = pick(rng, [(3, ("json.body", body + " ")), (1, ("json.emptied", "")),
                                      (1, ("json.hash_removed", body)), (1, ("json.replaced", json_body(rng)))])
            if change == "json.hash_removed":
                received = received.replace("bodySHA256", "bodyXXX256")
        elif what == "token":
            change = "token.other_account"
            signature = RequestValidator(token(rng) + "x").compute_signature(
                signed_url, signed_params, algorithm_of(header))
        else:
            change, header = "settings.changed", settings(rng)
        how.append(change)

    # The SDK's verdict, with the parameters as a web application hands them over.
    params = MultiDict(parse_qsl(body, keep_blank_values=True)) if kind == "form" else body
    error = None
    try:
        verdict = RequestValidator(secret).validate(
            received, params, signature if signature is not None else "", get_signature_algorithm(header))
    except Exception as exc:  # noqa: BLE001 - any exception is a request the SDK cannot validate
        verdict, error = False, f"{type(exc).__name__}: {exc}"
    return {
        "id": case_id,
        "seed": seed,
        "kind": kind,
        "token": secret,
        "url": received,
        "body": body,
        "signature": signature,
        "settings": header,
        "python": bool(verdict),
        "python_error": error,
        "how": ",".join(how) or "signed",
    }


def main():
    if twilio.__version__ != SDK_VERSION:
        sys.exit(f"twilio {twilio.__version__} is installed; these verdicts are twilio {SDK_VERSION}'s")
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_COUNT
    fresh = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else secrets.randbits(32)
    print(f"seeds: fixed {FIXED_SEED}, fresh {fresh} (to replay: WEBHOOK_DIFFERENTIAL_SEED={fresh}), "
          f"{count} cases each")
    valid = raised = 0
    with open(out, "w", encoding="utf-8") as file:
        for seed_index, seed in enumerate([FIXED_SEED, fresh]):
            rng = random.Random(seed)
            for n in range(count):
                case = make_case(rng, seed_index * count + n, seed)
                valid += case["python"]
                raised += case["python_error"] is not None
                file.write(json.dumps(case, ensure_ascii=False) + "\n")
    total = 2 * count
    print(f"python: {valid} valid, {total - valid} refused ({raised} of them raised) of {total}")


if __name__ == "__main__":
    main()
