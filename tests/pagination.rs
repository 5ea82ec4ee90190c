//! Walking a Twilio list page after page with `Client::next_page` and `Client::stream`, against a
//! wiremock server on 127.0.0.1 serving three pages of participants: every page is reached by its
//! `next_page_uri`, no page is fetched before it is needed, a link to another host is refused, and
//! errors end the walk.

use futures_util::{StreamExt as _, TryStreamExt as _};
use serde_json::{Value, json};
use twilio_endpoint::api::v2010::{ListParticipants, Participant};
use twilio_endpoint::values::{CallSid, ConferenceSid};
use twilio_endpoint::{Client, Error, Page};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const LIST: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json";
const PAGE_SIZE: u32 = 2;
const PAGES: u32 = 3;

/// The call SID of the `n`th participant of the list, from 0.
fn call(n: u32) -> CallSid {
    format!("CA{n:032x}").parse().unwrap()
}

/// A page's own URI, as Twilio writes it (with a `PageToken` after the first page).
fn page_uri(page: u32) -> String {
    match page {
        0 => format!("{LIST}?PageSize={PAGE_SIZE}&Page=0"),
        _ => format!("{LIST}?PageSize={PAGE_SIZE}&Page={page}&PageToken=PA{page}"),
    }
}

/// Page `page` of a list of `PAGES` full pages, linking to the next one with `next`.
fn page_body(page: u32, next: Option<String>) -> Value {
    let participants: Vec<Value> = (page * PAGE_SIZE..(page + 1) * PAGE_SIZE)
        .map(|n| {
            json!({
                "account_sid": ACCOUNT,
                "call_sid": call(n).as_str(),
                "conference_sid": CONFERENCE.as_str(),
                "status": "connected",
                "muted": n % 2 == 0,
            })
        })
        .collect();
    json!({
        "participants": participants,
        "page": page,
        "page_size": PAGE_SIZE,
        "start": page * PAGE_SIZE,
        "end": (page + 1) * PAGE_SIZE - 1,
        "uri": page_uri(page),
        "first_page_uri": page_uri(0),
        "next_page_uri": next,
        "previous_page_uri": page.checked_sub(1).map(page_uri),
    })
}

/// The page a request asks for: `Page=n` in its query, 0 without one.
fn requested_page(request: &Request) -> u32 {
    request.url.query_pairs().find(|(key, _)| key == "Page").map_or(0, |(_, page)| page.parse().unwrap())
}

/// Serves the list's pages; `reply` may replace the reply to any page.
async fn list_server(reply: impl Fn(u32) -> Option<ResponseTemplate> + Send + Sync + 'static) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(move |request: &Request| {
            let page = requested_page(request);
            reply(page).unwrap_or_else(|| {
                let next = (page + 1 < PAGES).then(|| page_uri(page + 1));
                ResponseTemplate::new(200).set_body_json(page_body(page, next))
            })
        })
        .mount(&server)
        .await;
    server
}

/// The list's pages, the first one linking to `next` instead of page 1.
async fn server_linking_to(next: &str) -> MockServer {
    let next = next.to_owned();
    list_server(move |page| {
        (page == 0).then(|| ResponseTemplate::new(200).set_body_json(page_body(0, Some(next.clone()))))
    })
    .await
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token("test-auth-token")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn first_page() -> ListParticipants {
    ListParticipants::new(CONFERENCE).page_size(PAGE_SIZE)
}

/// The path and query of every request the server received, in order.
async fn requests(server: &MockServer) -> Vec<String> {
    let requests = server.received_requests().await.unwrap();
    requests
        .iter()
        .map(|request| match request.url.query() {
            Some(query) => format!("{}?{query}", request.url.path()),
            None => request.url.path().to_owned(),
        })
        .collect()
}

fn call_sids(participants: &[Participant]) -> Vec<CallSid> {
    participants.iter().map(|participant| participant.call_sid.unwrap()).collect()
}

fn every_call() -> Vec<CallSid> {
    (0..PAGES * PAGE_SIZE).map(call).collect()
}

#[tokio::test]
async fn next_page_follows_next_page_uri_to_the_last_page() {
    let server = list_server(|_| None).await;
    let client = client_for(&server);

    let mut page: Page<Participant> = first_page().send(&client).await.unwrap();
    let mut seen = call_sids(&page.items);
    while let Some(next) = client.next_page(&page).await.unwrap() {
        seen.extend(call_sids(&next.items));
        page = next;
    }
    assert_eq!(seen, every_call());
    assert_eq!((page.page, page.start, page.end), (2, 4, 5));
    assert!(!page.has_next());
    assert_eq!(page.previous_page_uri, Some(page_uri(1)));
    // The first request is the one `ListParticipants` makes; the others are the links, as given.
    assert_eq!(requests(&server).await, [format!("{LIST}?PageSize=2"), page_uri(1), page_uri(2)]);
}

#[tokio::test]
async fn stream_yields_every_item_of_every_page_in_order() {
    let server = list_server(|_| None).await;
    let client = client_for(&server);
    let request = first_page();
    let participants: Vec<Participant> = client.stream(&request).try_collect().await.unwrap();
    assert_eq!(call_sids(&participants), every_call());
    assert_eq!(participants[0].muted, Some(true));
    assert_eq!(participants[1].muted, Some(false));
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn stream_fetches_no_page_past_a_limit() {
    let server = list_server(|_| None).await;
    let client = client_for(&server);
    let request = first_page();

    // Two items fill the first page: the second is never asked for.
    let two: Vec<Participant> = client.stream(&request).take(2).try_collect().await.unwrap();
    assert_eq!(call_sids(&two), every_call()[..2]);
    assert_eq!(requests(&server).await.len(), 1);

    // A third item needs the second page, and only it.
    let three: Vec<Participant> = client.stream(&request).take(3).try_collect().await.unwrap();
    assert_eq!(call_sids(&three), every_call()[..3]);
    assert_eq!(requests(&server).await[1..], [format!("{LIST}?PageSize=2"), page_uri(1)]);
}

#[tokio::test]
async fn a_stream_not_polled_sends_nothing() {
    let server = list_server(|_| None).await;
    let client = client_for(&server);
    let request = first_page();
    let stream = client.stream(&request);
    drop(stream);
    assert!(requests(&server).await.is_empty());
}

/// Following a link to another host would hand it the credentials.
#[tokio::test]
async fn a_next_page_uri_on_another_host_is_refused_and_not_sent() {
    let elsewhere = list_server(|_| None).await;
    let links = [
        "https://evil.example/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls.json".to_owned(),
        "//evil.example/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls.json".to_owned(),
        format!("{}{LIST}?Page=1", elsewhere.uri()),
    ];
    for link in links {
        let server = server_linking_to(&link).await;
        let client = client_for(&server);

        let page = first_page().send(&client).await.unwrap();
        let Err(Error::Refused(refused)) = client.next_page(&page).await else {
            panic!("{link} was followed");
        };
        assert_eq!(
            refused.to_string(),
            format!("refused to follow next_page_uri `{link}`: it is not a path on the client's host")
        );

        // The stream yields the first page's items, then the refusal, then ends.
        let request = first_page();
        let results: Vec<Result<Participant, Error>> = client.stream(&request).collect().await;
        assert_eq!(results.len(), 3, "{link}");
        assert!(results[..2].iter().all(Result::is_ok));
        assert!(matches!(results[2], Err(Error::Refused(_))), "{:?}", results[2]);

        // Only the two first pages went out, both to the server itself.
        assert_eq!(requests(&server).await, [format!("{LIST}?PageSize=2"), format!("{LIST}?PageSize=2")]);
    }
    assert!(requests(&elsewhere).await.is_empty());
}

#[tokio::test]
async fn an_invalid_page_size_ends_the_stream_before_sending() {
    let server = list_server(|_| None).await;
    let client = client_for(&server);
    for page_size in [0, 1001] {
        let request = ListParticipants::new(CONFERENCE).page_size(page_size);
        let results: Vec<Result<Participant, Error>> = client.stream(&request).collect().await;
        let [Err(Error::Validation(errors))] = &results[..] else {
            panic!("expected one validation error: {results:?}")
        };
        assert_eq!(
            errors.to_string(),
            format!("invalid request: PageSize: must be between 1 and 1000, got {page_size}")
        );
        assert!(request.validate().is_err());
    }
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn an_error_on_page_two_ends_the_stream_with_that_error() {
    let server = list_server(|page| {
        (page == 1).then(|| {
            ResponseTemplate::new(404)
                .set_body_raw(
                    r#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#,
                    "application/json",
                )
                .insert_header("Twilio-Request-Id", "RQ00000000000000000000000000000002")
        })
    })
    .await;
    let client = client_for(&server);
    let request = first_page();

    let results: Vec<Result<Participant, Error>> = client.stream(&request).collect().await;
    assert_eq!(results.len(), 3, "two items, then the error, then the end: {results:?}");
    let items: Vec<Participant> =
        results[..2].iter().map(|result| result.as_ref().unwrap().clone()).collect();
    assert_eq!(call_sids(&items), every_call()[..2]);
    let Err(Error::Api(error)) = &results[2] else { panic!("expected an API error: {:?}", results[2]) };
    assert_eq!((error.status(), error.code()), (404, Some(20404)));
    assert_eq!(error.request_id(), Some("RQ00000000000000000000000000000002"));
    assert_eq!(requests(&server).await, [format!("{LIST}?PageSize=2"), page_uri(1)]);

    // `try_collect` stops at the same error.
    let Err(Error::Api(error)) = client.stream(&request).try_collect::<Vec<Participant>>().await else {
        panic!("expected the API error");
    };
    assert_eq!(error.status(), 404);
}

#[tokio::test]
async fn a_page_that_does_not_decode_ends_the_stream() {
    let server = list_server(|page| {
        (page == 2).then(|| ResponseTemplate::new(200).set_body_raw(r#"{"page": 2}"#, "application/json"))
    })
    .await;
    let client = client_for(&server);
    let request = first_page();
    let results: Vec<Result<Participant, Error>> = client.stream(&request).collect().await;
    assert_eq!(results.len(), 5);
    assert!(matches!(&results[4], Err(Error::Decode(error)) if error.body_excerpt() == r#"{"page": 2}"#));
}
