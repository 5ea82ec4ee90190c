//! Conferences: fetch, update (end it, or announce into it) and list, and the conference resource
//! Twilio answers with.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::Page;
use crate::values::{AccountSid, CallSid, CallbackMethod, ConferenceSid, Url};
use crate::{twilio_endpoint, wire_enum};

/// Fetches one conference.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json", response = Conference)]
#[derive(Clone, PartialEq, Eq)]
pub struct FetchConference {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference to fetch.
    #[twilio(path)]
    pub sid: ConferenceSid,
}

/// Updates a conference in progress: ends it (`Status=completed`), or plays an announcement to every
/// participant (`AnnounceUrl`).
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json", response = Conference)]
#[derive(Clone, PartialEq, Eq)]
pub struct UpdateConference {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference to update. (The description gives this path parameter no pattern, but only a
    /// conference SID names a conference here.)
    #[twilio(path)]
    pub sid: ConferenceSid,
    /// `completed` ends the conference, disconnecting every participant.
    pub status: Option<ConferenceUpdateStatus>,
    /// The URL of the announcement to play into the conference: an MP3 or WAV file, or TwiML with
    /// `<Play>`, `<Say>`, `<Pause>` or `<Redirect>`.
    pub announce_url: Option<Url>,
    /// The method for `AnnounceUrl`; Twilio's default is `POST`.
    pub announce_method: Option<CallbackMethod>,
}

/// Lists the account's conferences, most recent first, optionally filtered.
///
/// The date filters compare with the day in UTC: `DateCreated` keeps one day, `DateCreated<` (sent as
/// the key `DateCreated<`, which Twilio reads with the `=` that follows as `<=`) the days up to and
/// including it, `DateCreated>` the days from it on; the same for `DateUpdated`.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Conferences.json", response = Page<Conference>)]
#[derive(Clone, PartialEq, Eq)]
pub struct ListConferences {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// Only conferences created on this day (UTC).
    pub date_created: Option<NaiveDate>,
    /// Only conferences created on or before this day (UTC).
    #[twilio(rename = "DateCreated<")]
    pub date_created_before: Option<NaiveDate>,
    /// Only conferences created on or after this day (UTC).
    #[twilio(rename = "DateCreated>")]
    pub date_created_after: Option<NaiveDate>,
    /// Only conferences last updated on this day (UTC).
    pub date_updated: Option<NaiveDate>,
    /// Only conferences last updated on or before this day (UTC).
    #[twilio(rename = "DateUpdated<")]
    pub date_updated_before: Option<NaiveDate>,
    /// Only conferences last updated on or after this day (UTC).
    #[twilio(rename = "DateUpdated>")]
    pub date_updated_after: Option<NaiveDate>,
    /// Only conferences with this friendly name.
    pub friendly_name: Option<String>,
    /// Only conferences in this state.
    pub status: Option<ConferenceStatusFilter>,
    // Paging goes last, token first, as the official SDKs send it.
    /// The paging token from a previous page's URIs.
    pub page_token: Option<String>,
    /// The page's index, from 0, as Twilio's page URIs carry it; the token, not this, picks the page.
    pub page: Option<u32>,
    /// How many conferences a page holds, 1 to 1000 (Twilio's default is 50).
    #[twilio(range = 1..=1000)]
    pub page_size: Option<u32>,
}

wire_enum! {
    /// What an update can set a conference's status to.
    pub enum ConferenceUpdateStatus {
        /// Ends the conference.
        Completed = "completed",
    }
}

wire_enum! {
    /// The conference state to list.
    pub enum ConferenceStatusFilter {
        /// Created, waiting for the participant that starts it.
        Init = "init",
        InProgress = "in-progress",
        Completed = "completed",
    }
}

wire_enum! {
    /// The state of a conference.
    #[open]
    pub enum ConferenceStatus {
        /// Created, waiting for the participant that starts it.
        Init = "init",
        InProgress = "in-progress",
        Completed = "completed",
    }
}

wire_enum! {
    /// Why a conference ended.
    #[open]
    pub enum ConferenceEndReason {
        /// Ended by an update with `Status=completed`.
        ConferenceEndedViaApi = "conference-ended-via-api",
        /// A participant with `EndConferenceOnExit` left.
        ParticipantWithEndConferenceOnExitLeft = "participant-with-end-conference-on-exit-left",
        /// A participant with `EndConferenceOnExit` was removed.
        ParticipantWithEndConferenceOnExitKicked = "participant-with-end-conference-on-exit-kicked",
        /// The last participant was removed.
        LastParticipantKicked = "last-participant-kicked",
        /// The last participant left.
        LastParticipantLeft = "last-participant-left",
    }
}

wire_enum! {
    /// The Twilio region where a conference's audio was mixed. Open because Twilio's own examples
    /// also show `unknown`.
    #[open]
    pub enum ConferenceRegion {
        Us1 = "us1",
        Us2 = "us2",
        Ie1 = "ie1",
        De1 = "de1",
        Sg1 = "sg1",
        Br1 = "br1",
        Au1 = "au1",
        Jp1 = "jp1",
    }
}

/// A conference, as Twilio describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Conference {
    /// The account that created the conference.
    pub account_sid: Option<AccountSid>,
    /// When the conference was created.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    /// When the conference was last updated.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    /// The API version that created the conference.
    pub api_version: Option<String>,
    /// The conference's name, at most 128 characters.
    pub friendly_name: Option<String>,
    /// Where the conference's audio was mixed.
    pub region: Option<ConferenceRegion>,
    /// The conference's SID.
    pub sid: Option<ConferenceSid>,
    /// The conference's state.
    pub status: Option<ConferenceStatus>,
    /// The resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
    /// Paths of the related lists (`participants`, `recordings`), relative to `https://api.twilio.com`.
    pub subresource_uris: Option<HashMap<String, String>>,
    /// Why the conference ended; `None` while it is in progress.
    pub reason_conference_ended: Option<ConferenceEndReason>,
    /// The call whose action ended the conference, if one did.
    pub call_sid_ending_conference: Option<CallSid>,
}
