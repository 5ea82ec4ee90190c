"""What Twilio's official Python SDK puts on the wire for a set of requests.

Each scenario calls the SDK as an application would; a capture client takes the place of the HTTP
client, prepares the request exactly as the SDK's own client does (with `requests`) and records the
method, the path with its query string, and the body, instead of sending them. The output, one JSON
object per scenario, is what the crate's encoding is compared with.

Usage: python scripts/sdk_wire.py            (needs `pip install "twilio>=9.13,<10"`)
"""

import json
import sys
from urllib.parse import urlsplit

import requests
from twilio.http import HttpClient
from twilio.http.response import Response
from twilio.rest import Client

ACCOUNT = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CONFERENCE = "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
PARTICIPANT = json.dumps({"account_sid": ACCOUNT, "call_sid": "CA" + "a" * 32, "conference_sid": CONFERENCE})


class CaptureClient(HttpClient):
    def __init__(self):
        super().__init__(logger=None, is_async=False)
        self.captured = []

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False):
        prepared = requests.Request(method=method.upper(), url=url, params=params, data=data,
                                    headers=headers).prepare()
        parts = urlsplit(prepared.url)
        body = prepared.body or ""
        self.captured.append({
            "method": prepared.method,
            "path": parts.path + ("?" + parts.query if parts.query else ""),
            "body": body.decode() if isinstance(body, bytes) else body,
        })
        return Response(201, PARTICIPANT)


def every_parameter(participants):
    participants.create(
        from_="+15017122661",
        to="+15558675310",
        status_callback="https://example.com/status?a=1&b=two+words",
        status_callback_method="POST",
        status_callback_event=["initiated", "ringing", "answered", "completed"],
        label="customer * ~ café",
        timeout=30,
        record=True,
        muted=False,
        beep="onEnter",
        start_conference_on_enter=True,
        end_conference_on_exit=False,
        wait_url="",
        wait_method="GET",
        early_media=True,
        max_participants=10,
        conference_record="record-from-start",
        conference_trim="trim-silence",
        conference_status_callback="https://example.com/conference",
        conference_status_callback_method="POST",
        conference_status_callback_event=["start", "end", "join", "leave", "mute", "hold", "modify", "speaker",
                                          "announcement"],
        recording_channels="dual",
        recording_status_callback="https://example.com/recording",
        recording_status_callback_method="GET",
        sip_auth_username="alice",
        sip_auth_password="s3cr3t&=+",
        region="ie1",
        conference_recording_status_callback="https://example.com/conference-recording",
        conference_recording_status_callback_method="POST",
        recording_status_callback_event=["in-progress", "completed", "absent"],
        conference_recording_status_callback_event=["in-progress", "completed", "failed", "absent"],
        coaching=True,
        call_sid_to_coach="CA" + "b" * 32,
        jitter_buffer_size="small",
        byoc="BY" + "c" * 32,
        caller_id="+15017122661",
        call_reason="Your order #42 & more",
        recording_track="both",
        time_limit=3600,
        machine_detection="DetectMessageEnd",
        machine_detection_timeout=30,
        machine_detection_speech_threshold=2400,
        machine_detection_speech_end_threshold=1200,
        machine_detection_silence_timeout=5000,
        amd_status_callback="https://example.com/amd",
        amd_status_callback_method="POST",
        trim="do-not-trim",
        call_token="token/with+chars",
        client_notification_url="https://example.com/notify",
        caller_display_name="Ada Lovelace",
    )


def required_only(participants):
    participants.create(from_="+15017122661", to="client:bob?ticket=42")


SCENARIOS = {
    "create_participant_every_parameter": every_parameter,
    "create_participant_required_only": required_only,
}


def main():
    capture = CaptureClient()
    client = Client(ACCOUNT, "token", http_client=capture)
    out = {}
    for name, scenario in SCENARIOS.items():
        scenario(client.conferences(CONFERENCE).participants)
        out[name] = capture.captured.pop()
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
