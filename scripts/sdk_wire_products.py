"""What Twilio's official Python SDK puts on the wire for Verify v2, Lookups v2 and Messaging v1.

The companion of `scripts/sdk_wire.py` and `scripts/sdk_wire_catalog.py`, with the same capture
server: each scenario calls the SDK as an application would, and the SDK's own HTTP client sends the
request to 127.0.0.1, where the method, the request target exactly as received and the body are
recorded with the operation id the scenario calls and the product's host. The SDK sends each product
to its own domain (`client.verify`, `client.lookups`, `client.messaging`, each with its `base_url`,
`https://verify.twilio.com`, ...): here every domain's `base_url` is the capture server, as
`client.api.base_url` is for the 2010 API. The output is what `tests/sdk_wire_products.rs` decodes
into the generated struct of that operation, validates, sends again through the client and builds in
typed code, comparing byte for byte.

Values: text with spaces, `+`, `&`, `*`, `~`, `/` and non-ASCII; the empty string; `true` and
`false`; integers, zero included; lists of one and of several items; enums; URLs with query strings;
date-times; objects the SDK sends as JSON text; paging; fetches and deletes; Lookups' JSON bodies
(`POST` and `PUT`), whose `Content-Type` is recorded with that of every other body.

Usage: scripts/sdk_wire.sh (runs the scripts and checks their output against the fixtures); by hand,
with `twilio==9.13.0` installed:

    python scripts/sdk_wire_products.py > tests/fixtures/sdk_wire_products.json
"""

import sys
from datetime import datetime, timedelta, timezone

from twilio.rest.lookups.v2.bucket import BucketContext
from twilio.rest.lookups.v2.lookup_override import LookupOverrideContext
from twilio.rest.lookups.v2.query import QueryList

# The capture server, which records the `Content-Type` of a `POST` or `PUT` here, and the pinned
# version (`scripts/sdk_capture.py`, imported from the directory of this one; no `__pycache__` left
# in the work tree).
sys.dont_write_bytecode = True
from sdk_capture import ContentTypeCaptureHandler, run

SERVICE = "VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
VERIFICATION = "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
RATE_LIMIT = "RKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BUCKET = "BLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
WEBHOOK = "YWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
FACTOR = "YFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CHALLENGE = "YCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
TEMPLATE = "HJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
CREDENTIAL = "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
ATTEMPT = "VLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
ACCESS_TOKEN = "YKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
MESSAGING_SERVICE = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
PHONE_NUMBER_SID = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SHORT_CODE = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
ALPHA_SENDER = "AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BRAND = "BNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BUNDLE = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
A2P_BUNDLE = "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
CAMPAIGN = "QEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
TOLLFREE = "HHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
IDENTITY = "ff483d1ff591898a9942916050d2ca3f"

UTC = timezone.utc
PLUS_TWO = timezone(timedelta(hours=2))

SCENARIOS = []


def calls(host, operation_id):
    """Registers the decorated function as a scenario of the product on `host` that calls the
    operation `operation_id` of its description."""

    def register(function):
        SCENARIOS.append((host, operation_id, function))
        return function

    return register


# ---- Verify v2 ----


@calls("verify", "CreateVerification")
def create_verification_sms(client):
    client.verify.v2.services(SERVICE).verifications.create(to="+15017122661", channel="sms")


@calls("verify", "CreateVerification")
def create_verification_every_text(client):
    client.verify.v2.services(SERVICE).verifications.create(
        to="user+tag@example.com",
        channel="email",
        custom_friendly_name="Café & Co * ~",
        custom_message="",
        locale="fr",
        custom_code="867530",
        amount="€10.00",
        payee="Acme/Inc",
        rate_limits={"end_user_ip_address": "127.0.0.1"},
        channel_configuration={"from": "noreply@example.com", "from_name": "Acme"},
        app_hash="AbCdE+/12",
        template_sid=TEMPLATE,
        template_custom_substitutions='{"name":"Ada"}',
        device_ip="2001:db8::1",
        enable_sna_client_token=False,
        risk_check="disable",
        tags='{"campaign":"spring sale"}',
    )


@calls("verify", "CreateVerification")
def create_verification_call_with_digits(client):
    client.verify.v2.services(SERVICE).verifications.create(
        to="+15017122661", channel="call", send_digits="ww1234#", enable_sna_client_token=True
    )


@calls("verify", "CreateVerificationCheck")
def create_verification_check_by_number(client):
    client.verify.v2.services(SERVICE).verification_checks.create(code="123456", to="+15017122661")


@calls("verify", "CreateVerificationCheck")
def create_verification_check_by_sid(client):
    client.verify.v2.services(SERVICE).verification_checks.create(
        code="0000", verification_sid=VERIFICATION, amount="1.5", payee="Bob & Alice"
    )


@calls("verify", "UpdateVerification")
def update_verification_approved(client):
    client.verify.v2.services(SERVICE).verifications(VERIFICATION).update(status="approved")


@calls("verify", "FetchVerification")
def fetch_verification(client):
    client.verify.v2.services(SERVICE).verifications(VERIFICATION).fetch()


@calls("verify", "CreateService")
def create_service_every_parameter(client):
    client.verify.v2.services.create(
        friendly_name="My Service *~",
        code_length=10,
        lookup_enabled=True,
        skip_sms_to_landlines=False,
        dtmf_input_required=True,
        tts_name="Polly.Joanna",
        do_not_share_warning_enabled=False,
        custom_code_enabled=True,
        push_include_date=False,
        push_apn_credential_sid=CREDENTIAL,
        push_fcm_credential_sid=CREDENTIAL,
        totp_issuer="Acme Inc.",
        totp_time_step=20,
        totp_code_length=8,
        totp_skew=0,
        default_template_sid=TEMPLATE,
        whatsapp_msg_service_sid=MESSAGING_SERVICE,
        whatsapp_from="+15017122661",
        verify_event_subscription_enabled=True,
    )


@calls("verify", "CreateService")
def create_service_name_only(client):
    client.verify.v2.services.create(friendly_name="Acme")


@calls("verify", "UpdateService")
def update_service_code_length(client):
    client.verify.v2.services(SERVICE).update(code_length=4, friendly_name="", psd2_enabled=True)


@calls("verify", "ListService")
def list_services_page(client):
    client.verify.v2.services.page(page_size=20, page_number=1, page_token="PT+/=")


@calls("verify", "FetchService")
def fetch_service(client):
    client.verify.v2.services(SERVICE).fetch()


@calls("verify", "DeleteService")
def delete_service(client):
    client.verify.v2.services(SERVICE).delete()


@calls("verify", "CreateRateLimit")
def create_rate_limit(client):
    client.verify.v2.services(SERVICE).rate_limits.create(unique_name="end_user_ip_address", description="per IP")


@calls("verify", "CreateBucket")
def create_bucket(client):
    client.verify.v2.services(SERVICE).rate_limits(RATE_LIMIT).buckets.create(max=4, interval=60)


@calls("verify", "UpdateBucket")
def update_bucket_zero(client):
    client.verify.v2.services(SERVICE).rate_limits(RATE_LIMIT).buckets(BUCKET).update(max=0)


@calls("verify", "DeleteBucket")
def delete_bucket(client):
    client.verify.v2.services(SERVICE).rate_limits(RATE_LIMIT).buckets(BUCKET).delete()


@calls("verify", "CreateWebhook")
def create_webhook_events(client):
    client.verify.v2.services(SERVICE).webhooks.create(
        friendly_name="hook",
        event_types=["factor.created", "challenge.approved"],
        webhook_url="https://example.com/hook?a=1&b=two words",
        status="enabled",
    )


@calls("verify", "UpdateWebhook")
def update_webhook_all_events(client):
    client.verify.v2.services(SERVICE).webhooks(WEBHOOK).update(event_types=["*"], status="disabled")


@calls("verify", "CreateEntity")
def create_entity(client):
    client.verify.v2.services(SERVICE).entities.create(identity=IDENTITY)


@calls("verify", "CreateNewFactor")
def create_new_factor_totp(client):
    client.verify.v2.services(SERVICE).entities(IDENTITY).new_factors.create(
        friendly_name="Ada's phone",
        factor_type="totp",
        binding_secret="GEZDGNBVGY3TQOJQ",
        config_time_step=30,
        config_skew=1,
        config_code_length=6,
        config_alg="sha1",
        metadata={"os": "Android"},
    )


@calls("verify", "UpdateFactor")
def update_factor(client):
    client.verify.v2.services(SERVICE).entities(IDENTITY).factors(FACTOR).update(
        auth_payload="123456", friendly_name="new name", config_notification_platform="fcm"
    )


@calls("verify", "CreateChallenge")
def create_challenge_push(client):
    client.verify.v2.services(SERVICE).entities(IDENTITY).challenges.create(
        factor_sid=FACTOR,
        expiration_date=datetime(2024, 3, 9, 10, 15, 0, tzinfo=UTC),
        details_message="Approve login?",
        details_fields=[{"label": "IP", "value": "10.0.0.1"}, {"label": "City", "value": "Zürich"}],
        hidden_details={"ip": "172.168.1.234"},
    )


@calls("verify", "ListChallenge")
def list_challenges_filtered(client):
    client.verify.v2.services(SERVICE).entities(IDENTITY).challenges.page(
        factor_sid=FACTOR, status="pending", order="desc", page_size=5
    )


@calls("verify", "ListVerificationAttempt")
def list_verification_attempts_filtered(client):
    client.verify.v2.verification_attempts.page(
        date_created_after=datetime(2024, 1, 1, 0, 0, 0, tzinfo=UTC),
        date_created_before=datetime(2024, 1, 31, 23, 59, 59, tzinfo=UTC),
        channel_data_to="+15017122661",
        country="US",
        channel="sms",
        verify_service_sid=SERVICE,
        verification_sid=VERIFICATION,
        status="CONVERTED",
        page_size=100,
    )


@calls("verify", "FetchVerificationAttemptsSummary")
def fetch_verification_attempts_summary(client):
    client.verify.v2.verification_attempts_summary().fetch(
        verify_service_sid=SERVICE,
        date_created_after=datetime(2024, 2, 1, 12, 0, 0, tzinfo=UTC),
        country="GB",
        channel="call",
        destination_prefix="+44",
    )


@calls("verify", "FetchVerificationAttempt")
def fetch_verification_attempt(client):
    client.verify.v2.verification_attempts(ATTEMPT).fetch()


@calls("verify", "CreateMessagingConfiguration")
def create_messaging_configuration(client):
    client.verify.v2.services(SERVICE).messaging_configurations.create(
        country="GB", messaging_service_sid=MESSAGING_SERVICE
    )


@calls("verify", "CreateAccessToken")
def create_access_token(client):
    client.verify.v2.services(SERVICE).access_tokens.create(
        identity=IDENTITY, factor_type="push", factor_friendly_name="phone", ttl=300
    )


@calls("verify", "CreateSafelist")
def create_safelist(client):
    client.verify.v2.safelist.create(phone_number="+15017122661")


@calls("verify", "ListVerificationTemplate")
def list_verification_templates(client):
    client.verify.v2.templates.page(friendly_name="Hello & bye", page_size=2)


# ---- Lookups v2 ----


@calls("lookups", "FetchPhoneNumber")
def lookup_line_type(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(fields="line_type_intelligence")


@calls("lookups", "FetchPhoneNumber")
def lookup_no_parameter(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch()


@calls("lookups", "FetchPhoneNumber")
def lookup_national_number_with_country(client):
    client.lookups.v2.phone_numbers("(510) 867-5310").fetch(country_code="US", fields="validation")


@calls("lookups", "FetchPhoneNumber")
def lookup_several_fields(client):
    client.lookups.v2.phone_numbers("+447772000001").fetch(
        fields="caller_name,sim_swap,call_forwarding,line_status"
    )


@calls("lookups", "FetchPhoneNumber")
def lookup_identity_match(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(
        fields="identity_match",
        first_name="Zoë",
        last_name="O'Brien-Smith",
        address_line1="1 Main St. #5",
        address_line2="",
        city="San Francisco",
        state="CA",
        postal_code="94105",
        address_country_code="US",
        national_id="YZ 12 34 56 C",
        date_of_birth="19900115",
    )


@calls("lookups", "FetchPhoneNumber")
def lookup_reassigned_number(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(
        fields="reassigned_number", last_verified_date="20240101"
    )


@calls("lookups", "FetchPhoneNumber")
def lookup_with_verification(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(
        fields="sms_pumping_risk", verification_sid=VERIFICATION, partner_sub_id="sub 1/2"
    )


@calls("lookups", "FetchPhoneNumber")
def lookup_pre_fill(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(fields="pre_fill,phone_number_quality_score")


@calls("lookups", "FetchPhoneNumber")
def lookup_empty_fields(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(fields="")


@calls("lookups", "FetchPhoneNumber")
def lookup_short_code_like(client):
    client.lookups.v2.phone_numbers("12345").fetch(country_code="GB")


@calls("lookups", "FetchPhoneNumber")
def lookup_name_with_plus_and_ampersand(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(
        fields="identity_match", first_name="A+B", last_name="C&D", city="~*"
    )


@calls("lookups", "FetchPhoneNumber")
def lookup_every_field(client):
    client.lookups.v2.phone_numbers("+14155552671").fetch(
        fields="validation,caller_name,sim_swap,call_forwarding,line_status,line_type_intelligence,"
        "identity_match,reassigned_number,sms_pumping_risk,phone_number_quality_score,pre_fill"
    )


@calls("lookups", "FetchLookupAccountRateLimits")
def fetch_rate_limits_one(client):
    client.lookups.v2.rate_limits.fetch(fields=["line_type_intelligence"])


@calls("lookups", "FetchLookupAccountRateLimits")
def fetch_rate_limits_several(client):
    client.lookups.v2.rate_limits.fetch(fields=["caller_name", "sim_swap", "identity_match"])


@calls("lookups", "FetchLookupAccountRateLimits")
def fetch_rate_limits_all(client):
    client.lookups.v2.rate_limits.fetch()


@calls("lookups", "FetchLookupRateLimit")
def fetch_rate_limit_bucket(client):
    client.lookups.v2.bucket("line_type_intelligence", "default").fetch()


@calls("lookups", "FetchLookupRateLimit")
def fetch_rate_limit_bucket_with_space(client):
    client.lookups.v2.bucket("caller_name", "my bucket").fetch()


@calls("lookups", "DeleteLookupRateLimit")
def delete_rate_limit_bucket(client):
    client.lookups.v2.bucket("sim_swap", "custom-1").delete()


# The four operations with a JSON body (two of them `PUT`): the SDK takes the body as one object of
# its own class, built from a dict, whose `to_dict` lists every property (None for one not given),
# and `requests` writes it with `json.dumps`.


@calls("lookups", "CreateBulkLookup")
def create_bulk_lookup_every_member(client):
    request = QueryList.LookupRequest({
        "phone_numbers": [
            {
                "correlation_id": "order-1/a",
                "phone_number": "+14155552671",
                "fields": ["line_type_intelligence", "sim_swap"],
                "country_code": "US",
                "identity_match": {
                    "first_name": "Zoë",
                    "last_name": "O'Brien & \"Sons\"",
                    "address_line1": "1 Main St\nApt 2",
                    "city": "Zürich",
                    "postal_code": "8001",
                    "address_country_code": "CH",
                    "date_of_birth": "19900101",
                },
                "reassigned_number": {"last_verified_date": "20240101"},
                "sms_pumping_risk": {"partner_sub_id": "sub/1 ~*"},
            },
            {"phone_number": "(510) 867-5310", "country_code": "US"},
        ]
    })
    client.lookups.v2.query.create(lookup_request=request)


@calls("lookups", "CreateBulkLookup")
def create_bulk_lookup_one_number(client):
    request = QueryList.LookupRequest({"phone_numbers": [{"phone_number": "+447772000001"}]})
    client.lookups.v2.query.create(lookup_request=request)


@calls("lookups", "CreateBulkLookup")
def create_bulk_lookup_no_numbers(client):
    client.lookups.v2.query.create(lookup_request=QueryList.LookupRequest({"phone_numbers": []}))


@calls("lookups", "UpdateLookupRateLimit")
def update_rate_limit(client):
    request = BucketContext.RateLimitRequest({"limit": 10, "ttl": 3600})
    client.lookups.v2.bucket("line_type_intelligence", "default").update(rate_limit_request=request)


@calls("lookups", "UpdateLookupRateLimit")
def update_rate_limit_zero_limit_only(client):
    request = BucketContext.RateLimitRequest({"limit": 0})
    client.lookups.v2.bucket("caller_name", "my bucket").update(rate_limit_request=request)


@calls("lookups", "CreateLookupPhoneNumberOverrides")
def create_override(client):
    request = LookupOverrideContext.OverridesRequest({"line_type": "tollFree", "reason": "Ported in 2024 (€)"})
    client.lookups.v2.lookup_overrides("line_type_intelligence", "+14155552671").create(overrides_request=request)


@calls("lookups", "CreateLookupPhoneNumberOverrides")
def create_override_reason_only(client):
    request = LookupOverrideContext.OverridesRequest({"reason": ""})
    client.lookups.v2.lookup_overrides("line_type_intelligence", "+14155552671").create(overrides_request=request)


@calls("lookups", "UpdateLookupPhoneNumberOverrides")
def update_override(client):
    request = LookupOverrideContext.OverridesRequest({"line_type": "mobile", "reason": "customer says mobile"})
    client.lookups.v2.lookup_overrides("line_type_intelligence", "+14155552671").update(overrides_request=request)


@calls("lookups", "UpdateLookupPhoneNumberOverrides")
def update_override_line_type_unknown(client):
    request = LookupOverrideContext.OverridesRequest({"line_type": "unknown"})
    client.lookups.v2.lookup_overrides("line_type_intelligence", "+14155552671").update(overrides_request=request)


@calls("lookups", "FetchLookupPhoneNumberOverrides")
def fetch_override(client):
    client.lookups.v2.lookup_overrides("line_type_intelligence", "+14155552671").fetch()


@calls("lookups", "DeleteLookupPhoneNumberOverrides")
def delete_override(client):
    client.lookups.v2.lookup_overrides("line_type_intelligence", "+14155552671").delete()


@calls("lookups", "FetchPhoneNumber")
def lookup_caller_name_only(client):
    client.lookups.v2.phone_numbers("+16502530000").fetch(fields="caller_name")


# ---- Messaging v1 ----


@calls("messaging", "CreateService")
def create_messaging_service_every_parameter(client):
    client.messaging.v1.services.create(
        friendly_name="Notifications & alerts ✓",
        inbound_request_url="https://example.com/in?a=1&b=2",
        inbound_method="GET",
        fallback_url="https://example.com/fallback",
        fallback_method="POST",
        status_callback="https://example.com/status",
        sticky_sender=True,
        mms_converter=False,
        smart_encoding=True,
        scan_message_content="enable",
        fallback_to_long_code=False,
        area_code_geomatch=True,
        validity_period=36000,
        synchronous_validation=True,
        usecase="notifications",
        use_inbound_webhook_on_number=False,
    )


@calls("messaging", "CreateService")
def create_messaging_service_name_only(client):
    client.messaging.v1.services.create(friendly_name="Acme")


@calls("messaging", "UpdateService")
def update_messaging_service(client):
    client.messaging.v1.services(MESSAGING_SERVICE).update(
        friendly_name="", validity_period=1, usecase="marketing", inbound_request_url=""
    )


@calls("messaging", "ListService")
def list_messaging_services(client):
    client.messaging.v1.services.page(page_size=50, page_number=0)


@calls("messaging", "FetchService")
def fetch_messaging_service(client):
    client.messaging.v1.services(MESSAGING_SERVICE).fetch()


@calls("messaging", "DeleteService")
def delete_messaging_service(client):
    client.messaging.v1.services(MESSAGING_SERVICE).delete()


@calls("messaging", "CreatePhoneNumber")
def add_phone_number(client):
    client.messaging.v1.services(MESSAGING_SERVICE).phone_numbers.create(phone_number_sid=PHONE_NUMBER_SID)


@calls("messaging", "DeletePhoneNumber")
def remove_phone_number(client):
    client.messaging.v1.services(MESSAGING_SERVICE).phone_numbers(PHONE_NUMBER_SID).delete()


@calls("messaging", "CreateShortCode")
def add_short_code(client):
    client.messaging.v1.services(MESSAGING_SERVICE).short_codes.create(short_code_sid=SHORT_CODE)


@calls("messaging", "CreateAlphaSender")
def add_alpha_sender(client):
    client.messaging.v1.services(MESSAGING_SERVICE).alpha_senders.create(alpha_sender="Acme-Co+1")


@calls("messaging", "DeleteAlphaSender")
def remove_alpha_sender(client):
    client.messaging.v1.services(MESSAGING_SERVICE).alpha_senders(ALPHA_SENDER).delete()


@calls("messaging", "ListAlphaSender")
def list_alpha_senders(client):
    client.messaging.v1.services(MESSAGING_SERVICE).alpha_senders.page(page_size=1000)


@calls("messaging", "CreateDestinationAlphaSender")
def add_destination_alpha_sender(client):
    client.messaging.v1.services(MESSAGING_SERVICE).destination_alpha_senders.create(
        alpha_sender="Acme", iso_country_code="FR"
    )


@calls("messaging", "CreateBrandRegistrations")
def create_brand_registration(client):
    client.messaging.v1.brand_registrations.create(
        customer_profile_bundle_sid=BUNDLE,
        a2p_profile_bundle_sid=A2P_BUNDLE,
        brand_type="SOLE_PROPRIETOR",
        mock=True,
        skip_automatic_sec_vet=False,
    )


@calls("messaging", "CreateBrandVetting")
def create_brand_vetting(client):
    client.messaging.v1.brand_registrations(BRAND).brand_vettings.create(
        vetting_provider="campaign-verify", vetting_id="cv|1.0|tcr|10dlc|9975c339-d46f-49b7"
    )


@calls("messaging", "FetchBrandVetting")
def fetch_brand_vetting(client):
    client.messaging.v1.brand_registrations(BRAND).brand_vettings("VT12445353").fetch()


@calls("messaging", "CreateUsAppToPerson")
def create_us_app_to_person(client):
    client.messaging.v1.services(MESSAGING_SERVICE).us_app_to_person.create(
        brand_registration_sid=BRAND,
        description="Send marketing messages about sales and offers to opted in customers.",
        message_flow="End users opt in by visiting www.example.com and adding their phone number.",
        message_samples=["Book your next appointment: reply YES", "Sale: 20% off today & tomorrow!"],
        us_app_to_person_usecase="MARKETING",
        has_embedded_links=True,
        has_embedded_phone=False,
        opt_in_message="You're in! Reply STOP to end",
        opt_out_keywords=["STOP", "END"],
        help_keywords=["HELP"],
        age_gated=False,
        direct_lending=False,
    )


@calls("messaging", "UpdateUsAppToPerson")
def update_us_app_to_person(client):
    client.messaging.v1.services(MESSAGING_SERVICE).us_app_to_person(CAMPAIGN).update(
        has_embedded_links=False,
        has_embedded_phone=True,
        message_samples=["Your code is 1234, valid for ten minutes.", "Reply HELP for help, STOP to stop."],
        message_flow="Customers opt in on our website checkout page by ticking a box.",
        description="Account notifications and one-time passwords for our customers.",
        age_gated=True,
        direct_lending=False,
    )


@calls("messaging", "ListUsAppToPerson")
def list_us_app_to_person(client):
    client.messaging.v1.services(MESSAGING_SERVICE).us_app_to_person.page(page_size=3)


@calls("messaging", "CreateTollfreeVerification")
def create_tollfree_verification(client):
    client.messaging.v1.tollfree_verifications.create(
        business_name="Owl, Inc.",
        business_website="https://www.example.com",
        notification_email="support@example.com",
        use_case_categories=["TWO_FACTOR_AUTHENTICATION", "MARKETING"],
        use_case_summary="Codes & offers",
        production_message_sample="Your code is 1234",
        opt_in_image_urls=["https://example.com/a.png", "https://example.com/b.png?x=1"],
        opt_in_type="VERBAL",
        message_volume="10",
        tollfree_phone_number_sid=PHONE_NUMBER_SID,
        business_street_address="123 Main Street",
        business_city="Anytown",
        business_country="US",
        business_contact_first_name="Ada",
        business_contact_email="ada@example.com",
        business_contact_phone="+15017122661",
        external_reference_id="ref/1",
        age_gated_content=False,
        opt_in_keywords=["START"],
    )


@calls("messaging", "ListTollfreeVerification")
def list_tollfree_verifications(client):
    client.messaging.v1.tollfree_verifications.page(
        tollfree_phone_number_sid=PHONE_NUMBER_SID, status="IN_REVIEW", page_size=10
    )


@calls("messaging", "DeleteTollfreeVerification")
def delete_tollfree_verification(client):
    client.messaging.v1.tollfree_verifications(TOLLFREE).delete()


@calls("messaging", "CreateExternalCampaign")
def create_external_campaign(client):
    client.messaging.v1.external_campaign.create(
        campaign_id="CFOOBAR", messaging_service_sid=MESSAGING_SERVICE, cnp_migration=True
    )


@calls("messaging", "FetchDeactivation")
def fetch_deactivations(client):
    client.messaging.v1.deactivations().fetch(date=datetime(2024, 3, 9).date())


def main():
    def point_at(client, base):
        # Each product's domain, which the SDK would send to `https://{product}.twilio.com`.
        for domain in (client.verify, client.lookups, client.messaging):
            domain.base_url = base

    scenarios = [
        ({"host": host, "operation": operation}, scenario) for host, operation, scenario in SCENARIOS
    ]
    run(scenarios, point_at, ContentTypeCaptureHandler)


if __name__ == "__main__":
    main()
