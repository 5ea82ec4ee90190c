"""What Twilio's official Python SDK puts on the wire for the generated operations of the 2010 API.

The companion of `scripts/sdk_wire.py` (which covers the hand-written operations), with the same
capture server: each scenario calls the SDK as an application would, the SDK's own HTTP client sends
the request to 127.0.0.1, and the method, the request target exactly as received and the body are
recorded, together with the operation id of the description that the scenario calls. The output is
what `tests/sdk_wire_catalog.rs` decodes into that operation's struct, re-encodes and builds in typed
code, comparing byte for byte.

The scenarios spread over the resource families of the generated catalog (queues, phone numbers,
applications, addresses, keys, caller ids, recordings, transcriptions, the sub-resources of a call,
usage, SIP, available numbers, accounts, short codes, connect apps, message media and feedback,
tokens, balance), with every kind of value: text with spaces, `+`, `&`, `*`, `~` and non-ASCII; the
empty string; `true` and `false`; integers, zero included; lists of one and of several items; enums;
URLs with query strings; dates and date-times; GET filters with the operators `<` and `>`; paging;
fetches and deletes, whose request is the path alone.

Usage: scripts/sdk_wire.sh (runs both scripts and checks their output against the fixtures); by hand,
with `twilio==9.13.0` installed:

    python scripts/sdk_wire_catalog.py > tests/fixtures/sdk_wire_catalog.json
"""

import sys
from datetime import date, datetime, timedelta, timezone

# The capture server, the pinned version and the resources its reply names (`scripts/sdk_capture.py`),
# the subaccount of the hand-written operations' script (imported from the directory of this one; no
# `__pycache__` left in the work tree).
sys.dont_write_bytecode = True
from sdk_capture import ACCOUNT, CALL, CONFERENCE, run
from sdk_wire import SUBACCOUNT

QUEUE = "QUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
PHONE_NUMBER = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CALLER_ID = "PNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
APPLICATION = "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SMS_APPLICATION = "APbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
ADDRESS = "ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
EMERGENCY_ADDRESS = "ADbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
TRUNK = "TKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
IDENTITY = "RIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BUNDLE = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
KEY = "SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SIGNING_KEY = "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
INSTALLED_ADD_ON = "XEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
ASSIGNED_ADD_ON = "XEbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
RECORDING = "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
TRANSCRIPTION = "TRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
NOTIFICATION = "NOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
PAYMENT = "PKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SIPREC = "SRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
STREAM = "MZaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SUBSCRIPTION = "ZYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
TRIGGER = "UTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
DOMAIN = "SDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CREDENTIAL_LIST = "CLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CREDENTIAL = "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
IP_ACCESS_CONTROL_LIST = "ALaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
IP_ADDRESS = "IPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BYOC_TRUNK = "BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SHORT_CODE = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CONNECT_APP = "CNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
MESSAGE = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
MMS = "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
MEDIA = "MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

UTC = timezone.utc
PLUS_TWO = timezone(timedelta(hours=2))

SCENARIOS = []


def calls(operation_id):
    """Registers the decorated function as a scenario that calls the operation `operation_id` of the
    description (the id the fixture records for the Rust side)."""

    def register(function):
        SCENARIOS.append((operation_id, function))
        return function

    return register


# ---- Queues and their members ----


@calls("CreateQueue")
def create_queue_every_parameter(client):
    client.queues.create(friendly_name="Support & Sales * ~ café", max_size=5000)


@calls("CreateQueue")
def create_queue_name_only(client):
    client.queues.create(friendly_name="q+1")


@calls("UpdateQueue")
def update_queue_every_parameter(client):
    client.queues(QUEUE).update(friendly_name="", max_size=1)


@calls("ListQueue")
def list_queues_paged(client):
    client.queues.page(page_token="PAqueue+/=", page_number=2, page_size=50)


@calls("FetchQueue")
def fetch_queue(client):
    client.queues(QUEUE).fetch()


@calls("DeleteQueue")
def delete_queue_of_subaccount(client):
    client.api.v2010.accounts(SUBACCOUNT).queues(QUEUE).delete()


@calls("UpdateMember")
def update_member_front_with_method(client):
    client.queues(QUEUE).members("Front").update(url="https://example.com/dequeue?agent=7&lang=fr", method="GET")


@calls("UpdateMember")
def update_member_by_call(client):
    client.queues(QUEUE).members(CALL).update(url="https://example.com/dequeue")


@calls("ListMember")
def list_members_first_page(client):
    client.queues(QUEUE).members.page(page_size=1)


# ---- Incoming phone numbers ----


@calls("CreateIncomingPhoneNumber")
def create_incoming_phone_number_every_parameter(client):
    client.incoming_phone_numbers.create(
        api_version="2010-04-01",
        friendly_name="Main line * ~ Zoë",
        sms_application_sid=SMS_APPLICATION,
        sms_fallback_method="GET",
        sms_fallback_url="https://example.com/sms-fallback?x=1&y=2",
        sms_method="POST",
        sms_url="https://example.com/sms",
        status_callback="https://example.com/status?n=a+b",
        status_callback_method="GET",
        voice_application_sid=APPLICATION,
        voice_caller_id_lookup=True,
        voice_fallback_method="POST",
        voice_fallback_url="https://example.com/voice-fallback",
        voice_method="GET",
        voice_url="https://example.com/voice?lang=es&texto=¡hola!",
        emergency_status="Active",
        emergency_address_sid=EMERGENCY_ADDRESS,
        trunk_sid=TRUNK,
        identity_sid=IDENTITY,
        address_sid=ADDRESS,
        voice_receive_mode="fax",
        bundle_sid=BUNDLE,
        phone_number="+15017122661",
    )


@calls("CreateIncomingPhoneNumber")
def create_incoming_phone_number_by_area_code(client):
    client.incoming_phone_numbers.create(area_code="510", voice_caller_id_lookup=False)


@calls("UpdateIncomingPhoneNumber")
def update_incoming_phone_number_every_parameter(client):
    """Every parameter, in the update's own order (not the create's)."""
    client.incoming_phone_numbers(PHONE_NUMBER).update(
        account_sid=ACCOUNT,
        api_version="2008-08-01",
        friendly_name="Renamed ~ line",
        sms_application_sid=SMS_APPLICATION,
        sms_fallback_method="POST",
        sms_fallback_url="https://example.com/sms-fallback",
        sms_method="GET",
        sms_url="https://example.com/sms?v=2",
        status_callback="https://example.com/status",
        status_callback_method="POST",
        voice_application_sid=APPLICATION,
        voice_caller_id_lookup=False,
        voice_fallback_method="GET",
        voice_fallback_url="https://example.com/voice-fallback?x=1&y=2",
        voice_method="POST",
        voice_url="https://example.com/voice",
        emergency_status="Active",
        emergency_address_sid=EMERGENCY_ADDRESS,
        trunk_sid=TRUNK,
        voice_receive_mode="voice",
        identity_sid=IDENTITY,
        address_sid=ADDRESS,
        bundle_sid=BUNDLE,
    )


@calls("UpdateIncomingPhoneNumber")
def update_incoming_phone_number_move_to_subaccount(client):
    """`AccountSid` in the form (the account to move the number to), besides the one in the path."""
    client.incoming_phone_numbers(PHONE_NUMBER).update(
        account_sid=SUBACCOUNT,
        friendly_name="",
        emergency_status="Inactive",
        voice_receive_mode="voice",
    )


@calls("UpdateIncomingPhoneNumber")
def update_incoming_phone_number_clear_voice_url(client):
    """An empty URL: how an application takes a number's voice URL away."""
    client.incoming_phone_numbers(PHONE_NUMBER).update(voice_url="", voice_application_sid=APPLICATION)


@calls("ListIncomingPhoneNumber")
def list_incoming_phone_numbers_every_filter(client):
    client.incoming_phone_numbers.page(
        beta=False,
        friendly_name="Main line & co",
        phone_number="+1501712",
        origin="twilio",
        page_token="PAin",
        page_number=0,
        page_size=1000,
    )


@calls("FetchIncomingPhoneNumber")
def fetch_incoming_phone_number(client):
    client.incoming_phone_numbers(PHONE_NUMBER).fetch()


@calls("DeleteIncomingPhoneNumber")
def delete_incoming_phone_number(client):
    client.incoming_phone_numbers(PHONE_NUMBER).delete()


@calls("CreateIncomingPhoneNumberLocal")
def create_incoming_phone_number_local(client):
    client.incoming_phone_numbers.local.create(
        phone_number="+15017122661",
        friendly_name="Local ñ",
        voice_url="https://example.com/voice",
        voice_method="POST",
        address_sid=ADDRESS,
    )


@calls("ListIncomingPhoneNumberLocal")
def list_incoming_phone_numbers_local_beta(client):
    client.incoming_phone_numbers.local.page(beta=True, phone_number="510")


@calls("CreateIncomingPhoneNumberMobile")
def create_incoming_phone_number_mobile(client):
    client.incoming_phone_numbers.mobile.create(
        phone_number="+447700900123", sms_url="https://example.com/sms?to=mobile", bundle_sid=BUNDLE
    )


@calls("CreateIncomingPhoneNumberTollFree")
def create_incoming_phone_number_toll_free(client):
    client.incoming_phone_numbers.toll_free.create(
        phone_number="+18005550100", voice_caller_id_lookup=True, trunk_sid=TRUNK
    )


@calls("ListIncomingPhoneNumberTollFree")
def list_incoming_phone_numbers_toll_free_by_name(client):
    client.incoming_phone_numbers.toll_free.page(friendly_name="")


@calls("CreateIncomingPhoneNumberAssignedAddOn")
def create_assigned_add_on(client):
    client.incoming_phone_numbers(PHONE_NUMBER).assigned_add_ons.create(installed_add_on_sid=INSTALLED_ADD_ON)


@calls("ListIncomingPhoneNumberAssignedAddOn")
def list_assigned_add_ons(client):
    client.incoming_phone_numbers(PHONE_NUMBER).assigned_add_ons.page(page_size=20)


@calls("DeleteIncomingPhoneNumberAssignedAddOn")
def delete_assigned_add_on(client):
    client.incoming_phone_numbers(PHONE_NUMBER).assigned_add_ons(ASSIGNED_ADD_ON).delete()


# ---- Applications ----


@calls("CreateApplication")
def create_application_every_parameter(client):
    client.applications.create(
        api_version="2010-04-01",
        voice_url="https://example.com/voice?a=1&b=%2B2",
        voice_method="GET",
        voice_fallback_url="https://example.com/fallback",
        voice_fallback_method="POST",
        status_callback="https://example.com/status",
        status_callback_method="GET",
        voice_caller_id_lookup=False,
        sms_url="https://example.com/sms",
        sms_method="POST",
        sms_fallback_url="https://example.com/sms-fallback",
        sms_fallback_method="GET",
        sms_status_callback="https://example.com/sms-status",
        message_status_callback="https://example.com/message-status?x=ü",
        friendly_name="My app + Co * ~ 👋",
        public_application_connect_enabled=True,
    )


@calls("CreateApplication")
def create_application_empty(client):
    client.applications.create()


@calls("UpdateApplication")
def update_application_every_parameter(client):
    """Every parameter, in the update's own order (`FriendlyName` first)."""
    client.applications(APPLICATION).update(
        friendly_name="Renamed app & co",
        api_version="2008-08-01",
        voice_url="https://example.com/voice",
        voice_method="POST",
        voice_fallback_url="https://example.com/fallback?n=1",
        voice_fallback_method="GET",
        status_callback="https://example.com/status",
        status_callback_method="POST",
        voice_caller_id_lookup=True,
        sms_url="https://example.com/sms",
        sms_method="GET",
        sms_fallback_url="https://example.com/sms-fallback",
        sms_fallback_method="POST",
        sms_status_callback="https://example.com/sms-status",
        message_status_callback="https://example.com/message-status",
        public_application_connect_enabled=False,
    )


@calls("UpdateApplication")
def update_application_some(client):
    client.applications(APPLICATION).update(
        friendly_name="", voice_url="https://example.com/v2", public_application_connect_enabled=False
    )


@calls("ListApplication")
def list_applications_by_name(client):
    client.applications.page(friendly_name="My app & co", page_size=5)


@calls("DeleteApplication")
def delete_application(client):
    client.applications(APPLICATION).delete()


# ---- Addresses ----


@calls("CreateAddress")
def create_address_every_parameter(client):
    client.addresses.create(
        customer_name="Zoë Ørsted & Co.",
        street="1 Rue de l'Église",
        city="Saint-Denis",
        region="Île-de-France",
        postal_code="93200",
        iso_country="FR",
        friendly_name="HQ * ~",
        emergency_enabled=True,
        auto_correct_address=False,
        street_secondary="Bât. B+C",
    )


@calls("CreateAddress")
def create_address_required_only(client):
    client.addresses.create(
        customer_name="Ada", street="", city="London", region="", postal_code="EC1A 1BB", iso_country="GB"
    )


@calls("UpdateAddress")
def update_address_some(client):
    client.addresses(ADDRESS).update(street="2 Main St", emergency_enabled=False, auto_correct_address=True)


@calls("ListAddress")
def list_addresses_every_filter(client):
    client.addresses.page(
        customer_name="Zoë & Co", friendly_name="HQ", emergency_enabled=True, iso_country="US", page_number=1
    )


@calls("FetchAddress")
def fetch_address(client):
    client.addresses(ADDRESS).fetch()


@calls("ListDependentPhoneNumber")
def list_dependent_phone_numbers(client):
    client.addresses(ADDRESS).dependent_phone_numbers.page(page_size=10)


# ---- Keys and signing keys ----


@calls("CreateNewKey")
def create_key(client):
    client.new_keys.create(friendly_name="deploy key ~ #1")


@calls("CreateNewKey")
def create_key_unnamed(client):
    client.new_keys.create()


@calls("UpdateKey")
def update_key(client):
    client.keys(KEY).update(friendly_name="renamed & rotated")


@calls("DeleteKey")
def delete_key(client):
    client.keys(KEY).delete()


@calls("ListKey")
def list_keys(client):
    client.keys.page(page_size=100, page_token="PAkey")


@calls("CreateNewSigningKey")
def create_signing_key(client):
    client.new_signing_keys.create(friendly_name="signing ñ")


@calls("UpdateSigningKey")
def update_signing_key(client):
    client.signing_keys(SIGNING_KEY).update(friendly_name="")


@calls("FetchSigningKey")
def fetch_signing_key(client):
    client.signing_keys(SIGNING_KEY).fetch()


# ---- Outgoing caller ids ----


@calls("CreateValidationRequest")
def create_validation_request_every_parameter(client):
    client.validation_requests.create(
        phone_number="+14158675310",
        friendly_name="Front desk & lobby",
        call_delay=0,
        extension="1234#",
        status_callback="https://example.com/validated?id=1&x=y",
        status_callback_method="GET",
    )


@calls("CreateValidationRequest")
def create_validation_request_phone_only(client):
    client.validation_requests.create(phone_number="+14158675310", call_delay=60)


@calls("UpdateOutgoingCallerId")
def update_outgoing_caller_id(client):
    client.outgoing_caller_ids(CALLER_ID).update(friendly_name="Front * desk")


@calls("ListOutgoingCallerId")
def list_outgoing_caller_ids_every_filter(client):
    client.outgoing_caller_ids.page(phone_number="+14158675310", friendly_name="Front desk", page_size=2)


@calls("DeleteOutgoingCallerId")
def delete_outgoing_caller_id(client):
    client.outgoing_caller_ids(CALLER_ID).delete()


# ---- Account recordings and transcriptions ----


@calls("ListRecording")
def list_recordings_every_filter(client):
    client.recordings.page(
        date_created=datetime(2024, 3, 9, tzinfo=UTC),
        date_created_before=datetime(2024, 3, 31, 23, 59, 59, tzinfo=UTC),
        date_created_after=datetime(2024, 3, 1, 8, 30, tzinfo=UTC),
        call_sid=CALL,
        conference_sid=CONFERENCE,
        include_soft_deleted=True,
        page_token="PArec",
        page_number=3,
        page_size=20,
    )


@calls("ListRecording")
def list_recordings_created_after(client):
    client.recordings.page(date_created_after=datetime(2023, 12, 31, 0, 0, 1, tzinfo=UTC))


@calls("ListRecording")
def list_recordings_created_with_offset(client):
    """A date-time given with an offset other than UTC (see tests/sdk_wire_catalog.rs)."""
    client.recordings.page(date_created_before=datetime(2024, 3, 9, 9, 5, 3, tzinfo=PLUS_TWO))


@calls("FetchRecording")
def fetch_recording_soft_deleted(client):
    client.recordings(RECORDING).fetch(include_soft_deleted=False)


@calls("DeleteRecording")
def delete_recording(client):
    client.recordings(RECORDING).delete()


@calls("ListRecordingTranscription")
def list_recording_transcriptions(client):
    client.recordings(RECORDING).transcriptions.page(page_number=0)


@calls("ListTranscription")
def list_transcriptions(client):
    client.transcriptions.page(page_size=1000)


@calls("FetchTranscription")
def fetch_transcription(client):
    client.transcriptions(TRANSCRIPTION).fetch()


@calls("DeleteTranscription")
def delete_transcription_of_subaccount(client):
    client.api.v2010.accounts(SUBACCOUNT).transcriptions(TRANSCRIPTION).delete()


# ---- Account notifications ----


@calls("ListNotification")
def list_notifications_every_filter(client):
    client.notifications.page(
        log=0,
        message_date=date(2024, 2, 29),
        message_date_before=date(2024, 3, 31),
        message_date_after=date(2024, 1, 1),
        page_size=30,
    )


@calls("FetchNotification")
def fetch_notification(client):
    client.notifications(NOTIFICATION).fetch()


# ---- The sub-resources of a call ----


@calls("CreateCallRecording")
def create_call_recording_every_parameter(client):
    client.calls(CALL).recordings.create(
        recording_status_callback_event=["in-progress", "completed", "absent"],
        recording_status_callback="https://example.com/recording?call=1&n=2",
        recording_status_callback_method="GET",
        trim="trim-silence",
        recording_channels="dual",
        recording_track="both",
    )


@calls("CreateCallRecording")
def create_call_recording_one_event(client):
    client.calls(CALL).recordings.create(recording_status_callback_event=["completed"])


@calls("UpdateCallRecording")
def update_call_recording_pause(client):
    client.calls(CALL).recordings(RECORDING).update(status="paused", pause_behavior="skip")


@calls("UpdateCallRecording")
def update_call_recording_resume_current(client):
    client.calls(CALL).recordings("Twilio.CURRENT").update(status="in-progress")


@calls("ListCallRecording")
def list_call_recordings_every_filter(client):
    client.calls(CALL).recordings.page(
        date_created=date(2024, 3, 9),
        date_created_before=date(2024, 3, 31),
        date_created_after=date(2024, 3, 1),
        page_size=5,
    )


@calls("DeleteCallRecording")
def delete_call_recording(client):
    client.calls(CALL).recordings(RECORDING).delete()


@calls("ListCallNotification")
def list_call_notifications_every_filter(client):
    client.calls(CALL).notifications.page(
        log=1, message_date_before=date(2024, 12, 31), message_date_after=date(2024, 1, 1), page_number=2
    )


@calls("FetchCallNotification")
def fetch_call_notification(client):
    client.calls(CALL).notifications(NOTIFICATION).fetch()


@calls("CreatePayments")
def create_payment_every_parameter(client):
    client.calls(CALL).payments.create(
        idempotency_key="pay-42 & co",
        status_callback="https://example.com/pay?order=42&x=y",
        bank_account_type="consumer-checking",
        charge_amount=10.5,
        currency="usd",
        description="Order #42 * ~ café",
        input="dtmf",
        min_postal_code_length=5,
        parameter={"k": "v & w"},
        payment_connector="Default",
        payment_method="credit-card",
        postal_code=False,
        security_code=True,
        timeout=0,
        token_type="reusable",
        valid_card_types="visa mastercard amex",
        require_matching_inputs="payment-card-number",
        confirmation="true",
    )


@calls("CreatePayments")
def create_payment_whole_amount(client):
    client.calls(CALL).payments.create(
        idempotency_key="pay-43", status_callback="https://example.com/pay", charge_amount=0
    )


@calls("UpdatePayments")
def update_payment_capture(client):
    client.calls(CALL).payments(PAYMENT).update(
        idempotency_key="cap-1", status_callback="https://example.com/pay", capture="expiration-date"
    )


@calls("UpdatePayments")
def update_payment_complete(client):
    client.calls(CALL).payments(PAYMENT).update(
        idempotency_key="done+1", status_callback="https://example.com/pay?x=1", status="complete"
    )


@calls("CreateSiprec")
def create_siprec_with_parameters(client):
    client.calls(CALL).siprec.create(
        name="my siprec & co",
        connector_name="Connector 1",
        track="both_tracks",
        status_callback="https://example.com/siprec?a=b",
        status_callback_method="GET",
        parameter1_name="customer id",
        parameter1_value="42 + ü",
        parameter2_name="empty",
        parameter2_value="",
    )


@calls("UpdateSiprec")
def update_siprec_stop(client):
    client.calls(CALL).siprec(SIPREC).update(status="stopped")


@calls("CreateStream")
def create_stream_with_parameters(client):
    client.calls(CALL).streams.create(
        url="wss://example.com/stream?token=a+b",
        name="stream * ~",
        track="inbound_track",
        status_callback="https://example.com/stream-status",
        status_callback_method="POST",
        parameter1_name="lang",
        parameter1_value="fr-CA",
    )


@calls("UpdateStream")
def update_stream_stop_by_name(client):
    client.calls(CALL).streams("my stream").update(status="stopped")


@calls("UpdateStream")
def update_stream_stop_by_non_ascii_name(client):
    client.calls(CALL).streams("flux café").update(status="stopped")


@calls("UpdateStream")
def update_stream_stop_by_name_with_reserved_characters(client):
    """A name with `+` and `&` in the path: the SDK leaves them literal (see tests/sdk_wire_catalog.rs)."""
    client.calls(CALL).streams("a+b & c").update(status="stopped")


@calls("CreateUserDefinedMessage")
def create_user_defined_message(client):
    client.calls(CALL).user_defined_messages.create(
        content='{"order": 42, "note": "café & más"}', idempotency_key="udm-1"
    )


@calls("CreateUserDefinedMessageSubscription")
def create_user_defined_message_subscription(client):
    client.calls(CALL).user_defined_message_subscriptions.create(
        callback="https://example.com/udm?x=1", idempotency_key="", method="GET"
    )


@calls("DeleteUserDefinedMessageSubscription")
def delete_user_defined_message_subscription(client):
    client.calls(CALL).user_defined_message_subscriptions(SUBSCRIPTION).delete()


# ---- Usage records and triggers ----


@calls("ListUsageRecord")
def list_usage_records_every_filter(client):
    client.usage.records.page(
        category="calls-inbound",
        start_date=date(2024, 1, 1),
        end_date=date(2024, 3, 31),
        include_subaccounts=False,
        page_token="PAuse",
        page_number=1,
        page_size=100,
    )


@calls("ListUsageRecord")
def list_usage_records_relative_dates(client):
    """Offsets from today, which the description allows besides a date (`-30days`, `+30days`)."""
    client.usage.records.page(start_date="-30days", end_date="+30days")


@calls("ListUsageRecordDaily")
def list_usage_records_daily(client):
    client.usage.records.daily.page(category="sms", start_date=date(2024, 2, 29), include_subaccounts=True)


@calls("ListUsageRecordMonthly")
def list_usage_records_monthly(client):
    client.usage.records.monthly.page(end_date=date(2023, 12, 31))


@calls("ListUsageRecordLastMonth")
def list_usage_records_last_month(client):
    client.usage.records.last_month.page()


@calls("CreateUsageTrigger")
def create_usage_trigger_every_parameter(client):
    client.usage.triggers.create(
        callback_url="https://example.com/usage?alert=1&lvl=hi",
        trigger_value="+30",
        usage_category="calls",
        callback_method="GET",
        friendly_name="Alert * ~ ñ",
        recurring="monthly",
        trigger_by="price",
    )


@calls("CreateUsageTrigger")
def create_usage_trigger_required_only(client):
    client.usage.triggers.create(callback_url="https://example.com/u", trigger_value="1000", usage_category="sms")


@calls("UpdateUsageTrigger")
def update_usage_trigger(client):
    client.usage.triggers(TRIGGER).update(
        callback_method="POST", callback_url="https://example.com/u2", friendly_name=""
    )


@calls("ListUsageTrigger")
def list_usage_triggers_every_filter(client):
    client.usage.triggers.page(recurring="alltime", trigger_by="count", usage_category="sms", page_size=10)


@calls("DeleteUsageTrigger")
def delete_usage_trigger(client):
    client.usage.triggers(TRIGGER).delete()


# ---- SIP ----


@calls("CreateSipDomain")
def create_sip_domain_every_parameter(client):
    client.sip.domains.create(
        domain_name="acme-café.sip.twilio.com",
        friendly_name="Acme & Co",
        voice_url="https://example.com/sip?x=1",
        voice_method="GET",
        voice_fallback_url="https://example.com/sip-fallback",
        voice_fallback_method="POST",
        voice_status_callback_url="https://example.com/sip-status",
        voice_status_callback_method="GET",
        sip_registration=True,
        emergency_calling_enabled=False,
        secure=True,
        byoc_trunk_sid=BYOC_TRUNK,
        emergency_caller_sid=PHONE_NUMBER,
    )


@calls("UpdateSipDomain")
def update_sip_domain_every_parameter(client):
    """Every parameter, in the update's own order (not the create's)."""
    client.sip.domains(DOMAIN).update(
        friendly_name="Acme ñ",
        voice_fallback_method="GET",
        voice_fallback_url="https://example.com/sip-fallback?x=1",
        voice_method="POST",
        voice_status_callback_method="GET",
        voice_status_callback_url="https://example.com/sip-status",
        voice_url="https://example.com/sip",
        sip_registration=False,
        domain_name="acme-2.sip.twilio.com",
        emergency_calling_enabled=True,
        secure=False,
        byoc_trunk_sid=BYOC_TRUNK,
        emergency_caller_sid=PHONE_NUMBER,
    )


@calls("UpdateSipDomain")
def update_sip_domain_some(client):
    client.sip.domains(DOMAIN).update(friendly_name="", secure=False, domain_name="acme.sip.twilio.com")


@calls("DeleteSipDomain")
def delete_sip_domain(client):
    client.sip.domains(DOMAIN).delete()


@calls("CreateSipCredentialList")
def create_sip_credential_list(client):
    client.sip.credential_lists.create(friendly_name="Agents + admins")


@calls("CreateSipCredential")
def create_sip_credential(client):
    client.sip.credential_lists(CREDENTIAL_LIST).credentials.create(username="ada", password="S3cr3t&=+ñ pass")


@calls("UpdateSipCredential")
def update_sip_credential(client):
    client.sip.credential_lists(CREDENTIAL_LIST).credentials(CREDENTIAL).update(password="N3w*~pass-word-42")


@calls("CreateSipIpAccessControlList")
def create_sip_ip_access_control_list(client):
    client.sip.ip_access_control_lists.create(friendly_name="Office ~ HQ")


@calls("CreateSipIpAddress")
def create_sip_ip_address(client):
    client.sip.ip_access_control_lists(IP_ACCESS_CONTROL_LIST).ip_addresses.create(
        friendly_name="router", ip_address="192.0.2.10", cidr_prefix_length=32
    )


@calls("UpdateSipIpAddress")
def update_sip_ip_address(client):
    client.sip.ip_access_control_lists(IP_ACCESS_CONTROL_LIST).ip_addresses(IP_ADDRESS).update(
        ip_address="2001:db8::1", cidr_prefix_length=0
    )


@calls("CreateSipCredentialListMapping")
def create_sip_credential_list_mapping(client):
    client.sip.domains(DOMAIN).credential_list_mappings.create(credential_list_sid=CREDENTIAL_LIST)


@calls("CreateSipIpAccessControlListMapping")
def create_sip_ip_access_control_list_mapping(client):
    client.sip.domains(DOMAIN).ip_access_control_list_mappings.create(
        ip_access_control_list_sid=IP_ACCESS_CONTROL_LIST
    )


@calls("DeleteSipIpAccessControlListMapping")
def delete_sip_ip_access_control_list_mapping(client):
    client.sip.domains(DOMAIN).ip_access_control_list_mappings(IP_ACCESS_CONTROL_LIST).delete()


@calls("CreateSipAuthCallsCredentialListMapping")
def create_sip_auth_calls_credential_list_mapping(client):
    client.sip.domains(DOMAIN).auth.calls.credential_list_mappings.create(credential_list_sid=CREDENTIAL_LIST)


@calls("CreateSipAuthRegistrationsCredentialListMapping")
def create_sip_auth_registrations_credential_list_mapping(client):
    client.sip.domains(DOMAIN).auth.registrations.credential_list_mappings.create(
        credential_list_sid=CREDENTIAL_LIST
    )


@calls("ListSipDomain")
def list_sip_domains(client):
    client.sip.domains.page(page_size=50, page_number=1)


# ---- Available phone numbers ----


@calls("ListAvailablePhoneNumberLocal")
def list_available_local_every_filter(client):
    client.available_phone_numbers("US").local.page(
        area_code=510,
        contains="510555****",
        sms_enabled=True,
        mms_enabled=False,
        voice_enabled=True,
        exclude_all_address_required=False,
        exclude_local_address_required=True,
        exclude_foreign_address_required=False,
        beta=True,
        near_number="+15105555555",
        near_lat_long="37.840699,-122.461853",
        distance=0,
        in_postal_code="94105",
        in_region="CA",
        in_rate_center="OKLD TRNID",
        in_lata="722",
        in_locality="San Francisco",
        fax_enabled=False,
        page_size=30,
    )


@calls("ListAvailablePhoneNumberLocal")
def list_available_local_by_pattern(client):
    client.available_phone_numbers("GB").local.page(contains="STORE*", in_locality="Saint-Étienne & co")


@calls("ListAvailablePhoneNumberTollFree")
def list_available_toll_free(client):
    client.available_phone_numbers("US").toll_free.page(contains="800*", voice_enabled=True)


@calls("ListAvailablePhoneNumberMobile")
def list_available_mobile(client):
    client.available_phone_numbers("GB").mobile.page(sms_enabled=True, page_size=1)


@calls("FetchAvailablePhoneNumberCountry")
def fetch_available_phone_number_country(client):
    client.available_phone_numbers("CA").fetch()


@calls("ListAvailablePhoneNumberCountry")
def list_available_phone_number_countries(client):
    client.available_phone_numbers.page(page_size=200)


# ---- Accounts ----


@calls("CreateAccount")
def create_account_named(client):
    client.api.v2010.accounts.create(friendly_name="Sub-account ñ & co * ~")


@calls("CreateAccount")
def create_account_unnamed(client):
    client.api.v2010.accounts.create()


@calls("UpdateAccount")
def update_account_suspend(client):
    client.api.v2010.accounts(SUBACCOUNT).update(friendly_name="", status="suspended")


@calls("ListAccount")
def list_accounts_every_filter(client):
    client.api.v2010.accounts.page(friendly_name="Sub + 1", status="closed", page_size=1000)


@calls("FetchAccount")
def fetch_account(client):
    client.api.v2010.accounts(SUBACCOUNT).fetch()


# ---- Short codes, connect apps ----


@calls("UpdateShortCode")
def update_short_code_every_parameter(client):
    client.short_codes(SHORT_CODE).update(
        friendly_name="Promo 12345 & more",
        api_version="2008-08-01",
        sms_url="https://example.com/sc?x=1&y=2",
        sms_method="GET",
        sms_fallback_url="https://example.com/sc-fallback",
        sms_fallback_method="POST",
    )


@calls("ListShortCode")
def list_short_codes_every_filter(client):
    client.short_codes.page(friendly_name="Promo", short_code="898", page_token="PAsc")


@calls("UpdateConnectApp")
def update_connect_app_every_parameter(client):
    client.connect_apps(CONNECT_APP).update(
        authorize_redirect_url="https://example.com/authorize?state=a+b",
        company_name="Acme & Söhne",
        deauthorize_callback_method="GET",
        deauthorize_callback_url="https://example.com/deauthorize",
        description="",
        friendly_name="Connect * ~",
        homepage_url="https://example.com/",
        permissions=["get-all", "post-all"],
    )


@calls("UpdateConnectApp")
def update_connect_app_one_permission(client):
    client.connect_apps(CONNECT_APP).update(permissions=["get-all"])


@calls("ListAuthorizedConnectApp")
def list_authorized_connect_apps(client):
    client.authorized_connect_apps.page(page_size=3)


# ---- Message media and feedback ----


@calls("ListMedia")
def list_media_every_filter(client):
    client.messages(MESSAGE).media.page(
        date_created=datetime(2024, 3, 9, 12, 0, tzinfo=UTC),
        date_created_before=datetime(2024, 3, 10, tzinfo=UTC),
        date_created_after=datetime(2024, 3, 8, 23, 59, 59, tzinfo=UTC),
        page_size=10,
    )


@calls("FetchMedia")
def fetch_media(client):
    client.messages(MMS).media(MEDIA).fetch()


@calls("DeleteMedia")
def delete_media(client):
    client.messages(MESSAGE).media(MEDIA).delete()


@calls("CreateMessageFeedback")
def create_message_feedback_confirmed(client):
    client.messages(MESSAGE).feedback.create(outcome="confirmed")


@calls("CreateMessageFeedback")
def create_message_feedback_unset(client):
    client.messages(MMS).feedback.create()


# ---- Tokens, balance ----


@calls("CreateToken")
def create_token_ttl(client):
    client.tokens.create(ttl=86400)


@calls("CreateToken")
def create_token_default(client):
    client.tokens.create()


@calls("FetchBalance")
def fetch_balance(client):
    client.balance.fetch()


@calls("FetchBalance")
def fetch_balance_of_subaccount(client):
    client.api.v2010.accounts(SUBACCOUNT).balance.fetch()


def main():
    def point_at(client, base):
        client.api.base_url = base

    run([({"operation": operation}, scenario) for operation, scenario in SCENARIOS], point_at)


if __name__ == "__main__":
    main()
