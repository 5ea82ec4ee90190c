//! One request through the mock, in the order Twilio checks it: recorded as received, then the
//! credentials, the route, the account of the path, and the route's own decoding, validation,
//! scripted fault and answer; every refusal recorded with the error sent back.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use super::auth::Credentials;
use super::faults::Scripts;
use super::journal::{Journal, ReceivedRequest};
use super::reply::Answer;
use super::routes::{Registry, RouteRequest, Services, lock};
use super::server::Received;
use super::state::State;
use super::twilio_error::TwilioError;

/// Everything the mock holds, shared by its handle and its server.
pub(crate) struct Shared {
    pub(crate) routes: RwLock<Registry>,
    pub(crate) credentials: Mutex<Credentials>,
    pub(crate) journal: Mutex<Journal>,
    pub(crate) scripts: Mutex<Scripts>,
    pub(crate) state: Mutex<State>,
    pub(crate) strict: AtomicBool,
    /// How many requests arrived, which numbers their request ids.
    requests: AtomicU64,
}

impl Shared {
    pub(crate) fn new(routes: Registry, credentials: Credentials) -> Shared {
        Shared {
            routes: RwLock::new(routes),
            credentials: Mutex::new(credentials),
            journal: Mutex::default(),
            scripts: Mutex::default(),
            state: Mutex::default(),
            strict: AtomicBool::new(true),
            requests: AtomicU64::new(0),
        }
    }

    /// The answer to `received`, and its request id: Twilio's are `RQ` and 32 hex digits.
    pub(crate) fn answer(&self, received: Received) -> (Answer, String) {
        let number = self.requests.fetch_add(1, Ordering::Relaxed) + 1;
        let request_id = format!("RQ{number:032x}");
        let raw = ReceivedRequest {
            method: received.method.clone(),
            path_and_query: match &received.query {
                Some(query) => format!("{}?{query}", received.path),
                None => received.path.clone(),
            },
            body: String::from_utf8_lossy(&received.body).into_owned(),
        };
        lock(&self.journal).receive(raw.clone());
        let answer = self.serve(&received).unwrap_or_else(|error| {
            lock(&self.journal).refuse(raw, &error);
            Answer::now(error.into_reply())
        });
        (answer, request_id)
    }

    fn serve(&self, received: &Received) -> Result<Answer, TwilioError> {
        let authenticated = lock(&self.credentials).authenticate(received.authorization.as_deref())?;
        // The route is cloned out of the registry so that a responder may register routes.
        let (route, params) = self
            .routes
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .find(&received.method, &received.path)?;
        let account = if route.names_account() {
            let account = params.account().map_err(|_| TwilioError::authenticate())?;
            lock(&self.credentials).may_act_for(authenticated, account)?;
            account
        } else {
            authenticated
        };
        let form = match received.method.as_str() {
            "POST" => {
                check_form_content_type(received)?;
                &received.body[..]
            }
            _ => received.query.as_deref().unwrap_or_default().as_bytes(),
        };
        let services = Services {
            strict: self.strict.load(Ordering::Relaxed),
            journal: &self.journal,
            scripts: &self.scripts,
            state: &self.state,
            account,
        };
        // A request whose path names the client's own account is read back as one that left its
        // account field to the client, as the application most likely wrote it.
        let params = params.with_client_account(authenticated);
        route.serve(&RouteRequest { path: &received.path, form }, &params, &services)
    }
}

/// A body with parameters must be a form: a JSON body would be read as one odd key.
fn check_form_content_type(received: &Received) -> Result<(), TwilioError> {
    match &received.content_type {
        Some(content_type)
            if !received.body.is_empty()
                && !content_type.split(';').next().is_some_and(|media| {
                    media.trim().eq_ignore_ascii_case("application/x-www-form-urlencoded")
                }) =>
        {
            Err(TwilioError::not_a_form(content_type))
        }
        _ => Ok(()),
    }
}

/// The handler the server calls for each request.
pub(crate) fn handler(shared: Arc<Shared>) -> super::server::Handler {
    Arc::new(move |received| shared.answer(received))
}
