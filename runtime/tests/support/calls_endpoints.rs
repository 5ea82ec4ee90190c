//! A stand-in for Create/Fetch/Update/Delete on `/Calls.json`, one type per method, each sending `To`:
//! what the retry, fault, reply and header tests send, whatever the catalog looks like. Included with
//! `#[path]`.
#![allow(dead_code, reason = "a test file that includes this uses only the methods it needs")]

use serde_json::Value;
use twilio_endpoint_runtime::__private::decode_json;
use twilio_endpoint_runtime::values::AccountSid;
use twilio_endpoint_runtime::{Endpoint, FormWriter, Method, Params, PathWriter, ValidationErrors};

macro_rules! endpoint {
    ($name:ident, $method:ident) => {
        pub struct $name;

        impl Params for $name {
            fn check(&self, _: &mut ValidationErrors) {}

            fn write_params(&self, out: &mut FormWriter) {
                out.pair("To", "+15558675310");
            }
        }

        impl Endpoint for $name {
            const METHOD: Method = Method::$method;
            const PATH: &'static str = "/2010-04-01/Accounts/{AccountSid}/Calls.json";
            type Response = Value;

            fn write_path(&self, account: &AccountSid, out: &mut PathWriter) {
                out.literal("/2010-04-01/Accounts/");
                out.param(account);
                out.literal("/Calls.json");
            }

            fn decode_response(body: &[u8]) -> Result<Value, serde_json::Error> {
                decode_json(body)
            }
        }
    };
}

endpoint!(Get, Get);
endpoint!(Post, Post);
endpoint!(Put, Put);
endpoint!(Delete, Delete);
