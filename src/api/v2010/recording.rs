//! Conference recordings: fetch, update, delete and list, and the recording resource Twilio answers with.
