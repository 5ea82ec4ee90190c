"""What Twilio's official Python SDK puts on the wire for a set of requests.

Each scenario calls the SDK as an application would. The SDK's own HTTP client (`TwilioHttpClient`,
built on `requests`) sends the request over a socket to a capture server on 127.0.0.1, which records
the method, the request target exactly as received (the path and the query string, escaped as sent)
and the body, and answers with a reply the SDK can decode. The output, one JSON object per scenario,
is what `tests/sdk_wire.rs` sends with this crate and compares byte for byte.

The scenarios cover every operation of the catalog that takes parameters, and every kind of value:
text with spaces, `+`, `&`, `*`, `~`, non-ASCII and new lines; the empty string (sent, unlike an unset
parameter); `true` and `false`; integers, zero included; lists of one and of several items; enums;
URLs with query strings and escapes; dates; date-times in UTC and with another offset; path
parameters that are names rather than SIDs.

Usage: scripts/sdk_wire.sh (installs the pinned SDK in a virtual environment, runs this script and
checks its output against tests/fixtures/sdk_wire.json); by hand, with `twilio==9.13.0` installed:

    python scripts/sdk_wire.py > tests/fixtures/sdk_wire.json
"""

import sys
from datetime import date, datetime, timedelta, timezone

# The capture server, the pinned version, the account and the resources its reply names
# (imported from the directory of this one; no `__pycache__` left in the work tree).
sys.dont_write_bytecode = True
from sdk_capture import ACCOUNT, CALL, CONFERENCE, run

SUBACCOUNT = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
COACHED_CALL = "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
PARENT_CALL = "CAcccccccccccccccccccccccccccccccc"
RECORDING = "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
MESSAGE = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
APPLICATION = "APbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
BYOC_TRUNK = "BYcccccccccccccccccccccccccccccccc"
MESSAGING_SERVICE = "MGcccccccccccccccccccccccccccccccc"
CONTENT_TEMPLATE = "HXdddddddddddddddddddddddddddddddd"

UTC = timezone.utc
PLUS_TWO = timezone(timedelta(hours=2))
MINUS_FIVE = timezone(timedelta(hours=-5))
PLUS_FIVE_THIRTY = timezone(timedelta(hours=5, minutes=30))


# ---- Conference participants ----


def create_participant_every_parameter(client):
    client.conferences(CONFERENCE).participants.create(
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
        call_sid_to_coach=COACHED_CALL,
        jitter_buffer_size="small",
        byoc=BYOC_TRUNK,
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


def create_participant_required_only(client):
    client.conferences(CONFERENCE).participants.create(from_="+15017122661", to="client:bob?ticket=42")


def create_participant_in_named_conference(client):
    """A friendly name in the path; the other value of each enum and boolean; one-item lists; an empty
    label; URLs with escapes and non-ASCII text."""
    client.conferences("Room 42 café").participants.create(
        from_="client:alice",
        to="sip:bob@example.com?x-team=support&x-tier=2",
        status_callback_event=["answered"],
        label="",
        timeout=5,
        record=False,
        muted=True,
        beep="false",
        start_conference_on_enter=False,
        end_conference_on_exit=True,
        wait_url="https://example.com/wait?genre=jazz&title=caf%C3%A9",
        wait_method="POST",
        early_media=False,
        max_participants=250,
        conference_record="do-not-record",
        conference_trim="do-not-trim",
        conference_status_callback="https://example.com/música?sala=42",
        conference_status_callback_event=["join"],
        recording_channels="mono",
        sip_auth_username="bob smith",
        sip_auth_password="",
        region="au1",
        recording_status_callback_event=["started", "paused", "resumed", "stopped", "failed"],
        conference_recording_status_callback_event=["completed"],
        coaching=False,
        jitter_buffer_size="off",
        caller_id="client:support",
        recording_track="inbound",
        time_limit=0,
        machine_detection="Enable",
        caller_display_name="Zoë Ørsted-Ñúñez",
    )


def update_participant_every_parameter(client):
    client.conferences(CONFERENCE).participants(CALL).update(
        muted=False,
        hold=True,
        hold_url="https://example.com/hold.mp3?loop=0&v=2",
        hold_method="GET",
        announce_url="https://example.com/announce?text=Room+42%21",
        announce_method="POST",
        wait_url="",
        wait_method="GET",
        beep_on_exit=False,
        end_conference_on_exit=True,
        coaching=True,
        call_sid_to_coach=COACHED_CALL,
    )


def update_participant_by_label(client):
    """A label with a space and non-ASCII text in the path."""
    client.conferences(CONFERENCE).participants("agent 7 ñ").update(hold=False, coaching=False)


def update_participant_label_with_reserved_characters(client):
    """A label with `+` and `&` in the path: the SDK leaves them literal (see tests/sdk_wire.rs)."""
    client.conferences(CONFERENCE).participants("Ada+Bob & Co").update(muted=True)


def update_participant_hold_and_coach_by_sid(client):
    """Hold with Twilio's music, and coaching given by the coached call alone."""
    client.conferences(CONFERENCE).participants(CALL).update(hold=True, call_sid_to_coach=COACHED_CALL)


def list_participants_every_filter(client):
    client.conferences(CONFERENCE).participants.page(
        muted=True, hold=False, coaching=False, page_token="PAabc+/=", page_number=2, page_size=1000
    )


def list_participants_unfiltered(client):
    client.conferences(CONFERENCE).participants.page()


# ---- Conferences ----


def update_conference_every_parameter(client):
    client.conferences(CONFERENCE).update(
        status="completed",
        announce_url="https://example.com/anuncio/música?voz=Lupe&texto=¡hola!",
        announce_method="GET",
    )


def update_conference_announce_only(client):
    client.conferences(CONFERENCE).update(announce_url="https://example.com/announce.xml")


def list_conferences_every_filter(client):
    client.conferences.page(
        date_created=date(2024, 3, 9),
        date_created_before=date(2024, 3, 31),
        date_created_after=date(2024, 1, 1),
        date_updated=date(2024, 3, 10),
        date_updated_before=date(2024, 12, 31),
        date_updated_after=date(2023, 2, 28),
        friendly_name="Room 42 & café * ~+",
        status="in-progress",
        page_token="PAdef",
        page_number=0,
        page_size=1,
    )


def list_conferences_empty_friendly_name(client):
    client.conferences.page(friendly_name="", status="init")


# ---- Conference recordings ----


def update_conference_recording_pause(client):
    client.conferences(CONFERENCE).recordings(RECORDING).update(status="paused", pause_behavior="skip")


def update_conference_recording_pause_current(client):
    client.conferences(CONFERENCE).recordings("Twilio.CURRENT").update(status="paused")


def update_conference_recording_resume(client):
    client.conferences(CONFERENCE).recordings("Twilio.CURRENT").update(status="in-progress")


def update_conference_recording_stop(client):
    client.conferences(CONFERENCE).recordings(RECORDING).update(status="stopped")


def list_conference_recordings_every_filter(client):
    client.conferences(CONFERENCE).recordings.page(
        date_created=date(2024, 3, 9),
        date_created_before=date(2024, 3, 31),
        date_created_after=date(2024, 3, 1),
        page_token="PAghi",
        page_number=3,
        page_size=20,
    )


# ---- Calls ----


def create_call_url_every_parameter(client):
    client.calls.create(
        to="+15558675310",
        from_="+15017122661",
        method="GET",
        fallback_url="https://example.com/fallback?reason=error&n=1",
        fallback_method="POST",
        status_callback="https://example.com/status?a=1&b=two+words",
        status_callback_event=["initiated", "ringing", "answered", "completed"],
        status_callback_method="POST",
        send_digits="W1234#*wABCD",
        timeout=600,
        record=True,
        recording_channels="dual",
        recording_status_callback="https://example.com/recording",
        recording_status_callback_method="GET",
        sip_auth_username="ada lovelace",
        sip_auth_password="p@ss w0rd&=+",
        machine_detection="DetectMessageEnd",
        machine_detection_timeout=59,
        recording_status_callback_event=["in-progress", "completed", "absent"],
        trim="trim-silence",
        caller_id="+15017122661",
        machine_detection_speech_threshold=1000,
        machine_detection_speech_end_threshold=5000,
        machine_detection_silence_timeout=10000,
        async_amd="true",
        async_amd_status_callback="https://example.com/amd?call=1",
        async_amd_status_callback_method="GET",
        byoc=BYOC_TRUNK,
        call_reason="Délivery update: order #42 & more",
        call_token="eyJhbGciOi+/=",
        recording_track="outbound",
        time_limit=14400,
        client_notification_url="https://example.com/notify?x=ü",
        url="https://example.com/twiml?step=1&name=Ada%20L",
    )


def create_call_twiml(client):
    client.calls.create(
        to="client:bob",
        from_="client:alice",
        status_callback_event=["completed"],
        timeout=1,
        record=False,
        recording_channels="mono",
        machine_detection="Enable",
        recording_status_callback_event=["completed"],
        trim="do-not-trim",
        async_amd="false",
        recording_track="inbound",
        twiml='<Response><Say voice="alice">Hello & goodbye * ~ café 👋</Say>\n<Pause length="1"/></Response>',
    )


def create_call_application_for_subaccount(client):
    client.api.v2010.accounts(SUBACCOUNT).calls.create(
        to="sip:bob@example.com",
        from_="alice",
        sip_auth_username="alice",
        sip_auth_password="",
        caller_id="sip:alice@example.com",
        application_sid=APPLICATION,
    )


def update_call_url_every_parameter(client):
    client.calls(CALL).update(
        url="https://example.com/next?step=2&lang=fr-CA",
        method="GET",
        status="completed",
        fallback_url="https://example.com/fallback?x=%2B1",
        fallback_method="GET",
        status_callback="https://example.com/ended?call=a+b",
        status_callback_method="GET",
        time_limit=60,
    )


def update_call_twiml_only(client):
    client.calls(CALL).update(twiml="<Response><Hangup/></Response>")


def update_call_twiml_with_other_parameters(client):
    """`Twiml` with parameters the SDK sends before it (see tests/sdk_wire.rs)."""
    client.calls(CALL).update(
        twiml="<Response><Say>Ça va? 1+1=2</Say></Response>",
        method="POST",
        fallback_url="https://example.com/fallback",
        status_callback="https://example.com/ended",
        status_callback_method="POST",
        time_limit=30,
    )


def update_call_cancel(client):
    client.calls(CALL).update(status="canceled")


def list_calls_every_filter(client):
    client.calls.page(
        to="+15558675310",
        from_="client:alice",
        parent_call_sid=PARENT_CALL,
        status="no-answer",
        start_time=datetime(2024, 3, 9, tzinfo=UTC),
        start_time_before=datetime(2024, 3, 9, 23, 59, 59, tzinfo=UTC),
        start_time_after=datetime(2024, 3, 1, 8, 30, tzinfo=UTC),
        end_time=datetime(2024, 3, 10, tzinfo=UTC),
        end_time_before=datetime(2024, 3, 11, 12, 0, 1, tzinfo=UTC),
        end_time_after=datetime(2024, 3, 2, tzinfo=UTC),
        page_token="PAjkl",
        page_number=1,
        page_size=50,
    )


def list_calls_times_with_offset(client):
    """Date-times given with an offset other than UTC (see tests/sdk_wire.rs)."""
    client.calls.page(
        start_time_before=datetime(2024, 3, 9, 9, 5, 3, tzinfo=PLUS_TWO),
        start_time_after=datetime(2024, 3, 8, 23, 30, tzinfo=MINUS_FIVE),
    )


# ---- Messages ----


def create_message_every_parameter(client):
    client.messages.create(
        to="whatsapp:+15558675310",
        status_callback="https://example.com/status?a=1&b=two+words",
        application_sid=APPLICATION,
        max_price="0.75",
        provide_feedback=True,
        attempt=2,
        validity_period=36000,
        force_delivery=False,
        content_retention="discard",
        address_retention="obfuscate",
        smart_encoded=True,
        persistent_action=["geo:37.787890,-122.391664|375 Beale St", "mailto:a@example.com"],
        traffic_type="free",
        shorten_urls=True,
        schedule_type="fixed",
        send_at=datetime(2024, 3, 9, 7, 5, 3, tzinfo=UTC),
        send_as_mms=True,
        content_variables='{"1":"Ada & Bob","2":"12/1"}',
        risk_check="disable",
        from_="+15017122661",
        fallback_from="Acme Inc",
        messaging_service_sid=MESSAGING_SERVICE,
        body="Hello * ~ café 👍",
        media_url=["https://example.com/a.png", "https://example.com/b.jpg?x=1"],
        content_sid=CONTENT_TEMPLATE,
    )


def create_message_from_and_body(client):
    client.messages.create(
        to="+15558675310", from_="+15017122661", body="Olá! 1+1=2 & 50% off * ~ 👍\nline two"
    )


def create_message_service_and_media(client):
    client.messages.create(
        to="+15558675310",
        messaging_service_sid=MESSAGING_SERVICE,
        media_url=[
            "https://example.com/a.png",
            "https://example.com/b.jpg?size=large&v=2",
            "https://example.com/ç.gif",
        ],
    )


def create_message_from_service_body_and_media(client):
    client.messages.create(
        to="+15558675310",
        from_="+15017122661",
        messaging_service_sid=MESSAGING_SERVICE,
        body="See the map",
        media_url=["https://example.com/map.png?zoom=12"],
    )


def create_message_template_only(client):
    client.messages.create(
        to="+15558675310",
        messaging_service_sid=MESSAGING_SERVICE,
        content_sid=CONTENT_TEMPLATE,
        content_variables='{"1":"Zoë","2":"5+3"}',
    )


def create_message_false_booleans(client):
    client.messages.create(
        to="+15558675310",
        max_price="5",
        provide_feedback=False,
        attempt=1,
        validity_period=1,
        force_delivery=False,
        content_retention="retain",
        address_retention="retain",
        smart_encoded=False,
        persistent_action=["mailto:x@example.com"],
        shorten_urls=False,
        send_as_mms=False,
        risk_check="enable",
        from_="Acme Inc",
        body="x",
    )


def create_message_scheduled_with_offset(client):
    """`SendAt` given with an offset other than UTC (see tests/sdk_wire.rs)."""
    client.messages.create(
        to="+15558675310",
        schedule_type="fixed",
        send_at=datetime(2024, 3, 9, 12, 35, tzinfo=PLUS_FIVE_THIRTY),
        messaging_service_sid=MESSAGING_SERVICE,
        body="Reminder: 14:00",
    )


def update_message_redact(client):
    client.messages(MESSAGE).update(body="")


def update_message_cancel(client):
    client.messages(MESSAGE).update(status="canceled")


def list_messages_every_filter(client):
    client.messages.page(
        to="whatsapp:+15558675310",
        from_="Acme Inc",
        date_sent=datetime(2024, 3, 9, tzinfo=UTC),
        date_sent_before=datetime(2024, 3, 31, tzinfo=UTC),
        date_sent_after=datetime(2024, 3, 1, tzinfo=UTC),
        page_token="PAmno",
        page_number=4,
        page_size=100,
    )


def list_messages_sent_before_day(client):
    """A day, as the description documents: the SDK sends the date-time of its start."""
    client.api.v2010.accounts(SUBACCOUNT).messages.page(date_sent_before=date(2024, 3, 9))


SCENARIOS = [
    create_participant_every_parameter,
    create_participant_required_only,
    create_participant_in_named_conference,
    update_participant_every_parameter,
    update_participant_by_label,
    update_participant_label_with_reserved_characters,
    update_participant_hold_and_coach_by_sid,
    list_participants_every_filter,
    list_participants_unfiltered,
    update_conference_every_parameter,
    update_conference_announce_only,
    list_conferences_every_filter,
    list_conferences_empty_friendly_name,
    update_conference_recording_pause,
    update_conference_recording_pause_current,
    update_conference_recording_resume,
    update_conference_recording_stop,
    list_conference_recordings_every_filter,
    create_call_url_every_parameter,
    create_call_twiml,
    create_call_application_for_subaccount,
    update_call_url_every_parameter,
    update_call_twiml_only,
    update_call_twiml_with_other_parameters,
    update_call_cancel,
    list_calls_every_filter,
    list_calls_times_with_offset,
    create_message_every_parameter,
    create_message_from_and_body,
    create_message_service_and_media,
    create_message_from_service_body_and_media,
    create_message_template_only,
    create_message_false_booleans,
    create_message_scheduled_with_offset,
    update_message_redact,
    update_message_cancel,
    list_messages_every_filter,
    list_messages_sent_before_day,
]

def main():
    def point_at(client, base):
        client.api.base_url = base

    run([({}, scenario) for scenario in SCENARIOS], point_at)


if __name__ == "__main__":
    main()
