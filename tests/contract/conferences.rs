//! Contract variants of the conferences operations.

use super::Contract;

pub async fn run(_contract: &Contract) {}
