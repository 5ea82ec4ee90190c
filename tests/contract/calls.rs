//! Contract variants of the calls operations.

use super::Contract;

pub async fn run(_contract: &Contract) {}
