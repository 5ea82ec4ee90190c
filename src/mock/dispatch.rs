//! One request through the mock, in the order Twilio checks it: recorded as received, then the
//! credentials, the route, the account of the path, and the route's own decoding, validation,
//! scripted fault and answer; every refusal recorded with the error sent back. The callbacks a
//! request brings are posted before it is answered, so that once the application has its answer, it
//! has had them too.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use super::auth::Credentials;
use super::faults::Scripts;
use super::generated_store::Store;
use super::journal::{Journal, ReceivedRequest};
use super::lifecycle::{Callback, Outgoing, Poster, SentCallback};
use super::reply::Answer;
use super::routes::{Registry, RouteRequest, Services, lock};
use super::server::Received;
use super::state::State;
use super::twilio_error::TwilioError;
use crate::WebhookValidator;
use crate::values::AccountSid;

/// Everything the mock holds, shared by its handle and its server.
pub(crate) struct Shared {
    pub(crate) routes: RwLock<Registry>,
    pub(crate) credentials: Mutex<Credentials>,
    pub(crate) journal: Mutex<Journal>,
    pub(crate) scripts: Mutex<Scripts>,
    pub(crate) state: Mutex<State>,
    pub(crate) strict: AtomicBool,
    /// What the generated operations created.
    pub(crate) generic: Mutex<Store>,
    /// The mock's base URL, known once its server listens.
    pub(crate) base_url: OnceLock<String>,
    poster: Poster,
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
            generic: Mutex::default(),
            base_url: OnceLock::new(),
            poster: Poster::default(),
            requests: AtomicU64::new(0),
        }
    }

    /// The answer to `received`, and its request id: Twilio's are `RQ` and 32 hex digits; the
    /// callbacks the request brings are posted first.
    pub(crate) async fn answer(&self, received: Received) -> (Answer, String) {
        let (answer, request_id, outgoing) = self.carry_out(received);
        self.post(outgoing).await;
        (answer, request_id)
    }

    fn carry_out(&self, received: Received) -> (Answer, String, Vec<Outgoing>) {
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
        match self.serve(&received) {
            Ok((answer, outgoing)) => (answer, request_id, outgoing),
            Err(error) => {
                lock(&self.journal).refuse(raw, &error);
                (Answer::now(error.into_reply()), request_id, Vec::new())
            }
        }
    }

    /// `callbacks`, about resources of `account`, each with the validator of the account's auth
    /// token, which signs it.
    pub(crate) fn sign(&self, account: AccountSid, callbacks: Vec<Callback>) -> Vec<Outgoing> {
        if callbacks.is_empty() {
            return Vec::new();
        }
        let credentials = lock(&self.credentials);
        // Every resource belongs to an account the mock created, with a token of 32 hex digits.
        let token = credentials
            .auth_token(&account)
            .unwrap_or_else(|| panic!("the mock holds a resource of {account}, an account it does not know"));
        let validator = WebhookValidator::new(token)
            .unwrap_or_else(|error| panic!("the auth token of {account} cannot sign: {error}"));
        callbacks.into_iter().map(|callback| Outgoing { callback, validator: validator.clone() }).collect()
    }

    /// Posts `outgoing` one after the other, in order, each recorded with what became of it.
    pub(crate) async fn post(&self, outgoing: Vec<Outgoing>) -> Vec<SentCallback> {
        let mut sent = Vec::with_capacity(outgoing.len());
        for callback in outgoing {
            let callback = self.poster.post(callback).await;
            lock(&self.journal).send(callback.clone());
            sent.push(callback);
        }
        sent
    }

    fn serve(&self, received: &Received) -> Result<(Answer, Vec<Outgoing>), TwilioError> {
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
            "POST" | "PUT" if route.json_body => {
                check_content_type(received, "application/json", TwilioError::not_json)?;
                &received.body[..]
            }
            "POST" | "PUT" => {
                check_content_type(received, "application/x-www-form-urlencoded", TwilioError::not_a_form)?;
                &received.body[..]
            }
            _ => received.query.as_deref().unwrap_or_default().as_bytes(),
        };
        let callbacks = RefCell::new(Vec::new());
        let services = Services {
            strict: self.strict.load(Ordering::Relaxed),
            journal: &self.journal,
            scripts: &self.scripts,
            state: &self.state,
            account,
            callbacks: &callbacks,
            generic: &self.generic,
            base_url: self.base_url.get().map_or("", String::as_str),
        };
        // A request whose path names the client's own account is read back as one that left its
        // account field to the client, as the application most likely wrote it.
        let params = params.with_client_account(authenticated);
        let answer = route.serve(&RouteRequest { path: &received.path, form }, &params, &services)?;
        Ok((answer, self.sign(account, callbacks.into_inner())))
    }
}

/// A body with parameters must be of the endpoint's format (`expected`, a form for most): a JSON body
/// read as a form would be one odd key; otherwise `refuse`.
fn check_content_type(
    received: &Received,
    expected: &str,
    refuse: fn(&str) -> TwilioError,
) -> Result<(), TwilioError> {
    match &received.content_type {
        Some(content_type)
            if !received.body.is_empty()
                && !content_type
                    .split(';')
                    .next()
                    .is_some_and(|media| media.trim().eq_ignore_ascii_case(expected)) =>
        {
            Err(refuse(content_type))
        }
        _ => Ok(()),
    }
}

/// The handler the server calls for each request.
pub(crate) fn handler(shared: Arc<Shared>) -> super::server::Handler {
    Arc::new(move |received| {
        let shared = Arc::clone(&shared);
        Box::pin(async move { shared.answer(received).await })
    })
}
