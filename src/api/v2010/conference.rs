//! Conferences: fetch, update and list, and the conference resource Twilio answers with.
