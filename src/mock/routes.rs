//! The mock's routes, made from the endpoint declarations themselves: a route is an endpoint type's
//! `(METHOD, PATH)`, and serving it decodes the request into that type, validates it, records it,
//! applies any scripted fault and answers.
//!
//! There is no table of paths beside the declarations: the catalog registers its types
//! (`catalog.rs`), the generated catalogs theirs with the data the generator writes beside them
//! (`generic.rs`), an application registers its own with a responder.

use std::any::TypeId;
use std::cell::RefCell;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use twilio_endpoint_runtime::values::AccountSid;
use twilio_endpoint_runtime::{
    BodyFormat, DecodeRequest, FormDecodeError, FormPairs, JsonFields, Method, PathParams, Problem,
};

use super::faults::Scripts;
use super::generated_store::Store;
use super::journal::Journal;
use super::lifecycle::Callback;
use super::moves::Moved;
use super::reply::{Answer, Reply};
use super::state::State;
use super::twilio_error::{ErrorCodes, TwilioError};

/// Locks `mutex`, taking over a lock a panicking responder left poisoned: the data it guards is
/// always left whole (each change is one assignment or push), and a test's failure should not
/// cascade into every later request.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a route needs from the mock to serve a request.
pub(crate) struct Services<'a> {
    /// Whether a key the endpoint does not declare is refused.
    pub(crate) strict: bool,
    pub(crate) journal: &'a Mutex<Journal>,
    pub(crate) scripts: &'a Mutex<Scripts>,
    pub(crate) state: &'a Mutex<State>,
    /// The account of the path, or, for an endpoint whose path names none, the authenticated one.
    pub(crate) account: AccountSid,
    /// The callbacks the request brings, about resources of `account`, to send once it is carried
    /// out.
    pub(crate) callbacks: &'a RefCell<Vec<Callback>>,
    /// What the generated operations created.
    pub(crate) generic: &'a Mutex<Store>,
    /// The mock's base URL, which the other products' page URLs start with.
    pub(crate) base_url: &'a str,
}

/// What a catalog operation sees of a request besides the request itself.
pub(crate) struct Exchange<'a> {
    pub(crate) state: &'a mut State,
    pub(crate) account: AccountSid,
    /// The path as received, which a resource not found and page URIs repeat.
    pub(crate) path: &'a str,
    pub(crate) now: DateTime<Utc>,
    /// The callbacks of the moves the request made, in order.
    pub(crate) callbacks: Vec<Callback>,
}

impl Exchange<'_> {
    /// Keeps the callbacks of a move the request made. The request's own checks leave the life no
    /// reason to refuse it; were it refused all the same, the resource stays as it was, and the
    /// reply shows it so.
    pub(crate) fn sends(&mut self, moved: Moved) {
        if let Ok(callbacks) = moved {
            self.callbacks.extend(callbacks);
        }
    }
}

/// A request as a route reads it: its path (without the query) and its form (the body of a `POST`,
/// the query string of a `GET` or `DELETE`).
pub(crate) struct RouteRequest<'a> {
    pub(crate) path: &'a str,
    pub(crate) form: &'a [u8],
}

/// Serves one request of a route: the answer, or the refusal of a request that does not decode or
/// validate.
type Serve =
    dyn Fn(&RouteRequest<'_>, &PathParams<'_>, &Services<'_>) -> Result<Answer, TwilioError> + Send + Sync;

/// One endpoint the mock serves.
pub(crate) struct Route {
    pub(crate) method: Method,
    pub(crate) template: &'static str,
    /// Whether the endpoint's body is JSON (`body = json`) rather than a form.
    pub(crate) json_body: bool,
    /// How many `/`-separated segments the template has, which a path it matches has too: with the
    /// generated catalogs, most routes are passed over on that count alone.
    segments: usize,
    endpoint: TypeId,
    serve: Box<Serve>,
}

impl Route {
    /// A catalog operation, carried out by `operation` on the mock's state; its refusals carry the
    /// Twilio codes of `codes`.
    pub(crate) fn operation<E>(
        codes: ErrorCodes,
        operation: fn(&E, &mut Exchange<'_>) -> Result<Reply, TwilioError>,
    ) -> Route
    where
        E: DecodeRequest + Clone + Send + 'static,
    {
        Route::new::<E>(codes, move |request, request_path, services| {
            let mut state = lock(services.state);
            let mut exchange = Exchange {
                state: &mut state,
                account: services.account,
                path: request_path,
                now: Utc::now(),
                callbacks: Vec::new(),
            };
            let reply = operation(request, &mut exchange).unwrap_or_else(TwilioError::into_reply);
            services.callbacks.borrow_mut().append(&mut exchange.callbacks);
            reply
        })
    }

    /// An endpoint an application declared, answered by `responder`.
    pub(crate) fn responder<E>(responder: impl Fn(&E) -> Reply + Send + Sync + 'static) -> Route
    where
        E: DecodeRequest + Clone + Send + 'static,
    {
        Route::new::<E>(ErrorCodes::General, move |request, _, _| responder(request))
    }

    /// A generated operation, served by `respond` from the request, its path and the mock's
    /// services.
    pub(crate) fn with_services<E>(
        respond: impl Fn(&E, &str, &Services<'_>) -> Reply + Send + Sync + 'static,
    ) -> Route
    where
        E: DecodeRequest + Clone + Send + 'static,
    {
        Route::new::<E>(ErrorCodes::General, respond)
    }

    fn new<E>(
        codes: ErrorCodes,
        respond: impl Fn(&E, &str, &Services<'_>) -> Reply + Send + Sync + 'static,
    ) -> Route
    where
        E: DecodeRequest + Clone + Send + 'static,
    {
        let serve = move |request: &RouteRequest<'_>, params: &PathParams<'_>, services: &Services<'_>| {
            let decoded = decode::<E>(params, request.form, services.strict).map_err(|error| {
                if error.key().starts_with('{') {
                    // A path segment that is not a value of its placeholder (`/Calls/x.json`) names
                    // no resource, as Twilio answers it.
                    TwilioError::not_found(request.path)
                } else {
                    TwilioError::undecodable(codes, &error)
                }
            })?;
            decoded.validate().map_err(|errors| TwilioError::invalid(codes, &errors))?;
            lock(services.journal).record(decoded.clone());
            let applied = lock(services.scripts).take(TypeId::of::<E>());
            Ok(applied.answer(|| respond(&decoded, request.path, services)))
        };
        Route {
            method: E::METHOD,
            template: E::PATH,
            json_body: E::BODY == BodyFormat::Json,
            segments: E::PATH.split('/').count(),
            endpoint: TypeId::of::<E>(),
            serve: Box::new(serve),
        }
    }

    pub(crate) fn serve(
        &self,
        request: &RouteRequest<'_>,
        params: &PathParams<'_>,
        services: &Services<'_>,
    ) -> Result<Answer, TwilioError> {
        (self.serve)(request, params, services)
    }

    /// Whether the template names an account (`{AccountSid}`), whose credentials are then checked.
    pub(crate) fn names_account(&self) -> bool {
        self.template.contains("{AccountSid}")
    }
}

/// `E` read from its path and form; with `strict`, a key `E` does not declare is an error, otherwise
/// it is ignored as Twilio ignores it.
fn decode<E: DecodeRequest>(
    params: &PathParams<'_>,
    form: &[u8],
    strict: bool,
) -> Result<E, FormDecodeError> {
    if E::BODY == BodyFormat::Json {
        // A JSON body (`body = json`): its members, read as the client wrote them.
        let mut body = JsonFields::parse(form)?;
        let request = E::read_json_request(params, &mut body)?;
        if strict {
            body.finish()?;
        }
        return Ok(request);
    }
    let mut pairs = FormPairs::parse(form);
    let request = E::read_request(params, &mut pairs)?;
    if strict {
        pairs.finish()?;
    }
    Ok(request)
}

/// Every route, looked up by method and path.
#[derive(Default)]
pub(crate) struct Registry {
    routes: Vec<Arc<Route>>,
}

impl Registry {
    /// Adds `route`, in place of one with the same method and template: an application may answer a
    /// catalog operation its own way.
    pub(crate) fn add(&mut self, route: Route) {
        self.routes.retain(|known| (known.method, known.template) != (route.method, route.template));
        self.routes.push(Arc::new(route));
    }

    /// Whether requests of the endpoint type `endpoint` are served.
    pub(crate) fn serves(&self, endpoint: TypeId) -> bool {
        self.routes.iter().any(|route| route.endpoint == endpoint)
    }

    /// The route of `method` and `path`, with the path's placeholders; of two routes that match, the
    /// one whose template has more literal text (`IncomingPhoneNumbers/Local.json` before
    /// `IncomingPhoneNumbers/{Sid}.json`), then the one registered last, so that an application's own
    /// declaration wins over the catalog's. A path no template matches is Twilio's 404, one matched
    /// by templates of other methods its 405; a path whose account is no account SID names no account
    /// the credentials may act for.
    pub(crate) fn find<'p>(
        &self,
        method: &str,
        path: &'p str,
    ) -> Result<(Arc<Route>, PathParams<'p>), TwilioError> {
        let mut allowed = Vec::new();
        let mut best: Option<(usize, &Arc<Route>, PathParams<'p>)> = None;
        let segments = path.split('/').count();
        for route in self.routes.iter().rev().filter(|route| route.segments == segments) {
            match PathParams::matching(route.template, path) {
                Ok(params) if route.method.as_str() == method => {
                    let literal = literal_len(route.template);
                    if best.as_ref().is_none_or(|(known, ..)| literal > *known) {
                        best = Some((literal, route, params));
                    }
                }
                Ok(_) => allowed.push(route.method.as_str()),
                Err(error) if matches!(error.problem(), Problem::PathMismatch { .. }) => {}
                Err(_) => return Err(TwilioError::authenticate()),
            }
        }
        if let Some((_, route, params)) = best {
            return Ok((Arc::clone(route), params));
        }
        if allowed.is_empty() {
            Err(TwilioError::not_found(path))
        } else {
            Err(TwilioError::method_not_allowed(method, &allowed))
        }
    }
}

/// How much of `template` is literal text, outside its placeholders.
fn literal_len(template: &str) -> usize {
    let mut inside = false;
    template
        .chars()
        .filter(|c| {
            match c {
                '{' => inside = true,
                '}' => {
                    inside = false;
                    return false;
                }
                _ => {}
            }
            !inside
        })
        .count()
}
