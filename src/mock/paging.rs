//! One page of a list, as Twilio's 2010 API writes it: the items under their name, the page's place
//! in the whole list, and the URIs of this page, the first, the next and the previous one.
//!
//! A page URI carries the list request's own filters, `PageSize`, `Page`, and a `PageToken` that
//! names where the page starts: `PA` and the SID of the last item of the page before (`PB` and the
//! SID of the first item of the page after, going back), so that walking `next_page_uri` neither
//! skips nor repeats an item when a resource is created or deleted between two pages.

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

impl PageRequest<'_> {
    /// The page of `items` (each with its SID, in list order) the request asks for. `query` renders
    /// the query string of a page's URI from its `Page`, `PageSize` and `PageToken`, with the request's
    /// other parameters.
    pub(crate) fn render(
        &self,
        items: Vec<(String, Value)>,
        query: impl Fn(u32, u32, Option<String>) -> String,
    ) -> Value {
        let size = self.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1);
        let page = self.page.unwrap_or(0);
        let by_index = (page as usize).saturating_mul(size as usize);
        let position = |sid: &str| items.iter().position(|(item, _)| item == sid);
        let start = match self.page_token {
            Some(token) if token.starts_with("PA") => position(&token[2..]).map(|at| at + 1),
            Some(token) if token.starts_with("PB") => {
                position(&token[2..]).map(|at| at.saturating_sub(size as usize))
            }
            _ => None,
        }
        // A token whose item is gone, or none: the page's index says where it starts.
        .unwrap_or(by_index)
        .min(items.len());
        let end = (start + size as usize).min(items.len());
        let uri = |page: u32, token: Option<String>| format!("{}?{}", self.path, query(page, size, token));

        let next_page_uri =
            (end < items.len()).then(|| uri(page + 1, Some(format!("PA{}", items[end - 1].0))));
        let previous_page_uri = (start > 0 && page > 0).then(|| {
            let token = items.get(start).map(|(sid, _)| format!("PB{sid}"));
            uri(page - 1, token)
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

    fn items(count: usize) -> Vec<(String, Value)> {
        (0..count).map(|i| (format!("CA{i}"), Value::from(i))).collect()
    }

    fn query(page: u32, size: u32, token: Option<String>) -> String {
        let token = token.map(|token| format!("&PageToken={token}")).unwrap_or_default();
        format!("PageSize={size}&Page={page}{token}")
    }

    fn request(page: Option<u32>, token: Option<&str>) -> PageRequest<'_> {
        PageRequest { key: "calls", path: "/Calls.json", page_size: Some(2), page, page_token: token }
    }

    #[test]
    fn pages_follow_each_other_by_their_tokens() {
        let first = request(None, None).render(items(5), query);
        assert_eq!(first["calls"], serde_json::json!([0, 1]));
        assert_eq!((first["start"].as_u64(), first["end"].as_u64()), (Some(0), Some(1)));
        assert_eq!(first["next_page_uri"], "/Calls.json?PageSize=2&Page=1&PageToken=PACA1");
        assert_eq!(first["first_page_uri"], "/Calls.json?PageSize=2&Page=0");
        assert!(first["previous_page_uri"].is_null());

        let second = request(Some(1), Some("PACA1")).render(items(5), query);
        assert_eq!(second["calls"], serde_json::json!([2, 3]));
        assert_eq!(second["previous_page_uri"], "/Calls.json?PageSize=2&Page=0&PageToken=PBCA2");
        let last = request(Some(2), Some("PACA3")).render(items(5), query);
        assert_eq!(last["calls"], serde_json::json!([4]));
        assert!(last["next_page_uri"].is_null());

        let back = request(Some(0), Some("PBCA2")).render(items(5), query);
        assert_eq!(back["calls"], serde_json::json!([0, 1]));
    }

    #[test]
    fn a_token_whose_item_is_gone_falls_back_on_the_page_index() {
        let page = request(Some(1), Some("PACAgone")).render(items(5), query);
        assert_eq!(page["calls"], serde_json::json!([2, 3]));
        let past_the_end = request(Some(9), None).render(items(5), query);
        assert_eq!(past_the_end["calls"], serde_json::json!([]));
        assert!(past_the_end["next_page_uri"].is_null());
    }

    #[test]
    fn an_empty_list_is_one_empty_page() {
        let page = request(None, None).render(Vec::new(), query);
        assert_eq!(page["calls"], serde_json::json!([]));
        assert!(page["next_page_uri"].is_null());
        assert_eq!(page["uri"], "/Calls.json?PageSize=2&Page=0");
    }
}
