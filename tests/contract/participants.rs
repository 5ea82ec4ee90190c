//! Contract variants of the participants operations.

use super::Contract;

pub async fn run(_contract: &Contract) {}
