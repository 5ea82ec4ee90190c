//! Moves along a resource's life in the mock's state, for the requests that bring them (an update, a
//! delete) and for a test driving the mock: the life makes the move and returns its callbacks, then
//! the records show where the move left the resource. A refused move changes nothing.

use chrono::{DateTime, Utc};

use super::lifecycle::{Callback, ConferenceLife, Departure, LifecycleError, Presence};
use super::state::{Leg, MessageRecord, State};
use crate::api::v2010::webhooks::CallProgressStatus;
use crate::api::v2010::{CallUpdateStatus, ParticipantRef, UpdateCall};
use crate::values::{AccountSid, CallSid, ConferenceSid, MessageSid};

/// The callbacks of a move, all about resources of one account, in the order Twilio sends them.
pub(crate) type Moved = Result<Vec<Callback>, LifecycleError>;

pub(crate) fn not_found(kind: &str, sid: impl std::fmt::Display) -> LifecycleError {
    LifecycleError::NotFound { resource: format!("{kind} `{sid}`") }
}

/// Moves the call `sid` of `account` to `status`: a placed call along its own life, a participant's
/// call through its conference (answered, the participant joins; completed, it hangs up).
pub(crate) fn advance_call(
    state: &mut State,
    account: AccountSid,
    sid: CallSid,
    status: CallProgressStatus,
    now: DateTime<Utc>,
) -> Moved {
    let record = state.call_mut(account, sid).ok_or_else(|| not_found("call", sid))?;
    match &mut record.leg {
        Leg::Placed(life) => {
            let callbacks = life.advance(status, now)?;
            let (reached, answered_at) = (life.status().clone(), life.answered_at());
            record.follow(&reached, answered_at, now);
            Ok(callbacks)
        }
        Leg::Participant(conference) => {
            let conference = *conference;
            in_conference(state, account, conference, now, |life| life.advance(sid, status, now))
        }
    }
}

/// Makes `change` to the life of the conference `conference` of `account`, then shows it in the
/// records of the conference, its participants and their calls.
pub(crate) fn in_conference(
    state: &mut State,
    account: AccountSid,
    conference: ConferenceSid,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut ConferenceLife) -> Moved,
) -> Moved {
    let record =
        state.conference_mut(account, conference).ok_or_else(|| not_found("conference", conference))?;
    let callbacks = change(&mut record.life)?;
    state.sync_conference(account, conference, now);
    Ok(callbacks)
}

/// Ends a conference through the API (Update Conference with `Status=completed`): everyone in it
/// leaves and it ends; a participant whose call is still being placed is hung up too, since
/// "completed" disconnects every participant.
pub(crate) fn end_conference(
    state: &mut State,
    account: AccountSid,
    conference: ConferenceSid,
    now: DateTime<Utc>,
) -> Moved {
    in_conference(state, account, conference, now, |life| {
        let mut callbacks = life.end(now)?;
        let waiting: Vec<CallSid> = life
            .participants()
            .filter(|participant| participant.presence == Presence::Added)
            .map(|participant| participant.call_sid)
            .collect();
        for call in waiting {
            callbacks.extend(life.hang_up(&ParticipantRef::CallSid(call), now)?);
        }
        Ok(callbacks)
    })
}

/// Removes a participant through the API (Delete Participant): its call is hung up, and it leaves
/// the conference, or never joins it.
pub(crate) fn remove_participant(
    state: &mut State,
    account: AccountSid,
    conference: ConferenceSid,
    participant: &ParticipantRef,
    now: DateTime<Utc>,
) -> Moved {
    in_conference(state, account, conference, now, |life| life.hang_up(participant, now))
}

/// What Update Call does to a call's life: new `Url` or `Twiml` take a participant's call out of
/// its conference, the call going on; `Status=canceled` cancels a call not yet answered and leaves
/// one in progress alone; `Status=completed` hangs up any call (a participant's leaves its
/// conference as one removed through the API). A call that has ended stays as it ended.
pub(crate) fn update_call(
    state: &mut State,
    account: AccountSid,
    request: &UpdateCall,
    now: DateTime<Utc>,
) -> Moved {
    let sid = request.sid;
    let record = state.call_mut(account, sid).ok_or_else(|| not_found("call", sid))?;
    if record.has_ended() {
        return Ok(Vec::new());
    }
    let cancel = request.status == Some(CallUpdateStatus::Canceled) && !record.is_in_progress();
    let hang_up = request.status == Some(CallUpdateStatus::Completed);
    let conference = match &mut record.leg {
        Leg::Placed(life) => {
            let callbacks = if cancel {
                life.advance(CallProgressStatus::Canceled, now)?
            } else if hang_up {
                life.hang_up(now)
            } else {
                Vec::new()
            };
            let (reached, answered_at) = (life.status().clone(), life.answered_at());
            record.follow(&reached, answered_at, now);
            return Ok(callbacks);
        }
        Leg::Participant(conference) => *conference,
    };
    let participant = ParticipantRef::CallSid(sid);
    in_conference(state, account, conference, now, |life| {
        let mut callbacks = Vec::new();
        if request.redirect.is_some() && life.presence(&participant) == Some(Presence::Joined) {
            callbacks.extend(life.leave(sid, Departure::Redirected, now)?);
        }
        if cancel {
            callbacks.extend(life.advance(sid, CallProgressStatus::Canceled, now)?);
        } else if hang_up {
            callbacks.extend(life.hang_up(&participant, now)?);
        }
        Ok(callbacks)
    })
}

/// Makes `change` to the message `sid` of `account` (its life, and what the record shows of it
/// beyond its status), then shows its status in the record.
pub(crate) fn move_message(
    state: &mut State,
    account: AccountSid,
    sid: MessageSid,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut MessageRecord) -> Moved,
) -> Moved {
    let record = state.message_mut(account, sid).ok_or_else(|| not_found("message", sid))?;
    let callbacks = change(record)?;
    record.follow(now);
    Ok(callbacks)
}
