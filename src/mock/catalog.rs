//! The catalog's 22 operations as the mock carries them out on its state: creates make resources
//! with fresh SIDs, fetches and lists show them, updates change them, deletes remove them.
//!
//! Lists honour the filters that are cheap to apply: `To`, `From`, `ParentCallSid`, `Status` and the
//! start and end days of calls; `Muted`, `Hold` and `Coaching` of participants; `FriendlyName`,
//! `Status` and the days of conferences and recordings; `To`, `From` and the day sent of messages.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::Value;

use super::lifecycle::{CallLife, ConferenceLife, MessageLife};
use super::moves;
use super::paging::{Order, PageRequest};
use super::reply::Reply;
use super::resources::{self, coaching_fields};
use super::routes::{Exchange, Route};
use super::sids::fresh_sid;
use super::state::{
    CallRecord, ConferenceRecord, Leg, MessageRecord, ParticipantRecord, RecordingRecord, State,
};
use super::twilio_error::{ErrorCodes, TwilioError};
use crate::api::v2010::*;
use crate::values::{CallSid, ConferenceRef, ConferenceSid, MessageSid, RecordingSid};

/// Every operation of the catalog, each served by the function of its name.
pub(crate) fn routes() -> Vec<Route> {
    use ErrorCodes::{General, PlaceCall, SendMessage};
    vec![
        Route::operation::<CreateCall>(PlaceCall, create_call),
        Route::operation::<FetchCall>(General, fetch_call),
        Route::operation::<UpdateCall>(General, update_call),
        Route::operation::<DeleteCall>(General, delete_call),
        Route::operation::<ListCalls>(General, list_calls),
        Route::operation::<CreateParticipant>(PlaceCall, create_participant),
        Route::operation::<FetchParticipant>(General, fetch_participant),
        Route::operation::<UpdateParticipant>(General, update_participant),
        Route::operation::<DeleteParticipant>(General, delete_participant),
        Route::operation::<ListParticipants>(General, list_participants),
        Route::operation::<FetchConference>(General, fetch_conference),
        Route::operation::<UpdateConference>(General, update_conference),
        Route::operation::<ListConferences>(General, list_conferences),
        Route::operation::<ListConferenceRecordings>(General, list_recordings),
        Route::operation::<FetchConferenceRecording>(General, fetch_recording),
        Route::operation::<UpdateConferenceRecording>(General, update_recording),
        Route::operation::<DeleteConferenceRecording>(General, delete_recording),
        Route::operation::<CreateMessage>(SendMessage, create_message),
        Route::operation::<FetchMessage>(General, fetch_message),
        Route::operation::<UpdateMessage>(General, update_message),
        Route::operation::<DeleteMessage>(General, delete_message),
        Route::operation::<ListMessages>(General, list_messages),
    ]
}

type Served = Result<Reply, TwilioError>;

/// The JSON of a response type.
fn json(resource: &impl Serialize) -> Value {
    // The response types are structs of strings, numbers, dates and maps with string keys, which
    // serde_json always serializes.
    serde_json::to_value(resource).unwrap_or_else(|error| panic!("a resource does not serialize: {error}"))
}

fn not_found(exchange: &Exchange<'_>) -> TwilioError {
    TwilioError::not_found(exchange.path)
}

/// Whether `day` fits the filters of one day (`on`), the days up to one (`Key<`, read by Twilio as
/// `<=`) and the days from one (`Key>`); without any filter, anything fits, and with one, a resource
/// without the date does not.
fn on_days(
    day: Option<NaiveDate>,
    on: Option<NaiveDate>,
    before: Option<NaiveDate>,
    after: Option<NaiveDate>,
) -> bool {
    if on.is_none() && before.is_none() && after.is_none() {
        return true;
    }
    day.is_some_and(|day| {
        on.is_none_or(|on| day == on)
            && before.is_none_or(|before| day <= before)
            && after.is_none_or(|after| day >= after)
    })
}

fn day(time: Option<DateTime<Utc>>) -> Option<NaiveDate> {
    time.map(|time| time.date_naive())
}

// Calls ---------------------------------------------------------------------------------------------

fn create_call(request: &CreateCall, exchange: &mut Exchange<'_>) -> Served {
    let sid: CallSid = fresh_sid("CA");
    let call = resources::call_for(request, sid, exchange.account, exchange.now);
    let reply = Reply::created(json(&call));
    let created = exchange.state.next_number();
    let life = CallLife::for_call(exchange.account, sid, request);
    exchange.state.calls.push(CallRecord {
        sid,
        created,
        account: exchange.account,
        leg: Leg::Placed(life),
        call,
    });
    Ok(reply)
}

fn fetch_call(request: &FetchCall, exchange: &mut Exchange<'_>) -> Served {
    let record = exchange.state.call_mut(exchange.account, request.sid);
    record.map(|record| Reply::ok(json(&record.call))).ok_or_else(|| not_found(exchange))
}

fn update_call(request: &UpdateCall, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let Some(record) = exchange.state.call_mut(account, request.sid) else {
        return Err(not_found(exchange));
    };
    if request.redirect.is_some() && record.has_ended() {
        // docs/api/errors/21220: a call that is no longer in progress cannot be redirected.
        return Err(TwilioError::conflict(
            21220,
            format!(
                "the call {} has ended: only a call in progress can be given new `Url` or `Twiml`",
                request.sid
            ),
        ));
    }
    record.call.date_updated = Some(now);
    let moved = moves::update_call(exchange.state, account, request, now);
    exchange.sends(moved);
    let record = exchange.state.call_mut(account, request.sid);
    record.map(|record| Reply::ok(json(&record.call))).ok_or_else(|| not_found(exchange))
}

fn delete_call(request: &DeleteCall, exchange: &mut Exchange<'_>) -> Served {
    let account = exchange.account;
    let removed =
        State::remove(&mut exchange.state.calls, |call| (call.account, call.sid) != (account, request.sid));
    if removed { Ok(Reply::no_content()) } else { Err(not_found(exchange)) }
}

fn list_calls(request: &ListCalls, exchange: &mut Exchange<'_>) -> Served {
    let text = |address: &Option<crate::values::Address>| address.as_ref().map(ToString::to_string);
    let (to, from) = (text(&request.to), text(&request.from));
    let date = |time: Option<DateTime<Utc>>| time.map(|time| time.date_naive());
    let items = exchange
        .state
        .calls
        .iter()
        .rev()
        .filter(|record| record.account == exchange.account)
        .map(|record| (record.created, &record.call))
        .filter(|(_, call)| to.is_none() || call.to == to)
        .filter(|(_, call)| from.is_none() || call.from == from)
        .filter(|(_, call)| {
            request.parent_call_sid.is_none() || call.parent_call_sid == request.parent_call_sid
        })
        .filter(|(_, call)| request.status.is_none() || call.status == request.status)
        .filter(|(_, call)| {
            on_days(
                day(call.start_time),
                date(request.start_time),
                date(request.start_time_before),
                date(request.start_time_after),
            )
        })
        .filter(|(_, call)| {
            on_days(
                day(call.end_time),
                date(request.end_time),
                date(request.end_time_before),
                date(request.end_time_after),
            )
        })
        .map(|(created, call)| (created, json(call)))
        .collect();
    let page = PageRequest {
        key: "calls",
        path: exchange.path,
        page_size: request.page_size,
        page: request.page,
        page_token: request.page_token.as_deref(),
    };
    Ok(Reply::ok(page.render(Order::NewestFirst, items, |page, size, token| {
        ListCalls { page: Some(page), page_size: Some(size), page_token: token, ..request.clone() }.to_form()
    })))
}

// Participants and conferences ------------------------------------------------------------------

fn create_participant(request: &CreateParticipant, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let call_sid: CallSid = fresh_sid("CA");
    let conference = match &request.conference_sid {
        ConferenceRef::Sid(sid) => match exchange.state.conference_mut(account, *sid) {
            Some(conference) => conference.sid,
            None => return Err(not_found(exchange)),
        },
        ConferenceRef::FriendlyName(name) => match exchange.state.open_conference_named(account, name) {
            Some(conference) => conference.sid,
            None => {
                // The first participant added under a name nobody uses creates the conference.
                let sid: ConferenceSid = fresh_sid("CF");
                let conference = resources::new_conference(sid, account, name, request, now);
                let created = exchange.state.next_number();
                let life = ConferenceLife::new(account, sid, name.as_str());
                exchange.state.conferences.push(ConferenceRecord { sid, created, account, life, conference });
                if resources::records_conference(request) {
                    let recording_sid: RecordingSid = fresh_sid("RE");
                    let recording = resources::new_recording(recording_sid, account, sid, call_sid, now);
                    let created = exchange.state.next_number();
                    exchange.state.recordings.push(RecordingRecord {
                        sid: recording_sid,
                        created,
                        conference: sid,
                        account,
                        recording,
                    });
                }
                sid
            }
        },
    };
    if let Some(record) = exchange.state.conference_mut(account, conference) {
        // docs/api/errors/16099: a conference that has ended takes no participant.
        record
            .life
            .add(call_sid, request)
            .map_err(|error| TwilioError::conflict(16099, error.to_string()))?;
    }
    let call = resources::new_call(call_sid, account, &request.to, &request.from, now);
    let created = exchange.state.next_number();
    let leg = Leg::Participant(conference);
    exchange.state.calls.push(CallRecord { sid: call_sid, created, account, leg, call });
    let participant = resources::new_participant(request, account, conference, call_sid, now);
    let reply = Reply::created(json(&participant));
    let created = exchange.state.next_number();
    exchange.state.participants.push(ParticipantRecord {
        call_sid,
        created,
        conference,
        account,
        request: request.clone(),
        participant,
    });
    Ok(reply)
}

fn fetch_participant(request: &FetchParticipant, exchange: &mut Exchange<'_>) -> Served {
    let record = exchange.state.participant_mut(exchange.account, request.conference_sid, &request.call_sid);
    record.map(|record| Reply::ok(json(&record.participant))).ok_or_else(|| not_found(exchange))
}

fn update_participant(request: &UpdateParticipant, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let Some(record) = exchange.state.participant_mut(account, request.conference_sid, &request.call_sid)
    else {
        return Err(not_found(exchange));
    };
    let participant = &mut record.participant;
    participant.muted = request.muted.or(participant.muted);
    participant.hold = request.hold.or(participant.hold);
    participant.end_conference_on_exit =
        request.end_conference_on_exit.or(participant.end_conference_on_exit);
    if request.coaching.is_some() {
        let (coaching, call_sid_to_coach) = coaching_fields(request.coaching);
        participant.coaching = Some(coaching);
        participant.call_sid_to_coach = call_sid_to_coach;
    }
    participant.date_updated = Some(now);
    let moved = moves::in_conference(exchange.state, account, request.conference_sid, now, |life| {
        life.update(request, now)
    });
    exchange.sends(moved);
    let record = exchange.state.participant_mut(account, request.conference_sid, &request.call_sid);
    record.map(|record| Reply::ok(json(&record.participant))).ok_or_else(|| not_found(exchange))
}

fn delete_participant(request: &DeleteParticipant, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let Some(record) = exchange.state.participant_mut(account, request.conference_sid, &request.call_sid)
    else {
        return Err(not_found(exchange));
    };
    let call_sid = record.call_sid;
    let participant = ParticipantRef::CallSid(call_sid);
    let moved = moves::remove_participant(exchange.state, account, request.conference_sid, &participant, now);
    exchange.sends(moved);
    // The life has the participant leave, which removes its record; removed it is, whatever the
    // life made of it, since the request was answered so.
    exchange.state.participants.retain(|participant| {
        (participant.account, participant.conference, participant.call_sid)
            != (account, request.conference_sid, call_sid)
    });
    Ok(Reply::no_content())
}

fn list_participants(request: &ListParticipants, exchange: &mut Exchange<'_>) -> Served {
    if exchange.state.conference_mut(exchange.account, request.conference_sid).is_none() {
        return Err(not_found(exchange));
    }
    let items = exchange
        .state
        .participants
        .iter()
        .filter(|record| (record.account, record.conference) == (exchange.account, request.conference_sid))
        .map(|record| (record.created, &record.participant))
        .filter(|(_, participant)| request.muted.is_none() || participant.muted == request.muted)
        .filter(|(_, participant)| request.hold.is_none() || participant.hold == request.hold)
        .filter(|(_, participant)| request.coaching.is_none() || participant.coaching == request.coaching)
        .map(|(created, participant)| (created, json(participant)))
        .collect();
    let page = PageRequest {
        key: "participants",
        path: exchange.path,
        page_size: request.page_size,
        page: request.page,
        page_token: request.page_token.as_deref(),
    };
    Ok(Reply::ok(page.render(Order::OldestFirst, items, |page, size, token| {
        ListParticipants { page: Some(page), page_size: Some(size), page_token: token, ..request.clone() }
            .to_form()
    })))
}

fn fetch_conference(request: &FetchConference, exchange: &mut Exchange<'_>) -> Served {
    let record = exchange.state.conference_mut(exchange.account, request.sid);
    record.map(|record| Reply::ok(json(&record.conference))).ok_or_else(|| not_found(exchange))
}

fn update_conference(request: &UpdateConference, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let Some(record) = exchange.state.conference_mut(account, request.sid) else {
        return Err(not_found(exchange));
    };
    if request.status.is_some() && !record.has_ended() {
        // Ending a conference disconnects everyone in it, and ends its recording.
        let moved = moves::end_conference(exchange.state, account, request.sid, now);
        exchange.sends(moved);
    } else {
        record.conference.date_updated = Some(now);
    }
    let record = exchange.state.conference_mut(account, request.sid);
    record.map(|record| Reply::ok(json(&record.conference))).ok_or_else(|| not_found(exchange))
}

fn list_conferences(request: &ListConferences, exchange: &mut Exchange<'_>) -> Served {
    let items = exchange
        .state
        .conferences
        .iter()
        .rev()
        .filter(|record| record.account == exchange.account)
        .map(|record| (record.created, &record.conference))
        .filter(|(_, conference)| {
            request.friendly_name.is_none() || conference.friendly_name == request.friendly_name
        })
        .filter(|(_, conference)| {
            request.status.as_ref().is_none_or(|wanted| {
                conference.status.as_ref().is_some_and(|status| status.as_str() == wanted.as_str())
            })
        })
        .filter(|(_, conference)| {
            on_days(
                day(conference.date_created),
                request.date_created,
                request.date_created_before,
                request.date_created_after,
            )
        })
        .filter(|(_, conference)| {
            on_days(
                day(conference.date_updated),
                request.date_updated,
                request.date_updated_before,
                request.date_updated_after,
            )
        })
        .map(|(created, conference)| (created, json(conference)))
        .collect();
    let page = PageRequest {
        key: "conferences",
        path: exchange.path,
        page_size: request.page_size,
        page: request.page,
        page_token: request.page_token.as_deref(),
    };
    Ok(Reply::ok(page.render(Order::NewestFirst, items, |page, size, token| {
        ListConferences { page: Some(page), page_size: Some(size), page_token: token, ..request.clone() }
            .to_form()
    })))
}

// Conference recordings -----------------------------------------------------------------------------

fn list_recordings(request: &ListConferenceRecordings, exchange: &mut Exchange<'_>) -> Served {
    if exchange.state.conference_mut(exchange.account, request.conference_sid).is_none() {
        return Err(not_found(exchange));
    }
    let items = exchange
        .state
        .recordings
        .iter()
        .filter(|record| (record.account, record.conference) == (exchange.account, request.conference_sid))
        .filter(|record| {
            let created = day(record.recording.date_created);
            on_days(created, request.date_created, request.date_created_before, request.date_created_after)
        })
        .map(|record| (record.created, json(&record.recording)))
        .collect();
    let page = PageRequest {
        key: "recordings",
        path: exchange.path,
        page_size: request.page_size,
        page: request.page,
        page_token: request.page_token.as_deref(),
    };
    Ok(Reply::ok(page.render(Order::OldestFirst, items, |page, size, token| {
        ListConferenceRecordings {
            page: Some(page),
            page_size: Some(size),
            page_token: token,
            ..request.clone()
        }
        .to_form()
    })))
}

fn fetch_recording(request: &FetchConferenceRecording, exchange: &mut Exchange<'_>) -> Served {
    let record = exchange.state.recording_mut(exchange.account, request.conference_sid, request.sid);
    record.map(|record| Reply::ok(json(&record.recording))).ok_or_else(|| not_found(exchange))
}

fn update_recording(request: &UpdateConferenceRecording, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let record = match request.sid {
        RecordingRef::Sid(sid) => exchange.state.recording_mut(account, request.conference_sid, sid),
        RecordingRef::Current => exchange.state.current_recording_mut(account, request.conference_sid),
    };
    let Some(record) = record else { return Err(not_found(exchange)) };
    let status = match request.status {
        RecordingStatusChange::Resume => ConferenceRecordingStatus::InProgress,
        RecordingStatusChange::Pause { .. } => ConferenceRecordingStatus::Paused,
        RecordingStatusChange::Stop => ConferenceRecordingStatus::Stopped,
    };
    record.set_status(status, now);
    Ok(Reply::ok(json(&record.recording)))
}

fn delete_recording(request: &DeleteConferenceRecording, exchange: &mut Exchange<'_>) -> Served {
    let key = (exchange.account, request.conference_sid, request.sid);
    let removed = State::remove(&mut exchange.state.recordings, |record| {
        (record.account, record.conference, record.sid) != key
    });
    if removed { Ok(Reply::no_content()) } else { Err(not_found(exchange)) }
}

// Messages ------------------------------------------------------------------------------------------

fn create_message(request: &CreateMessage, exchange: &mut Exchange<'_>) -> Served {
    // Twilio names a message with media `MM…`, one without `SM…`.
    let (_, media) = resources::message_content(&request.content);
    let sid: MessageSid = fresh_sid(if media > 0 { "MM" } else { "SM" });
    let life = MessageLife::new(exchange.account, sid, request);
    let message = resources::new_message(request, sid, exchange.account, life.status(), exchange.now);
    let reply = Reply::created(json(&message));
    let created = exchange.state.next_number();
    exchange.state.messages.push(MessageRecord { sid, created, account: exchange.account, life, message });
    Ok(reply)
}

fn fetch_message(request: &FetchMessage, exchange: &mut Exchange<'_>) -> Served {
    let record = exchange.state.message_mut(exchange.account, request.sid);
    record.map(|record| Reply::ok(json(&record.message))).ok_or_else(|| not_found(exchange))
}

fn update_message(request: &UpdateMessage, exchange: &mut Exchange<'_>) -> Served {
    let (account, now) = (exchange.account, exchange.now);
    let Some(record) = exchange.state.message_mut(account, request.sid) else {
        return Err(not_found(exchange));
    };
    let status = record.life.status().clone();
    if let Some(UpdateMessageStatus::Canceled) = request.status {
        let cancel = |record: &mut MessageRecord| record.life.advance(MessageStatus::Canceled, now);
        let callbacks =
            moves::move_message(exchange.state, account, request.sid, now, cancel).map_err(|_| {
                // docs/api/errors/30409: only a scheduled message can be canceled.
                TwilioError::conflict(
                    30409,
                    format!(
                        "the message {} is `{status}`: only a message still `scheduled` can be canceled",
                        request.sid
                    ),
                )
            })?;
        exchange.callbacks.extend(callbacks);
    }
    let Some(record) = exchange.state.message_mut(account, request.sid) else {
        return Err(not_found(exchange));
    };
    if let Some(body) = &request.body {
        // The empty body redacts the message's text.
        record.message.body = Some(body.clone());
    }
    record.message.date_updated = Some(now);
    Ok(Reply::ok(json(&record.message)))
}

fn delete_message(request: &DeleteMessage, exchange: &mut Exchange<'_>) -> Served {
    let account = exchange.account;
    let removed = State::remove(&mut exchange.state.messages, |message| {
        (message.account, message.sid) != (account, request.sid)
    });
    if removed { Ok(Reply::no_content()) } else { Err(not_found(exchange)) }
}

fn list_messages(request: &ListMessages, exchange: &mut Exchange<'_>) -> Served {
    let to = request.to.as_ref().map(ToString::to_string);
    let from = request.from.as_ref().map(ToString::to_string);
    let date = |time: Option<DateTime<Utc>>| time.map(|time| time.date_naive());
    let items = exchange
        .state
        .messages
        .iter()
        .rev()
        .filter(|record| record.account == exchange.account)
        .map(|record| (record.created, &record.message))
        .filter(|(_, message)| to.is_none() || message.to == to)
        .filter(|(_, message)| from.is_none() || message.from == from)
        .filter(|(_, message)| {
            let sent = day(message.date_sent);
            on_days(
                sent,
                date(request.date_sent),
                date(request.date_sent_before),
                date(request.date_sent_after),
            )
        })
        .map(|(created, message)| (created, json(message)))
        .collect();
    let page = PageRequest {
        key: "messages",
        path: exchange.path,
        page_size: request.page_size,
        page: request.page,
        page_token: request.page_token.as_deref(),
    };
    Ok(Reply::ok(page.render(Order::NewestFirst, items, |page, size, token| {
        ListMessages { page: Some(page), page_size: Some(size), page_token: token, ..request.clone() }
            .to_form()
    })))
}
