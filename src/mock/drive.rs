//! What a test uses to move the mock's resources along their life, as the world outside Twilio would:
//! a call is answered, a participant mutes, a carrier delivers a message. Each move changes what the
//! next request shows and posts the callbacks Twilio would post, awaited before the move returns.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::MockTwilio;
use super::lifecycle::{
    Callback, ConferenceLife, Delivery, Departure, LifecycleError, MessageLife, Presence, SentCallback,
};
use super::moves::{self, not_found};
use super::routes::lock;
use super::state::State;
use crate::api::v2010::webhooks::CallProgressStatus;
use crate::api::v2010::{MessageStatus, ParticipantRef, UpdateParticipant};
use crate::values::{AccountSid, CallSid, ConferenceSid, MessageSid};

/// Why a move a test asked for did not go as asked.
#[derive(Debug)]
#[non_exhaustive]
pub enum DriveError {
    /// The move cannot be made: the resource does not exist, or cannot go where it was asked to
    /// from where it is. Nothing changed, and no callback was sent.
    Refused(LifecycleError),
    /// The move was made and its callbacks sent, but one to this machine got no answer: the
    /// application is not listening where the request said. Every callback of the move is here,
    /// with what became of it.
    NoAnswer {
        /// The move's callbacks, in order; at least one is [`Delivery::NoAnswer`].
        sent: Vec<SentCallback>,
    },
}

impl From<LifecycleError> for DriveError {
    fn from(error: LifecycleError) -> Self {
        DriveError::Refused(error)
    }
}

impl fmt::Display for DriveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DriveError::Refused(error) => error.fmt(f),
            DriveError::NoAnswer { sent } => {
                let unanswered = sent.iter().find_map(|sent| match sent.delivery() {
                    Delivery::NoAnswer(reason) => Some((sent.callback().request_url(), reason)),
                    _ => None,
                });
                match unanswered {
                    Some((url, reason)) => write!(
                        f,
                        "the callback to `{url}` got no answer ({reason}); the move was made, but is the \
                         application listening there?"
                    ),
                    None => f.write_str("a callback got no answer; the move was made"),
                }
            }
        }
    }
}

impl StdError for DriveError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            DriveError::Refused(error) => Some(error),
            DriveError::NoAnswer { .. } => None,
        }
    }
}

impl MockTwilio {
    /// Moves the call `sid` along its life: see [`CallDriver`].
    pub fn call(&self, sid: CallSid) -> CallDriver<'_> {
        CallDriver { twilio: self, sid }
    }

    /// Moves a participant of the conference `conference`, named by its call SID or its label,
    /// along its life: see [`ParticipantDriver`].
    pub fn participant(
        &self,
        conference: ConferenceSid,
        participant: impl Into<ParticipantRef>,
    ) -> ParticipantDriver<'_> {
        ParticipantDriver { twilio: self, conference, participant: participant.into() }
    }

    /// Ends the conference `sid`: see [`ConferenceDriver`].
    pub fn conference(&self, sid: ConferenceSid) -> ConferenceDriver<'_> {
        ConferenceDriver { twilio: self, sid }
    }

    /// Moves the message `sid` along its life: see [`MessageDriver`].
    pub fn message(&self, sid: MessageSid) -> MessageDriver<'_> {
        MessageDriver { twilio: self, sid, sender: None }
    }

    /// Every callback the mock made so far, or would have made, in order: those of the moves a test
    /// made and those of the requests the application sent (an update, a delete).
    pub fn callbacks(&self) -> Vec<SentCallback> {
        lock(&self.shared.journal).callbacks()
    }

    /// Makes the move `change` describes at the present moment, then posts its callbacks from the
    /// server's thread, so that they go out whatever runtime the test awaits them in.
    async fn drive(
        &self,
        change: impl FnOnce(&mut State, DateTime<Utc>) -> Result<(AccountSid, Vec<Callback>), LifecycleError>,
    ) -> Result<Vec<SentCallback>, DriveError> {
        let (account, callbacks) = change(&mut lock(&self.shared.state), Utc::now())?;
        let outgoing = self.shared.sign(account, callbacks);
        let shared = Arc::clone(&self.shared);
        let sent = match self.server.spawn(async move { shared.post(outgoing).await }).await {
            Ok(sent) => sent,
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            // The server stops only when the mock is dropped, and `self` holds it.
            Err(error) => panic!("the mock's server stopped while it posted callbacks: {error}"),
        };
        if sent.iter().any(|sent| matches!(sent.delivery(), Delivery::NoAnswer(_))) {
            return Err(DriveError::NoAnswer { sent });
        }
        Ok(sent)
    }
}

/// Moves a call the application placed (or a participant's call) along its life, as the called
/// party would: it rings, is answered, hangs up. Each move is what the next Fetch Call shows, and
/// posts the status callbacks the call's request subscribed to, signed with its account's auth token.
///
/// A move goes through the statuses on the way (answering a queued call passes `initiated` and
/// `ringing`), each reported if subscribed to. A participant's call that is answered joins its
/// conference, and one that completes leaves it, as [`ParticipantDriver`] describes.
///
/// ```
/// use twilio_endpoint::api::v2010::{CallStatus, CreateCall, FetchCall};
/// use twilio_endpoint::mock::MockTwilio;
/// use twilio_endpoint::values::{Address, Url};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let twilio = MockTwilio::start().await;
/// let client = twilio.client();
/// let to: Address = "+15558675310".parse()?;
/// let from: Address = "+15017122661".parse()?;
/// let twiml: Url = "https://example.com/twiml".parse()?;
/// let sid = CreateCall::new(to, from, twiml).send(&client).await?.sid.unwrap();
///
/// twilio.call(sid).answer().await?;
/// assert_eq!(FetchCall::new(sid).send(&client).await?.status, Some(CallStatus::InProgress));
/// twilio.call(sid).complete().await?;
/// // A call that has ended does not ring again.
/// let refused = twilio.call(sid).ring().await.unwrap_err();
/// assert_eq!(
///     refused.to_string(),
///     format!("call `{sid}` cannot go from `completed` to `ringing`: `completed` is final")
/// );
/// # Ok(()) }
/// ```
#[derive(Clone, Copy)]
pub struct CallDriver<'a> {
    twilio: &'a MockTwilio,
    sid: CallSid,
}

impl CallDriver<'_> {
    /// Moves the call to `status`; [`ring`](Self::ring), [`answer`](Self::answer) and
    /// [`complete`](Self::complete) name the usual moves, `advance` any other (`busy`, `no-answer`,
    /// `failed`, `canceled`).
    ///
    /// # Errors
    ///
    /// [`DriveError::Refused`] when the mock has no such call or the call cannot reach `status`;
    /// [`DriveError::NoAnswer`] when a callback to this machine got no answer.
    pub async fn advance(&self, status: CallProgressStatus) -> Result<Vec<SentCallback>, DriveError> {
        let sid = self.sid;
        self.twilio
            .drive(|state, now| {
                let account = state.account_of_call(sid).ok_or_else(|| not_found("call", sid))?;
                Ok((account, moves::advance_call(state, account, sid, status, now)?))
            })
            .await
    }

    /// The call rings.
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance).
    pub async fn ring(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.advance(CallProgressStatus::Ringing).await
    }

    /// The call is answered: `in-progress`.
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance).
    pub async fn answer(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.advance(CallProgressStatus::InProgress).await
    }

    /// The called party hangs up an answered call: `completed`, its duration counted from its
    /// answer. (A call never answered ends `busy`, `no-answer`, `failed` or `canceled`, through
    /// [`advance`](Self::advance).)
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance).
    pub async fn complete(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.advance(CallProgressStatus::Completed).await
    }
}

/// Moves a participant added with Create Participant along its life in its conference: its call
/// rings, it joins once answered, it mutes or is held (as by an Update Participant from outside the
/// application), it hangs up. Each move is what the next Fetch Participant, Fetch Call and Fetch
/// Conference show (a participant that left is no longer listed), and posts the callbacks Twilio
/// would: the call's status callbacks to the participant's `StatusCallback`, the conference's events
/// to the `ConferenceStatusCallback` of the first participant to join, each only if subscribed to.
///
/// The conference starts when a second participant joins (one of them with
/// `StartConferenceOnEnter`), and ends when its last participant, or one with `EndConferenceOnExit`,
/// leaves.
#[derive(Clone)]
pub struct ParticipantDriver<'a> {
    twilio: &'a MockTwilio,
    conference: ConferenceSid,
    participant: ParticipantRef,
}

impl ParticipantDriver<'_> {
    /// Moves the participant's call to `status`: `ringing`; `in-progress`, and it joins;
    /// `completed`, and it hangs up; `busy`, `no-answer`, `failed` or `canceled`, and it leaves
    /// without having joined.
    ///
    /// # Errors
    ///
    /// [`DriveError::Refused`] when the mock has no such conference or participant, or the move
    /// cannot be made (a call answered after its conference ended, a call that has ended);
    /// [`DriveError::NoAnswer`] when a callback to this machine got no answer.
    pub async fn advance(&self, status: CallProgressStatus) -> Result<Vec<SentCallback>, DriveError> {
        let participant = self.participant.clone();
        self.change(move |life, now| life.advance(participant, status, now)).await
    }

    /// The participant's call rings.
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance).
    pub async fn ring(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.advance(CallProgressStatus::Ringing).await
    }

    /// The participant's call is answered and it joins the conference.
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance).
    pub async fn join(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.advance(CallProgressStatus::InProgress).await
    }

    /// The participant hangs up and leaves the conference, its call completed.
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance), and [`LifecycleError::NotInConference`] for a participant
    /// that has not joined or has left.
    pub async fn leave(&self) -> Result<Vec<SentCallback>, DriveError> {
        let participant = self.participant.clone();
        self.change(move |life, now| life.leave(participant, Departure::HungUp, now)).await
    }

    /// The participant is muted: `participant-mute`.
    ///
    /// # Errors
    ///
    /// As [`leave`](Self::leave).
    pub async fn mute(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.update(|update| update.muted(true)).await
    }

    /// The participant is unmuted: `participant-unmute`.
    ///
    /// # Errors
    ///
    /// As [`leave`](Self::leave).
    pub async fn unmute(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.update(|update| update.muted(false)).await
    }

    /// The participant is put on hold: `participant-hold`.
    ///
    /// # Errors
    ///
    /// As [`leave`](Self::leave).
    pub async fn hold(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.update(|update| update.hold(true)).await
    }

    /// The participant is taken off hold: `participant-unhold`.
    ///
    /// # Errors
    ///
    /// As [`leave`](Self::leave).
    pub async fn unhold(&self) -> Result<Vec<SentCallback>, DriveError> {
        self.update(|update| update.hold(false)).await
    }

    /// Applies the change `set` makes to an Update Participant request, to a participant in the
    /// conference: a participant not in it has nothing to report, which the test should hear.
    async fn update(
        &self,
        set: impl FnOnce(UpdateParticipant) -> UpdateParticipant,
    ) -> Result<Vec<SentCallback>, DriveError> {
        let request = set(UpdateParticipant::new(self.conference, self.participant.clone()));
        self.change(move |life, now| {
            if life.presence(&request.call_sid) != Some(Presence::Joined) {
                return Err(LifecycleError::NotInConference {
                    conference: request.conference_sid.to_string(),
                    participant: request.call_sid.to_string(),
                });
            }
            life.update(&request, now)
        })
        .await
    }

    async fn change(
        &self,
        change: impl FnOnce(&mut ConferenceLife, DateTime<Utc>) -> moves::Moved,
    ) -> Result<Vec<SentCallback>, DriveError> {
        let conference = self.conference;
        self.twilio
            .drive(|state, now| {
                let account = state
                    .account_of_conference(conference)
                    .ok_or_else(|| not_found("conference", conference))?;
                let callbacks =
                    moves::in_conference(state, account, conference, now, |life| change(life, now))?;
                Ok((account, callbacks))
            })
            .await
    }
}

/// Ends a conference, as an Update Conference with `Status=completed` from outside the application
/// would: every participant in it leaves (`participant-leave`, their calls completed), then
/// `conference-end`; a participant whose call is still ringing is hung up, its call canceled.
#[derive(Clone, Copy)]
pub struct ConferenceDriver<'a> {
    twilio: &'a MockTwilio,
    sid: ConferenceSid,
}

impl ConferenceDriver<'_> {
    /// Ends the conference.
    ///
    /// # Errors
    ///
    /// [`DriveError::Refused`] when the mock has no such conference or it has ended;
    /// [`DriveError::NoAnswer`] when a callback to this machine got no answer.
    pub async fn end(&self) -> Result<Vec<SentCallback>, DriveError> {
        let sid = self.sid;
        self.twilio
            .drive(|state, now| {
                let account = state.account_of_conference(sid).ok_or_else(|| not_found("conference", sid))?;
                Ok((account, moves::end_conference(state, account, sid, now)?))
            })
            .await
    }
}

/// Moves a message the application sent along its life, as the carrier would: sent, delivered,
/// read, or failed with Twilio's error code. Each move is what the next Fetch Message shows, and
/// posts a status callback for every status reached to the request's `StatusCallback`, signed with
/// its account's auth token.
///
/// A message starts `queued` (`accepted` through a messaging service, `scheduled` with a schedule);
/// a move goes through the statuses on the way (`delivered` from `queued` passes `sent`).
#[derive(Clone)]
pub struct MessageDriver<'a> {
    twilio: &'a MockTwilio,
    sid: MessageSid,
    sender: Option<String>,
}

impl MessageDriver<'_> {
    /// The sender the messaging service picked, for a message sent through one without `From`:
    /// every status callback names it, and the message shows it from the next move on.
    #[must_use]
    pub fn sent_from(mut self, from: impl Into<String>) -> Self {
        self.sender = Some(from.into());
        self
    }

    /// Moves the message to `status`: `queued`, `sending`, `sent`, `delivered`, `read`, or
    /// `canceled` for a scheduled one.
    ///
    /// # Errors
    ///
    /// [`DriveError::Refused`] when the mock has no such message, the message cannot reach
    /// `status`, `status` is `failed` or `undelivered` (use [`fail`](Self::fail)), or the message
    /// went through a messaging service without `From` and no [`sent_from`](Self::sent_from) named
    /// the sender; [`DriveError::NoAnswer`] when a callback to this machine got no answer.
    pub async fn advance(&self, status: MessageStatus) -> Result<Vec<SentCallback>, DriveError> {
        self.change(None, move |life, now| life.advance(status, now)).await
    }

    /// Moves the message to `failed` or `undelivered` with Twilio's `error_code` (30003, the handset
    /// is unreachable; 30007, filtered as spam; ...), which the last callback and the message carry.
    ///
    /// # Errors
    ///
    /// As [`advance`](Self::advance), `status` being `failed` or `undelivered`.
    pub async fn fail(
        &self,
        status: MessageStatus,
        error_code: u32,
    ) -> Result<Vec<SentCallback>, DriveError> {
        self.change(Some(error_code), move |life, now| life.fail(status, error_code, now)).await
    }

    async fn change(
        &self,
        error_code: Option<u32>,
        change: impl FnOnce(&mut MessageLife, DateTime<Utc>) -> moves::Moved,
    ) -> Result<Vec<SentCallback>, DriveError> {
        let (sid, sender) = (self.sid, self.sender.clone());
        self.twilio
            .drive(|state, now| {
                let account = state.account_of_message(sid).ok_or_else(|| not_found("message", sid))?;
                let callbacks = moves::move_message(state, account, sid, now, |record| {
                    // Moved on a copy, so that a refused move leaves the message as it was.
                    let mut life = record.life.clone();
                    if let Some(sender) = &sender {
                        life = life.sent_from(sender.clone());
                    }
                    let callbacks = change(&mut life, now)?;
                    record.life = life;
                    if sender.is_some() {
                        record.message.from = sender;
                    }
                    if error_code.is_some() {
                        record.message.error_code = error_code;
                    }
                    Ok(callbacks)
                })?;
                Ok((account, callbacks))
            })
            .await
    }
}
