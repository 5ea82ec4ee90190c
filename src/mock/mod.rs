//! A Twilio on 127.0.0.1 for an application's own tests, built from the endpoint declarations: it
//! refuses what Twilio would refuse, keeps what a test creates, records what it receives, and plays
//! scripted failures.
//!
//! ```
//! use twilio_endpoint::api::v2010::{CreateMessage, FetchMessage, MessageAddress, MessageStatus};
//! use twilio_endpoint::mock::MockTwilio;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let twilio = MockTwilio::start().await;
//! let client = twilio.client(); // pointed at the mock, with its test account's credentials
//!
//! let to: MessageAddress = "+15558675310".parse().unwrap();
//! let from: MessageAddress = "+15017122661".parse().unwrap();
//! let sent = CreateMessage::new(to, from, "Hello").send(&client).await.unwrap();
//! assert_eq!(sent.status, Some(MessageStatus::Queued));
//!
//! // What the test created is there for later requests.
//! let fetched = FetchMessage::new(sent.sid.unwrap()).send(&client).await.unwrap();
//! assert_eq!(fetched.body.as_deref(), Some("Hello"));
//!
//! // And what the application sent, typed.
//! let [request] = &twilio.requests::<CreateMessage>()[..] else { panic!("one message sent") };
//! assert_eq!(request.to.as_str(), "+15558675310");
//! # }
//! ```
//!
//! # What it checks
//!
//! Each request goes through what Twilio checks, in that order, and is refused with Twilio's error
//! JSON (`{"code", "message", "more_info", "status"}`) and a `Twilio-Request-Id` where it fails:
//!
//! - **Credentials**: HTTP Basic with an account's SID and auth token, or with the SID and secret of
//!   an [`ApiKey`] of the account; else `401` with code 20003. The main account may act for its
//!   [`Subaccount`]s, a subaccount only for itself.
//! - **Route**: the method and path of an endpoint the mock serves: the catalog's operations (the
//!   generated ones of the enabled features included), and any
//!   endpoint registered with [`register`](MockTwilio::register), those of other products included
//!   (`host = "verify"`: the client's base URL override sends every product's requests to the mock,
//!   and a path without `{AccountSid}` acts for the account the credentials authenticate). Else `404`
//!   with 20404, or `405` with 20004 for a path served with other methods.
//! - **Parameters**: the form (the body of a `POST`, the query of a `GET` or `DELETE`) is decoded into
//!   the endpoint's type and checked by the same `validate()` the application's client runs, so a
//!   request sent past the client (a plain HTTP client, another SDK) is refused as surely. A key the
//!   endpoint does not declare is refused too, since Twilio would silently ignore a misspelled one;
//!   [`set_strict(false)`](MockTwilio::set_strict) accepts it. The `400` names the parameter and the
//!   rule, with the code Twilio documents for it where it has one (21201 `To` missing for a call,
//!   21604 for a message, 21211 `To` invalid, 21205 `Url`, 21602 no content, 21617 a body too long,
//!   ...), and the dictionary's general `400` otherwise.
//!
//! # State
//!
//! Creates answer with fresh SIDs (`CA…`, `CF…`, `SM…` or `MM…` with media, `RE…`) and the field
//! values Twilio gives a new resource (`queued`, dates in RFC 2822, URIs naming the new SIDs, the
//! addresses and body sent), kept in memory: fetches, updates, deletes and lists act on them. A
//! participant added under a friendly name creates its conference (or joins the one in progress of
//! that name), and its call is one of the account's calls; a conference created with
//! `ConferenceRecord=true` or `record-from-start` has a recording in progress. Lists show only what
//! the test created, newest first, filtered and paged as Twilio pages (`PageSize`, then
//! `next_page_uri`), so [`Client::stream`] walks them.
//!
//! # Generated operations
//!
//! With a family's feature on (`v2010-queues`, `v2010` for all; `verify-v2`, `lookups-v2`,
//! `messaging-v1`), every generated operation of it is served too, from what the generator writes beside it (the operation's kind, the SID
//! prefix of what its create makes, the items' key of its list, the description's example reply),
//! by a generic store: a create answers the example reply with the request's parameters in their
//! fields, a fresh SID, the account, dates and URI, and keeps it; fetches, updates, deletes and lists
//! act on what was created (404/20404 once deleted; lists newest first, filtered by equality on the
//! items' fields, paged as the product pages); an operation on nothing a create makes (Balance,
//! available numbers) answers the example reply with the path's values filled in. The checks,
//! recording, faults and [`register`](MockTwilio::register) apply as to the hand-written operations.
//! An operation declared with a JSON body (`body = json`, Lookups' bulk lookup and overrides) is read
//! from its `application/json` body, and a `PUT` from its body, as the client sends them. No
//! callbacks are sent for generated operations, and one has no effect on other resources.
//!
//! # Faults
//!
//! [`script`](MockTwilio::script) and [`script_next`](MockTwilio::script_next) make the next
//! requests of an endpoint, or of any, fail as scripted by a [`Fault`]: an error status with a Twilio
//! code, a delay, a dropped connection, `429` with `Retry-After`, N times.
//!
//! # Callbacks
//!
//! A test moves what the application created along its life, as the world outside Twilio would:
//! [`call`](MockTwilio::call) rings, is answered, completes; a [`participant`](MockTwilio::participant)
//! joins, is muted or held, leaves; a [`conference`](MockTwilio::conference) ends; a
//! [`message`](MockTwilio::message) is sent, delivered or fails. Each move changes what the next
//! fetch shows, and posts the callbacks Twilio would post to the URLs the create request gave, for
//! the events it subscribed to, signed with the auth token of the resource's account, so that the
//! application's own webhook handlers (and their signature check) receive them; the move returns
//! once they are answered, with what was sent ([`SentCallback`]). A move Twilio could not make is a
//! [`DriveError`], and changes nothing.
//!
//! The application's own requests move resources too, with the callbacks Twilio sends for them
//! (Update Participant's `participant-mute`, Delete Participant's `participant-leave`, Update Call's
//! and Update Conference's ends, a scheduled message canceled), posted before the request is
//! answered. [`callbacks`](MockTwilio::callbacks) lists every callback made. Callbacks go to
//! loopback hosts only (`127.0.0.1`, `::1`, `localhost`): a URL elsewhere is recorded, not requested
//! ([`Delivery::NotLocal`]).

mod auth;
mod catalog;
mod dispatch;
mod drive;
mod faults;
pub(crate) mod generated_store;
pub(crate) mod generic;
mod journal;
mod lifecycle;
mod moves;
mod paging;
mod reply;
mod resources;
mod routes;
mod server;
mod sids;
mod state;
mod twilio_error;

use std::any::{TypeId, type_name};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use twilio_endpoint_runtime::values::AccountSid;
use twilio_endpoint_runtime::{Client, DecodeRequest, Endpoint};

pub use auth::{ApiKey, Subaccount};
pub use drive::{CallDriver, ConferenceDriver, DriveError, MessageDriver, ParticipantDriver};
pub use faults::Fault;
pub use journal::{ReceivedRequest, Refusal};
pub use lifecycle::{Callback, CallbackKind, Delivery, LifecycleError, SentCallback};
pub use reply::Reply;

use auth::Credentials;
use dispatch::Shared;
use routes::{Registry, Route, lock};
use server::Server;

/// A running Twilio on 127.0.0.1; it stops when dropped.
///
/// It serves from a thread of its own, so it works the same in any tokio runtime a test uses.
pub struct MockTwilio {
    shared: Arc<Shared>,
    client: Client,
    base_url: String,
    // Declared last: the server stops after the handle's other parts are gone.
    server: Server,
}

impl MockTwilio {
    /// The test account the mock serves; [`client`](Self::client) uses it.
    pub const ACCOUNT_SID: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    /// The test account's auth token.
    pub const AUTH_TOKEN: &'static str = "0123456789abcdef0123456789abcdef";

    /// Starts the mock on a free port of 127.0.0.1, serving every operation of the catalog.
    ///
    /// # Panics
    /// When no local port can be bound or no thread started: a test cannot go on without them.
    pub async fn start() -> MockTwilio {
        let mut routes = Registry::default();
        // The generated operations of the enabled features first: the hand-written ones replace
        // none of them (they are other operations), and `register` replaces either.
        let generated = crate::api::v2010::generated::mock_routes().into_iter();
        #[cfg(feature = "verify-v2")]
        let generated = generated.chain(crate::api::verify::v2::mock_routes());
        #[cfg(feature = "lookups-v2")]
        let generated = generated.chain(crate::api::lookups::v2::mock_routes());
        #[cfg(feature = "messaging-v1")]
        let generated = generated.chain(crate::api::messaging::v1::mock_routes());
        for route in generated {
            routes.add(route);
        }
        for route in catalog::routes() {
            routes.add(route);
        }
        let shared = Arc::new(Shared::new(routes, Credentials::new(Self::ACCOUNT_SID, Self::AUTH_TOKEN)));
        let server = Server::start(dispatch::handler(Arc::clone(&shared)))
            .unwrap_or_else(|error| panic!("the Twilio mock could not start on 127.0.0.1: {error}"));
        let base_url = format!("http://{}", server.address());
        // Set once, here, before any request can be served.
        let _ = shared.base_url.set(base_url.clone());
        let client =
            client(&base_url, |builder| builder.account_sid(Self::ACCOUNT_SID).auth_token(Self::AUTH_TOKEN));
        MockTwilio { shared, client, base_url, server }
    }

    /// A client for the test account, pointed at the mock.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// The mock's base URL, e.g. `http://127.0.0.1:40123`, for a client built by hand or a plain HTTP
    /// client.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Creates a subaccount of the test account, with its own SID and auth token.
    pub fn create_subaccount(&self) -> Subaccount {
        lock(&self.shared.credentials).create_subaccount(Self::ACCOUNT_SID)
    }

    /// Creates an API key of the test account.
    pub fn create_api_key(&self) -> ApiKey {
        self.create_api_key_for(Self::ACCOUNT_SID)
    }

    /// Creates an API key of `account`, the test account or one of its subaccounts.
    ///
    /// # Panics
    /// When the mock does not know `account`.
    pub fn create_api_key_for(&self, account: AccountSid) -> ApiKey {
        lock(&self.shared.credentials).create_api_key(account).unwrap_or_else(|| {
            panic!("{account} is not an account of the mock: use `create_subaccount` first")
        })
    }

    /// A client for `subaccount`, authenticated with its own SID and token and acting for it.
    pub fn subaccount_client(&self, subaccount: &Subaccount) -> Client {
        client(&self.base_url, |builder| {
            builder.account_sid(subaccount.sid()).auth_token(subaccount.auth_token())
        })
    }

    /// A client authenticated with `key`, acting for the key's account.
    pub fn api_key_client(&self, key: &ApiKey) -> Client {
        client(&self.base_url, |builder| {
            builder.account_sid(key.account_sid()).api_key(key.sid(), key.secret())
        })
    }

    /// Whether a key the endpoint does not declare is refused (the default) or ignored, as Twilio
    /// ignores it.
    pub fn set_strict(&self, strict: bool) {
        self.shared.strict.store(strict, Ordering::Relaxed);
    }

    /// Serves the endpoint `E`, declared with `#[twilio_endpoint]`, with `responder`: requests are
    /// authenticated, decoded into `E` and validated as the catalog's are, then answered with what
    /// `responder` makes of them. Registering a catalog operation replaces the mock's own answer.
    ///
    /// ```
    /// use serde_json::json;
    /// use twilio_endpoint::mock::{MockTwilio, Reply};
    /// use twilio_endpoint::twilio_endpoint;
    /// use twilio_endpoint::values::PhoneNumber;
    ///
    /// #[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json")]
    /// #[derive(Clone)]
    /// pub struct CreateValidationRequest {
    ///     pub phone_number: PhoneNumber,
    ///     #[twilio(range = 0..=60)]
    ///     pub call_delay: Option<u32>,
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let twilio = MockTwilio::start().await;
    /// twilio.register(|request: &CreateValidationRequest| {
    ///     Reply::ok(json!({"phone_number": request.phone_number.as_str(), "validation_code": "111111"}))
    /// });
    /// let number: PhoneNumber = "+14158675310".parse().unwrap();
    /// let reply = CreateValidationRequest::new(number).send(&twilio.client()).await.unwrap();
    /// assert_eq!(reply["validation_code"], "111111");
    /// # }
    /// ```
    pub fn register<E>(&self, responder: impl Fn(&E) -> Reply + Send + Sync + 'static)
    where
        E: DecodeRequest + Clone + Send + 'static,
    {
        self.shared
            .routes
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .add(Route::responder(responder));
    }

    /// The requests of endpoint `E` the mock received, decoded, in the order received: those that
    /// passed its checks, whatever the answer (a scripted fault included), since the application sent
    /// them. Refused requests are in [`refused`](Self::refused).
    ///
    /// A path names an account whether the request set its `account_sid` field or left it to the
    /// client; the mock reads the account the client authenticated as as the field left unset (`None`),
    /// as an application usually writes it, and any other account (a subaccount the main account acts
    /// for) as set, so `assert_eq!(twilio.requests::<CreateMessage>(), [sent])` holds for a request
    /// sent as written.
    ///
    /// # Panics
    /// When the mock does not serve `E`: no request of it can be recorded, which is a mistake in the
    /// test (register the endpoint first).
    pub fn requests<E: Endpoint + Clone + 'static>(&self) -> Vec<E> {
        self.assert_serves::<E>();
        lock(&self.shared.journal).requests()
    }

    /// The requests the mock refused, in the order received, each with the status, code and message
    /// it answered.
    pub fn refused(&self) -> Vec<Refusal> {
        lock(&self.shared.journal).refused()
    }

    /// Every request received so far, in order, whatever the answer. (`async` as it has always been,
    /// though the mock answers it at once.)
    pub async fn received_requests(&self) -> Vec<ReceivedRequest> {
        lock(&self.shared.journal).received()
    }

    /// Makes the next requests of endpoint `E` fail as `fault` says (see [`Fault`]); faults scripted
    /// for the same endpoint apply one after the other.
    ///
    /// # Panics
    /// When the mock does not serve `E`.
    pub fn script<E: Endpoint + 'static>(&self, fault: Fault) {
        self.assert_serves::<E>();
        lock(&self.shared.scripts).script(TypeId::of::<E>(), fault);
    }

    /// Makes the next requests fail as `fault` says, whatever their endpoint; faults scripted this
    /// way apply before those of an endpoint.
    pub fn script_next(&self, fault: Fault) {
        lock(&self.shared.scripts).script_next(fault);
    }

    fn assert_serves<E: 'static>(&self) {
        let serves = self
            .shared
            .routes
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .serves(TypeId::of::<E>());
        assert!(
            serves,
            "the mock does not serve `{}`: register it with `MockTwilio::register`",
            type_name::<E>()
        );
    }
}

/// A client pointed at the mock, with the credentials `credentials` sets.
fn client(
    base_url: &str,
    credentials: impl FnOnce(twilio_endpoint_runtime::ClientBuilder) -> twilio_endpoint_runtime::ClientBuilder,
) -> Client {
    credentials(Client::builder().base_url(base_url))
        .build()
        .unwrap_or_else(|error| panic!("the client for the Twilio mock could not be built: {error}"))
}
