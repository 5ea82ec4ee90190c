# Sourced by the scripts that run Twilio's official Python SDK (sdk_wire.sh, webhook_differential.sh):
# makes `target/sdk-venv` with the pinned packages, once, and sets `venv` to it.
#
# The SDK, and the libraries that escape what it sends (`requests` encodes the form and the query,
# `urllib3` parses the URL): a newer release of either could change the bytes. `multidict`, which the
# signature cases put a form's parameters in, comes with the SDK (through aiohttp).
venv=target/sdk-venv
pins=(twilio==9.13.0 requests==2.34.2 urllib3==2.8.0)

mkdir -p target
if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    python3 -m venv "$venv"
fi
if [ "$(cat "$venv/pins.txt" 2>/dev/null)" != "${pins[*]}" ]; then
    echo "== installing ${pins[*]}"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
    echo "${pins[*]}" >"$venv/pins.txt"
fi
