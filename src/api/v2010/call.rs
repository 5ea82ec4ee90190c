//! Calls: create, fetch, update, delete and list, and the call resource Twilio answers with.
