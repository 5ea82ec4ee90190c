//! One page of a list, as Twilio's 2010 API writes it: the items under their name, the page's place
//! in the whole list, and the URIs of this page, the first, the next and the previous one.
//!
//! A page URI carries the list request's own filters, `PageSize`, `Page`, and a `PageToken` that
//! says where the page starts: `PA` and the creation number of the last item of the page before
//! (`PB` and that of the first item of the page after, going back). An item keeps its place in the
//! order of creation even once deleted, so walking `next_page_uri` neither skips nor repeats an item
//! when a resource is created or deleted between two pages.

use serde_json::Value;

/// Twilio's default page size.
const DEFAULT_PAGE_SIZE: u32 = 50;

/// Where a list request asks its page to be.
pub(crate) struct PageRequest<'a> {
    /// The name of the items' array (`calls`, `participants`, ...).
    pub(crate) key: &'static str,
    /// The path as received, which the page URIs repeat.
    pub(crate) path: &'a str,
    pub(crate) page_size: Option<u32>,
    pub(crate) page: Option<u32>,
    pub(crate) page_token: Option<&'a str>,
}

/// The order of a list: by creation, oldest or newest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    OldestFirst,
    NewestFirst,
}

impl Order {
    /// Whether an item created as number `created` comes after number `other` in this order.
    fn after(self, created: u64, other: u64) -> bool {
        match self {
            Order::OldestFirst => created > other,
            Order::NewestFirst => created < other,
        }
    }
}

impl PageRequest<'_> {
    /// The page of `items` (each with its creation number, in `order`) the request asks for. `query`
    /// renders the query string of a page's URI from its `Page`, `PageSize` and `PageToken`, with the
    /// request's other parameters.
    pub(crate) fn render(
        &self,
        order: Order,
        items: Vec<(u64, Value)>,
        query: impl Fn(u32, u32, Option<String>) -> String,
    ) -> Value {
        let size = self.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1) as usize;
        let page = self.page.unwrap_or(0);
        let first_after = |created: u64| items.iter().position(|(item, _)| order.after(*item, created));
        let token =
            |prefix| self.page_token.and_then(|token| token.strip_prefix(prefix)?.parse::<u64>().ok());
        let start = if let Some(last_before) = token("PA") {
            first_after(last_before).unwrap_or(items.len())
        } else if let Some(first_after_page) = token("PB") {
            let end = items.iter().position(|(item, _)| !order.after(first_after_page, *item));
            end.unwrap_or(items.len()).saturating_sub(size)
        } else {
            // No token (or one this mock did not make): the page's index says where it starts.
            (page as usize).saturating_mul(size)
        }
        .min(items.len());
        let end = (start + size).min(items.len());
        let uri =
            |page: u32, token: Option<String>| format!("{}?{}", self.path, query(page, size as u32, token));

        let next_page_uri =
            (end < items.len()).then(|| uri(page + 1, Some(format!("PA{}", items[end - 1].0))));
        let previous_page_uri = (start > 0).then(|| {
            let token = items.get(start).map(|(created, _)| format!("PB{created}"));
            uri(page.saturating_sub(1), token)
        });
        let count = end - start;
        let shown: Vec<Value> = items.into_iter().skip(start).take(count).map(|(_, item)| item).collect();
        let mut json = serde_json::Map::new();
        json.insert(self.key.to_owned(), Value::Array(shown));
        json.insert("page".to_owned(), page.into());
        json.insert("page_size".to_owned(), size.into());
        json.insert("start".to_owned(), start.into());
        json.insert("end".to_owned(), (start + count.saturating_sub(1)).into());
        json.insert("uri".to_owned(), uri(page, self.page_token.map(str::to_owned)).into());
        json.insert("first_page_uri".to_owned(), uri(0, None).into());
        json.insert("next_page_uri".to_owned(), next_page_uri.into());
        json.insert("previous_page_uri".to_owned(), previous_page_uri.into());
        Value::Object(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items created as numbers `created`, newest first.
    fn items(created: &[u64]) -> Vec<(u64, Value)> {
        created.iter().map(|&n| (n, Value::from(n))).collect()
    }

    const FIVE: &[u64] = &[5, 4, 3, 2, 1];

    fn query(page: u32, size: u32, token: Option<String>) -> String {
        let token = token.map(|token| format!("&PageToken={token}")).unwrap_or_default();
        format!("PageSize={size}&Page={page}{token}")
    }

    fn request(page: Option<u32>, token: Option<&str>) -> PageRequest<'_> {
        PageRequest { key: "calls", path: "/Calls.json", page_size: Some(2), page, page_token: token }
    }

    fn render(request: PageRequest<'_>, created: &[u64]) -> Value {
        request.render(Order::NewestFirst, items(created), query)
    }

    #[test]
    fn pages_follow_each_other_by_their_tokens() {
        let first = render(request(None, None), FIVE);
        assert_eq!(first["calls"], serde_json::json!([5, 4]));
        assert_eq!((first["start"].as_u64(), first["end"].as_u64()), (Some(0), Some(1)));
        assert_eq!(first["next_page_uri"], "/Calls.json?PageSize=2&Page=1&PageToken=PA4");
        assert_eq!(first["first_page_uri"], "/Calls.json?PageSize=2&Page=0");
        assert!(first["previous_page_uri"].is_null());

        let second = render(request(Some(1), Some("PA4")), FIVE);
        assert_eq!(second["calls"], serde_json::json!([3, 2]));
        assert_eq!(second["previous_page_uri"], "/Calls.json?PageSize=2&Page=0&PageToken=PB3");
        let last = render(request(Some(2), Some("PA2")), FIVE);
        assert_eq!(last["calls"], serde_json::json!([1]));
        assert!(last["next_page_uri"].is_null());

        let back = render(request(Some(0), Some("PB3")), FIVE);
        assert_eq!(back["calls"], serde_json::json!([5, 4]));
    }

    #[test]
    fn a_token_keeps_its_place_when_its_item_is_deleted() {
        // The page before ended with 4, deleted since.
        let page = render(request(Some(1), Some("PA4")), &[5, 3, 2, 1]);
        assert_eq!(page["calls"], serde_json::json!([3, 2]));
        // Oldest first, the same token means the items created after 4.
        let oldest_first = request(Some(1), Some("PA2")).render(Order::OldestFirst, items(&[1, 3, 4]), query);
        assert_eq!(oldest_first["calls"], serde_json::json!([3, 4]));
    }

    #[test]
    fn without_a_token_the_page_index_places_the_page() {
        let page = render(request(Some(1), None), FIVE);
        assert_eq!(page["calls"], serde_json::json!([3, 2]));
        let foreign = render(request(Some(1), Some("PASMaaaa")), FIVE);
        assert_eq!(foreign["calls"], serde_json::json!([3, 2]));
        let past_the_end = render(request(Some(9), None), FIVE);
        assert_eq!(past_the_end["calls"], serde_json::json!([]));
        assert!(past_the_end["next_page_uri"].is_null());
    }

    #[test]
    fn an_empty_list_is_one_empty_page() {
        let page = render(request(None, None), &[]);
        assert_eq!(page["calls"], serde_json::json!([]));
        assert!(page["next_page_uri"].is_null());
        assert_eq!(page["uri"], "/Calls.json?PageSize=2&Page=0");
    }
}
