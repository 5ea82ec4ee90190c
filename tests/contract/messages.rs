//! Contract variants of the messages operations.

use super::Contract;

pub async fn run(_contract: &Contract) {}
