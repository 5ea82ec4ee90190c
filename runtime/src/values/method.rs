//! The HTTP method Twilio uses to call back a URL: every `...Method` parameter.

crate::wire_enum! {
    /// How Twilio requests a callback or TwiML URL; the default is `POST`.
    pub enum CallbackMethod {
        /// `GET`, parameters in the query string.
        Get = "GET",
        /// `POST`, parameters in a form body.
        Post = "POST",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_and_post_in_any_case_sent_in_capitals() {
        assert_eq!("GET".parse(), Ok(CallbackMethod::Get));
        assert_eq!("post".parse::<CallbackMethod>().unwrap().to_string(), "POST");
        assert_eq!(CallbackMethod::Post.to_string(), "POST");
        assert_eq!(
            "PUT".parse::<CallbackMethod>().unwrap_err().to_string(),
            "expected one of `GET`, `POST`, got `PUT`"
        );
        assert_eq!(serde_json::to_string(&CallbackMethod::Get).unwrap(), "\"GET\"");
        assert_eq!(serde_json::from_str::<CallbackMethod>("\"POST\"").unwrap(), CallbackMethod::Post);
    }
}
