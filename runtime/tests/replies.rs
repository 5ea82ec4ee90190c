//! Every reply shape a server can send becomes a typed error, never a panic, keeping the status and
//! the `Twilio-Request-Id` and showing at most a short, redacted excerpt.

#[path = "support/calls_endpoints.rs"]
mod calls_endpoints;
use calls_endpoints::Get;
use serde_json::Value;
use twilio_endpoint_runtime::{Client, Error, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const REQUEST_ID: &str = "RQ0123456789abcdef0123456789abcdef";

/// The result of one `GET` answered with `status` and `body`, the request id set.
async fn answer(status: u16, body: impl Into<Vec<u8>>) -> Result<Value, Error> {
    let server = MockServer::start().await;
    let reply = ResponseTemplate::new(status)
        .set_body_raw(body.into(), "application/json")
        .insert_header("Twilio-Request-Id", REQUEST_ID);
    Mock::given(any()).respond_with(reply).mount(&server).await;
    let client = Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef".parse().unwrap())
        .auth_token("token")
        .base_url(server.uri())
        .retry(RetryPolicy::none())
        .max_body_size(1024 * 1024)
        .build()
        .unwrap();
    client.send(&Get).await
}

/// The API error of a non-2xx answer, after checking it kept the status and the request id.
async fn api_error(status: u16, body: impl Into<Vec<u8>>) -> twilio_endpoint_runtime::ApiError {
    match answer(status, body).await {
        Err(Error::Api(error)) => {
            assert_eq!((error.status(), error.request_id()), (status, Some(REQUEST_ID)));
            assert!(error.to_string().ends_with(&format!("[request {REQUEST_ID}]")), "{error}");
            error
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_legacy_error_shape() {
    let error = api_error(
        400,
        r#"{"code": 21211, "message": "Invalid 'To' Phone Number", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"#,
    )
    .await;
    assert_eq!(error.code(), Some(21211));
    assert_eq!(error.message(), "Invalid 'To' Phone Number");
    assert_eq!(error.more_info(), Some("https://www.twilio.com/docs/errors/21211"));
}

#[tokio::test]
async fn the_rfc_9457_problem_details_shape() {
    let error = api_error(
        400,
        r#"{"type": "https://www.twilio.com/docs/api/errors/20001", "title": "Invalid parameter", "status": 400, "code": 20001, "detail": "PageSize must be at most 1000", "instance": "/v1/x"}"#,
    )
    .await;
    assert_eq!(error.code(), Some(20001));
    assert_eq!(error.message(), "PageSize must be at most 1000");
    assert_eq!(error.more_info(), Some("https://www.twilio.com/docs/api/errors/20001"));

    let title_only = api_error(404, r#"{"type": "about:blank", "title": "Not Found", "status": 404}"#).await;
    assert_eq!((title_only.code(), title_only.message(), title_only.more_info()), (None, "Not Found", None));
}

#[tokio::test]
async fn the_list_of_errors_shape() {
    let error = api_error(
        400,
        r#"{"errors": [{"code": "21604", "message": "'To' is required"}, {"code": 21603, "message": "'From' is required"}]}"#,
    )
    .await;
    assert_eq!(error.code(), Some(21604));
    assert_eq!(error.message(), "'To' is required (and 1 more errors)");
}

#[tokio::test]
async fn bodies_that_are_not_twilio_json_become_excerpts() {
    let text = api_error(503, "upstream connect error or disconnect/reset before headers").await;
    assert_eq!(text.message(), "upstream connect error or disconnect/reset before headers");

    let html = format!(
        "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1>{}</body></html>",
        "<p>x</p>".repeat(500)
    );
    let proxy = api_error(502, html).await;
    assert!(proxy.message().starts_with("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1>"));
    assert_eq!(proxy.message().chars().count(), 201);

    let empty = api_error(500, "").await;
    assert_eq!((empty.code(), empty.message()), (None, ""));

    let truncated = api_error(400, r#"{"code": 21211, "message": "Inva"#).await;
    assert_eq!((truncated.code(), truncated.message()), (None, r#"{"code": 21211, "message": "Inva"#));

    let not_utf8 = api_error(400, b"\xff\xfe\x00error".to_vec()).await;
    assert_eq!(not_utf8.message(), "\u{FFFD}\u{FFFD}\u{FFFD}error");
}

#[tokio::test]
async fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let error = api_error(400, nested.clone()).await;
    assert_eq!(error.code(), None);
    assert!(error.message().starts_with("[[[["));

    let nested_object = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    let Err(Error::Decode(decode)) = answer(200, nested_object).await else {
        panic!("expected a decode error")
    };
    assert_eq!((decode.status(), decode.request_id()), (200, Some(REQUEST_ID)));
}

#[tokio::test]
async fn a_2xx_answer_that_is_empty_truncated_or_not_json_is_a_decode_error() {
    for body in ["", r#"{"sid": "CA1", "status": "#, "<html>OK</html>", "\u{FEFF}"] {
        let Err(Error::Decode(error)) = answer(200, body).await else {
            panic!("{body:?}: expected a decode error")
        };
        assert_eq!((error.status(), error.request_id()), (200, Some(REQUEST_ID)), "{body:?}");
        assert!(error.body_excerpt().chars().count() <= 201);
    }
}

#[tokio::test]
async fn phone_numbers_and_echoed_credentials_are_redacted_from_excerpts() {
    let error = api_error(
        400,
        r#"{"code": 21211, "message": "The 'To' number +15558675310 is not a valid phone number.", "status": 400}"#,
    )
    .await;
    assert_eq!(error.message(), "The 'To' number [phone] is not a valid phone number.");

    // A debugging proxy that echoes the request headers back.
    let echo =
        api_error(502, "Authorization: Basic QUMwMTIzOnNlY3JldC10b2tlbi12YWx1ZQ== To=%2B15558675310").await;
    assert_eq!(echo.message(), "Authorization: Basic <redacted> To=[phone]");

    let Err(Error::Decode(decode)) = answer(200, r#"{"to": "+15558675310", "sid": "#).await else {
        panic!("expected a decode error")
    };
    assert_eq!(decode.body_excerpt(), r#"{"to": "[phone]", "sid":"#);
}

#[tokio::test]
async fn a_body_past_the_limit_is_not_read() {
    let Err(Error::BodyTooLarge(error)) = answer(200, vec![b' '; 1024 * 1024 + 1]).await else {
        panic!("expected the body to be refused")
    };
    assert_eq!((error.status(), error.request_id(), error.limit()), (200, Some(REQUEST_ID), 1024 * 1024));
    // Exactly at the limit is accepted (and then is not JSON).
    assert!(matches!(answer(200, vec![b' '; 1024 * 1024]).await, Err(Error::Decode(_))));
}

#[tokio::test]
async fn a_limit_of_zero_is_a_configuration_error() {
    let error = Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef".parse().unwrap())
        .auth_token("token")
        .max_body_size(0)
        .build()
        .unwrap_err();
    assert_eq!(error.to_string(), "`max_body_size` is zero; give it a positive size");
}

/// The result of one `GET` whose 200 reply's body arrives in `pieces`, written one at a time with a
/// pause between them, framed by `Content-Length` or as chunks, with a body limit of `limit` bytes.
async fn answer_in_pieces(pieces: &[&str], chunked: bool, limit: usize) -> Result<Value, Error> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let pieces: Vec<String> = pieces.iter().map(|&piece| piece.to_owned()).collect();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        // A GET has no body: the request ends with its head.
        let mut request = Vec::new();
        while !request.ends_with(b"\r\n\r\n") {
            let mut byte = [0];
            stream.read_exact(&mut byte).await.unwrap();
            request.push(byte[0]);
        }
        let framing = if chunked {
            "Transfer-Encoding: chunked".to_owned()
        } else {
            format!("Content-Length: {}", pieces.iter().map(String::len).sum::<usize>())
        };
        let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{framing}\r\n\r\n");
        stream.write_all(head.as_bytes()).await.unwrap();
        for piece in &pieces {
            let framed = if chunked { format!("{:x}\r\n{piece}\r\n", piece.len()) } else { piece.clone() };
            // The client may hang up once past its limit.
            if stream.write_all(framed.as_bytes()).await.is_err() {
                return;
            }
            stream.flush().await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        if chunked {
            let _ = stream.write_all(b"0\r\n\r\n").await;
        }
    });
    let client = Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef".parse().unwrap())
        .auth_token("token")
        .base_url(url)
        .retry(RetryPolicy::none())
        .max_body_size(limit)
        .build()
        .unwrap();
    client.send(&Get).await
}

#[tokio::test]
async fn a_reply_that_arrives_in_pieces_is_read_whole() {
    let pieces = [r#"{"sid": "CA01", "#, r#""status": "queued", "#, r#""price": null}"#];
    for chunked in [false, true] {
        let reply = answer_in_pieces(&pieces, chunked, 1024).await.unwrap();
        assert_eq!(reply, serde_json::json!({"sid": "CA01", "status": "queued", "price": null}), "{chunked}");
    }
    // The pieces (16, 20 and 14 bytes) add up past the limit only with the last one.
    let Err(Error::BodyTooLarge(error)) = answer_in_pieces(&pieces, true, 40).await else {
        panic!("expected the body to be refused at its third piece")
    };
    assert_eq!(error.limit(), 40);
}
