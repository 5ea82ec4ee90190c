//! Error messages built in constants: a constant's panic can show only one `&str`, so the messages of
//! the compile-time checks (`const_checks`, and `checked!`'s through `Bounds`) are assembled here.

/// A compile-time error message: a constant's panic can only show one `&str`, so the pieces are
/// joined into a buffer first.
pub(crate) struct Message {
    buf: [u8; Message::CAPACITY],
    len: usize,
}

impl Message {
    /// Room for the longest message of the checks with long names; a longer one is cut at a character
    /// boundary.
    const CAPACITY: usize = 512;

    pub(crate) const fn new() -> Self {
        Self { buf: [0; Self::CAPACITY], len: 0 }
    }

    pub(crate) const fn push(mut self, text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.len < Self::CAPACITY {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    pub(crate) const fn int(self, value: i128) -> Self {
        let mut digits = [0u8; 40];
        let mut rest = value.unsigned_abs();
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let this = if value < 0 { self.push("-") } else { self };
        let (_, digits) = digits.split_at(start);
        match core::str::from_utf8(digits) {
            Ok(digits) => this.push(digits),
            Err(_) => this,
        }
    }

    pub(crate) const fn as_str(&self) -> &str {
        let (mut text, _) = self.buf.split_at(self.len);
        // A cut message may end inside a character: drop the partial one.
        loop {
            match core::str::from_utf8(text) {
                Ok(text) => return text,
                Err(error) => text = text.split_at(error.valid_up_to()).0,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_negative_numbers_and_are_cut_at_a_character() {
        let message = Message::new().int(-170_141_183_460_469_231_731_687_303_715_884_105_728).push(" é");
        assert_eq!(
            core::str::from_utf8(&message.buf[..message.len]),
            Ok("-170141183460469231731687303715884105728 é")
        );
        let full = Message::new().push(&"x".repeat(Message::CAPACITY - 1)).push("é");
        assert_eq!(full.len, Message::CAPACITY);
        assert_eq!(full.as_str().len(), Message::CAPACITY - 1);
    }
}
