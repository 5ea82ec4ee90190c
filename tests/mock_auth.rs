//! The mock Twilio authenticates as Twilio does: HTTP Basic with an account's SID and auth token, or
//! an API key's SID and secret; the main account acts for its subaccounts, a subaccount only for
//! itself; anything else is `401` with code 20003 and a `WWW-Authenticate` challenge.

#[path = "support/plain_http.rs"]
mod plain_http;

use plain_http::{ACCOUNT, account_path, send, send_as};
use twilio_endpoint::api::v2010::{CreateMessage, ListMessages, MessageAddress};
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::AccountSid;
use twilio_endpoint::{Client, Error};

fn message() -> CreateMessage {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let from: MessageAddress = "+15017122661".parse().unwrap();
    CreateMessage::new(to, from, "Hello")
}

fn assert_unauthenticated<T: std::fmt::Debug>(result: Result<T, Error>) {
    match result {
        Err(Error::Api(error)) => {
            assert_eq!((error.status(), error.code(), error.message()), (401, Some(20003), "Authenticate"));
            assert_eq!(error.more_info(), Some("https://www.twilio.com/docs/errors/20003"));
        }
        other => panic!("expected Twilio's 401, got {other:?}"),
    }
}

#[tokio::test]
async fn wrong_or_missing_credentials_get_401_with_20003_and_a_challenge() {
    let twilio = MockTwilio::start().await;
    let path = account_path("/Messages.json");
    let wrong = send_as(&twilio, "GET", &path, "", Some((ACCOUNT, "wrong"))).await;
    assert_eq!((wrong.status, wrong.code(), wrong.message()), (401, Some(20003), "Authenticate"));

    // No credentials at all, with the challenge that asks for them.
    let reply = reqwest::Client::new().get(format!("{}{path}", twilio.base_url())).send().await.unwrap();
    assert_eq!(reply.status().as_u16(), 401);
    let challenge = reply.headers().get("WWW-Authenticate").and_then(|value| value.to_str().ok());
    assert_eq!(challenge, Some(r#"Basic realm="Twilio API""#));

    let client = Client::builder()
        .account_sid(MockTwilio::ACCOUNT_SID)
        .auth_token("wrong")
        .base_url(twilio.base_url())
        .build()
        .unwrap();
    assert_unauthenticated(message().send(&client).await);

    // Checked before anything else: an unknown path and an invalid request get the same 401.
    let unknown = send_as(&twilio, "GET", &account_path("/Queues.json"), "", Some((ACCOUNT, "wrong"))).await;
    assert_eq!(unknown.status, 401);
    let invalid = send_as(&twilio, "POST", &path, "Body=x", Some((ACCOUNT, "wrong"))).await;
    assert_eq!(invalid.status, 401);
    assert!(twilio.requests::<CreateMessage>().is_empty());
    assert_eq!(twilio.refused().iter().filter(|refusal| refusal.code == 20003).count(), 5);
}

#[tokio::test]
async fn an_api_key_authenticates_for_its_account_and_its_secret_only() {
    let twilio = MockTwilio::start().await;
    let key = twilio.create_api_key();
    assert!(key.sid().as_str().starts_with("SK"));
    assert_eq!(key.account_sid(), MockTwilio::ACCOUNT_SID);
    let sent = message().send(&twilio.api_key_client(&key)).await.unwrap();
    assert_eq!(sent.account_sid, Some(MockTwilio::ACCOUNT_SID));

    let path = account_path("/Messages.json");
    let right = send_as(&twilio, "GET", &path, "", Some((key.sid().as_str(), key.secret()))).await;
    assert_eq!(right.status, 200);
    // The key's SID with the account's token, or another key's secret, is not the key.
    let token = send_as(&twilio, "GET", &path, "", Some((key.sid().as_str(), MockTwilio::AUTH_TOKEN))).await;
    assert_eq!((token.status, token.code()), (401, Some(20003)));
    let other = twilio.create_api_key();
    let crossed = send_as(&twilio, "GET", &path, "", Some((key.sid().as_str(), other.secret()))).await;
    assert_eq!(crossed.status, 401);
}

#[tokio::test]
async fn a_subaccount_acts_for_itself_and_its_parent_for_it() {
    let twilio = MockTwilio::start().await;
    let sub = twilio.create_subaccount();
    assert_ne!(sub.sid(), MockTwilio::ACCOUNT_SID);
    assert_eq!(sub.auth_token().len(), 32);

    // With its own token, in its own path.
    let own = message().send(&twilio.subaccount_client(&sub)).await.unwrap();
    assert_eq!(own.account_sid, Some(sub.sid()));
    // The main account acting for it, naming it in the path.
    let for_sub = message().account_sid(sub.sid()).send(&twilio.client()).await.unwrap();
    assert_eq!(for_sub.account_sid, Some(sub.sid()));
    // Its resources are its own: the main account's list does not show them.
    let main = ListMessages::new().send(&twilio.client()).await.unwrap();
    assert!(main.items.is_empty(), "{main:?}");
    let subs = ListMessages::new().account_sid(sub.sid()).send(&twilio.client()).await.unwrap();
    assert_eq!(subs.items.len(), 2);

    // A subaccount's credentials do not act for the main account, nor for a sibling.
    assert_unauthenticated(
        message().account_sid(MockTwilio::ACCOUNT_SID).send(&twilio.subaccount_client(&sub)).await,
    );
    let sibling = twilio.create_subaccount();
    assert_unauthenticated(message().account_sid(sibling.sid()).send(&twilio.subaccount_client(&sub)).await);
    // Nor does a key of the subaccount.
    let key = twilio.create_api_key_for(sub.sid());
    let path = account_path("/Messages.json");
    let answer = send_as(&twilio, "GET", &path, "", Some((key.sid().as_str(), key.secret()))).await;
    assert_eq!((answer.status, answer.code()), (401, Some(20003)));
    assert_eq!(twilio.requests::<CreateMessage>().len(), 2);
}

#[tokio::test]
async fn an_account_the_mock_does_not_know_gets_the_401_of_wrong_credentials() {
    let twilio = MockTwilio::start().await;
    let stranger = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    assert_unauthenticated(message().account_sid(stranger).send(&twilio.client()).await);
    // Nor is it one to authenticate as.
    let path = format!("/2010-04-01/Accounts/{stranger}/Messages.json");
    let answer = send_as(&twilio, "GET", &path, "", Some((stranger.as_str(), MockTwilio::AUTH_TOKEN))).await;
    assert_eq!(answer.status, 401);
    // A path whose account is no account SID at all.
    let answer = send(&twilio, "GET", "/2010-04-01/Accounts/AC1/Messages.json", "").await;
    assert_eq!((answer.status, answer.code()), (401, Some(20003)));
}

#[tokio::test]
#[should_panic(expected = "is not an account of the mock")]
async fn a_key_for_an_unknown_account_is_a_mistake_in_the_test() {
    let twilio = MockTwilio::start().await;
    twilio.create_api_key_for(AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
}
