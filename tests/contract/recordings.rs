//! Contract variants of the recordings operations.

use super::Contract;

pub async fn run(_contract: &Contract) {}
