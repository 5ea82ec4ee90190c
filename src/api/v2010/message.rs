//! Messages: create, fetch, update, delete and list, and the message resource Twilio answers with.
