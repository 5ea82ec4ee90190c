//! The HTTP server: hyper's HTTP/1 connections on a tokio listener bound to 127.0.0.1, in a thread of
//! its own, so that the mock serves whatever runtime (or none) the test runs in, and outlives none of
//! them: it stops when its handle is dropped.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;

use http_body_util::{BodyExt as _, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Handle;
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};

use super::reply::{Answer, Outcome, Reply};

/// A request as it arrived, read whole.
pub(crate) struct Received {
    pub(crate) method: String,
    /// The path, without the query.
    pub(crate) path: String,
    /// The query string, without its `?`.
    pub(crate) query: Option<String>,
    pub(crate) authorization: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Bytes,
}

/// What answers each request: the answer, and the `Twilio-Request-Id` it carries.
pub(crate) type Handler =
    Arc<dyn Fn(Received) -> Pin<Box<dyn Future<Output = (Answer, String)> + Send>> + Send + Sync>;

/// A running server; dropping it stops the server and every connection it holds.
pub(crate) struct Server {
    address: SocketAddr,
    /// The server's runtime, which also runs the work a test hands it (posting callbacks).
    runtime: Handle,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Server {
    /// Binds a free port of 127.0.0.1 and serves `handler` there from a new thread.
    pub(crate) fn start(handler: Handler) -> io::Result<Server> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let handle = runtime.handle().clone();
        let (shutdown, stopped) = oneshot::channel();
        std::thread::Builder::new().name(format!("twilio-mock-{}", address.port())).spawn(move || {
            runtime.block_on(async move {
                // Inside the runtime, which the listener needs to register with its reactor.
                match TcpListener::from_std(listener) {
                    Ok(listener) => serve(listener, handler, stopped).await,
                    Err(error) => eprintln!("the Twilio mock could not listen on {address}: {error}"),
                }
            });
        })?;
        Ok(Server { address, runtime: handle, shutdown: Some(shutdown) })
    }

    pub(crate) fn address(&self) -> SocketAddr {
        self.address
    }

    /// Runs `work` on the server's thread, whichever runtime (if any) awaits it.
    pub(crate) fn spawn<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> JoinHandle<T> {
        self.runtime.spawn(work)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // The server may already be gone (its thread ended); nothing is left to stop then.
            let _ = shutdown.send(());
        }
    }
}

/// Accepts connections until `stopped`, then drops them all (the `JoinSet` aborts its tasks).
async fn serve(listener: TcpListener, handler: Handler, mut stopped: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => {
                // A failed accept (the peer gave up, too many files open) concerns that connection
                // only.
                if let Ok((socket, _)) = accepted {
                    connections.spawn(connection(socket, Arc::clone(&handler)));
                }
            }
            // Finished connections are reaped so that the set does not grow with every one.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn connection(socket: TcpStream, handler: Handler) {
    let _ = socket.set_nodelay(true);
    let service = service_fn(move |request: Request<Incoming>| exchange(request, Arc::clone(&handler)));
    // A connection ends with an error when a client goes away mid-request or a fault drops it: either
    // way, only that connection is concerned.
    let _ = http1::Builder::new().serve_connection(TokioIo::new(socket), service).await;
}

/// Why a connection was closed without an answer: a scripted fault.
#[derive(Debug)]
struct Dropped;

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the connection was dropped by a scripted fault")
    }
}

impl StdError for Dropped {}

async fn exchange(
    request: Request<Incoming>,
    handler: Handler,
) -> Result<Response<Full<Bytes>>, Box<dyn StdError + Send + Sync>> {
    let (parts, body) = request.into_parts();
    let header =
        |name| parts.headers.get(name).and_then(|value: &HeaderValue| value.to_str().ok()).map(str::to_owned);
    let received = Received {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        authorization: header(hyper::header::AUTHORIZATION),
        content_type: header(CONTENT_TYPE),
        body: body.collect().await?.to_bytes(),
    };
    let (answer, request_id) = handler(received).await;
    if let Some(delay) = answer.delay {
        tokio::time::sleep(delay).await;
    }
    match answer.outcome {
        // Failing the service makes hyper close the connection without writing a response.
        Outcome::Drop => Err(Box::new(Dropped)),
        Outcome::Reply(reply) => Ok(response(&reply, &request_id)),
    }
}

fn response(reply: &Reply, request_id: &str) -> Response<Full<Bytes>> {
    let status = StatusCode::from_u16(reply.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = Response::builder().status(status).header("Twilio-Request-Id", request_id);
    if reply.body().is_some() {
        response = response.header(CONTENT_TYPE, "application/json; charset=utf-8");
    }
    if reply.authenticates() {
        response = response.header(hyper::header::WWW_AUTHENTICATE, r#"Basic realm="Twilio API""#);
    }
    if let Some(seconds) = reply.retry_after_seconds() {
        response = response.header(hyper::header::RETRY_AFTER, seconds);
    }
    let body = Full::new(Bytes::from(reply.body().unwrap_or_default().to_owned()));
    // The headers are valid by construction (ASCII request ids, numbers, constants); were one not,
    // the client would see a 500 rather than a connection that ends.
    response.body(body).unwrap_or_else(|_| internal_error())
}

fn internal_error() -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}
