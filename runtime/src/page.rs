//! One page of a Twilio list, in either of Twilio's two shapes, and the walk over every item that
//! follows the next page's address.

use std::fmt;
use std::marker::PhantomData;

use futures_util::stream::{self, Stream, TryStreamExt as _};
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::endpoint::{Endpoint, send};
use crate::error::Error;

/// One page of a list (`GET .../Calls.json`, `GET /v2/Services`): the items and where the next page is.
///
/// Twilio's lists come in two shapes, and one generic type decodes both:
///
/// - The 2010 API (`api.twilio.com`): the items' array under its name (`calls`, `messages`, ...) next
///   to the paging fields `page`, `page_size`, `start`, `end`, `uri`, `first_page_uri`,
///   `next_page_uri`, `previous_page_uri`, whose URIs are paths relative to the host
///   (`/2010-04-01/Accounts/AC…/Calls.json?PageSize=50&Page=1&PageToken=PA…`).
/// - The newer products (Verify, Lookups, Messaging services, ...): the items' array and a `meta`
///   object with `page`, `page_size`, `first_page_url`, `previous_page_url`, `url`, `next_page_url` and
///   `key`, the name of the items' array; its URLs are absolute
///   (`https://verify.twilio.com/v2/Services?PageSize=50&Page=1&PageToken=PA…`).
///
/// The items are the one array in the reply that is not paging metadata (for the second shape, the
/// one `meta.key` names). The URIs of either shape land in the same fields: `next_page_uri` is what
/// to request next, a path or an absolute URL.
///
/// Fetch the page after this one with [`Client::next_page`], or walk every item with
/// [`Client::stream`]; both follow either shape, and refuse an address on another host.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page<T> {
    /// The items of this page, in Twilio's order.
    pub items: Vec<T>,
    /// This page's number, from 0.
    pub page: u32,
    /// How many items a full page holds.
    pub page_size: u32,
    /// The index of this page's first item in the whole list (for a page with `meta`, which does not
    /// give it, `page * page_size`).
    pub start: u64,
    /// The index of this page's last item in the whole list (for a page with `meta`, which does not
    /// give it, `start` plus the items but one).
    pub end: u64,
    /// This page's address: a path and query relative to the host (2010), or an absolute URL
    /// (`meta.url`).
    pub uri: Option<String>,
    /// The first page's address, relative (2010) or absolute (`meta.first_page_url`).
    pub first_page_uri: Option<String>,
    /// What to request for the next page: a path and query relative to the host (2010), or an
    /// absolute URL (`meta.next_page_url`); `None` on the last page.
    pub next_page_uri: Option<String>,
    /// The previous page's address, relative (2010) or absolute (`meta.previous_page_url`); `None` on
    /// the first page.
    pub previous_page_uri: Option<String>,
    /// The name of the items' array as `meta.key` gives it (`services`, `verifications`, ...); `None`
    /// for a 2010 page, which has no `meta`.
    pub key: Option<String>,
}

impl<T> Page<T> {
    /// Whether a page follows this one.
    pub fn has_next(&self) -> bool {
        self.next_page_uri.is_some()
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageVisitor(PhantomData))
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page of a Twilio list: an object with one array of items and paging fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        let mut items: Option<Vec<T>> = None;
        let mut page = Page {
            items: Vec::new(),
            page: 0,
            page_size: 0,
            start: 0,
            end: 0,
            uri: None,
            first_page_uri: None,
            next_page_uri: None,
            previous_page_uri: None,
            key: None,
        };
        let mut items_key = String::new();
        let mut meta: Option<Meta> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "meta" => meta = map.next_value()?,
                "page" => page.page = map.next_value::<Option<u32>>()?.unwrap_or_default(),
                "page_size" => page.page_size = map.next_value::<Option<u32>>()?.unwrap_or_default(),
                "start" => page.start = map.next_value::<Option<u64>>()?.unwrap_or_default(),
                "end" => page.end = map.next_value::<Option<u64>>()?.unwrap_or_default(),
                "uri" => page.uri = map.next_value()?,
                "first_page_uri" => page.first_page_uri = map.next_value()?,
                "next_page_uri" => page.next_page_uri = map.next_value()?,
                "previous_page_uri" => page.previous_page_uri = map.next_value()?,
                other => match map.next_value::<ItemsOrOther<T>>()? {
                    ItemsOrOther::Items(found) if items.is_none() => {
                        items = Some(found);
                        other.clone_into(&mut items_key);
                    }
                    ItemsOrOther::Items(_) => {
                        return Err(de::Error::custom(format_args!(
                            "a second array of items, `{other}`; a page has one"
                        )));
                    }
                    ItemsOrOther::Other => {}
                },
            }
        }
        page.items = items.ok_or_else(|| de::Error::custom("no array of items in the page"))?;
        if let Some(meta) = meta {
            if let Some(key) = &meta.key
                && *key != items_key
            {
                return Err(de::Error::custom(format_args!(
                    "`meta.key` names the items `{key}`, but the page's array is `{items_key}`"
                )));
            }
            page.page = meta.page.unwrap_or_default();
            page.page_size = meta.page_size.unwrap_or_default();
            page.start = u64::from(page.page) * u64::from(page.page_size);
            page.end = page.start + (page.items.len() as u64).saturating_sub(1);
            page.uri = meta.url;
            page.first_page_uri = meta.first_page_url;
            page.next_page_uri = meta.next_page_url;
            page.previous_page_uri = meta.previous_page_url;
            page.key = meta.key;
        }
        Ok(page)
    }
}

/// The paging fields of the newer products' lists. Unknown fields are ignored.
#[derive(Deserialize)]
struct Meta {
    page: Option<u32>,
    page_size: Option<u32>,
    url: Option<String>,
    first_page_url: Option<String>,
    next_page_url: Option<String>,
    previous_page_url: Option<String>,
    key: Option<String>,
}

/// A value of a page's field that is not paging metadata: the array of items, or anything else
/// (ignored, so that a field Twilio adds does not break decoding).
enum ItemsOrOther<T> {
    Items(Vec<T>),
    Other,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ItemsOrOther<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemsOrOtherVisitor(PhantomData))
    }
}

struct ItemsOrOtherVisitor<T>(PhantomData<T>);

macro_rules! ignore_scalars {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<Self::Value, E> {
            Ok(ItemsOrOther::Other)
        }
    )*};
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ItemsOrOtherVisitor<T> {
    type Value = ItemsOrOther<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(ItemsOrOther::Items(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(ItemsOrOther::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(ItemsOrOther::Other)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(ItemsOrOther::Other)
    }

    ignore_scalars!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);
}

impl Client {
    /// The page after `page`, or `None` when `page` is the last one.
    ///
    /// `next_page_uri` is either a path, requested on the 2010 API's host ([`Client::base_url`]; Twilio's
    /// are, e.g. `/2010-04-01/Accounts/AC…/Calls.json?PageSize=50&Page=1&PageToken=PA…`), or an
    /// absolute URL (a newer product's `meta.next_page_url`), followed only when its scheme, host and
    /// port are those of one of this client's products ([`Client::base_url_for`]: with Twilio's hosts,
    /// `https://{product}{.edge.region}.twilio.com`; with a base URL override, the override's). A page
    /// does not record which product it came from: [`Client::stream`], which knows, accepts only the
    /// host its list was requested from. With a region or an edge, a link on a product's global host
    /// (`https://verify.twilio.com/...`) is requested through them (`verify.{edge}.{region}.twilio.com`),
    /// as Twilio's SDKs do. Anything else is refused rather than sent the credentials.
    ///
    /// # Errors
    /// As for any request, and [`Error::Refused`] when the next page's address is not on this
    /// client's hosts: nothing is sent then.
    pub async fn next_page<T: DeserializeOwned>(&self, page: &Page<T>) -> Result<Option<Page<T>>, Error> {
        match &page.next_page_uri {
            None => Ok(None),
            Some(uri) => self.fetch_page(uri, None).await.map(Some),
        }
    }

    /// Every item of the list `request` starts, page after page, fetching a page only when the items
    /// before it have been consumed. Stop early with [`StreamExt::take`](futures_util::StreamExt::take):
    /// pages past the limit are never fetched.
    ///
    /// Pages of either shape are followed (see [`Page`]): a relative `next_page_uri` on the host of the
    /// request's product ([`Endpoint::HOST`]), an absolute `meta.next_page_url` only when its scheme,
    /// host and port are the ones the first request went to; another host ends the stream with
    /// [`Error::Refused`], without sending it the credentials.
    ///
    /// The request is validated first; an invalid one yields its [`Error::Validation`] and nothing is
    /// sent. The stream ends after the first error.
    ///
    /// ```no_run
    /// # async fn demo<E>(client: &twilio_endpoint_runtime::Client, request: &E)
    /// # where E: twilio_endpoint_runtime::Endpoint<Response = twilio_endpoint_runtime::Page<String>> + Sync {
    /// use futures_util::{StreamExt as _, TryStreamExt as _};
    ///
    /// // At most 120 items, in pages of whatever `PageSize` the request set.
    /// let items: Vec<String> = client.stream(request).take(120).try_collect().await.unwrap();
    /// # }
    /// ```
    pub fn stream<'a, E, T>(&'a self, request: &'a E) -> impl Stream<Item = Result<T, Error>> + 'a
    where
        E: Endpoint<Response = Page<T>> + Sync,
        T: DeserializeOwned + 'a,
    {
        enum Next<'a, E> {
            First(&'a E),
            Uri(String),
            Done,
        }
        stream::try_unfold(Next::First(request), move |next| async move {
            let page = match next {
                Next::First(request) => send(self, request).await?,
                Next::Uri(uri) => self.fetch_page::<T>(&uri, Some(E::HOST)).await?,
                Next::Done => return Ok::<_, Error>(None),
            };
            let next = page.next_page_uri.clone().map_or(Next::Done, Next::Uri);
            Ok(Some((stream::iter(page.items.into_iter().map(Ok)), next)))
        })
        .try_flatten()
    }

    /// The page at `uri`, on product `host`'s host when it is known.
    async fn fetch_page<T: DeserializeOwned>(&self, uri: &str, host: Option<&str>) -> Result<Page<T>, Error> {
        let reply = self.execute_next(uri, host).await?;
        serde_json::from_slice(reply.body()).map_err(|source| reply.decode_error(source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_items_under_any_name_and_ignores_other_fields() {
        let page: Page<String> = serde_json::from_str(
            r#"{"calls": ["a", "b"], "page": 1, "page_size": 2, "start": 2, "end": 3,
                "uri": "/x?Page=1", "first_page_uri": "/x?Page=0", "next_page_uri": null,
                "previous_page_uri": "/x?Page=0", "new_field": {"nested": [1, 2]}, "flag": true}"#,
        )
        .unwrap();
        assert_eq!(page.items, ["a", "b"]);
        assert_eq!((page.page, page.page_size, page.start, page.end), (1, 2, 2, 3));
        assert!(!page.has_next());
        assert_eq!(page.previous_page_uri.as_deref(), Some("/x?Page=0"));
    }

    #[test]
    fn an_empty_list_is_a_page_without_items() {
        let page: Page<u32> = serde_json::from_str(r#"{"messages": [], "next_page_uri": null}"#).unwrap();
        assert!(page.items.is_empty());
    }

    #[test]
    fn a_page_needs_exactly_one_array_of_items() {
        let none = serde_json::from_str::<Page<u32>>(r#"{"page": 0}"#).unwrap_err();
        assert!(none.to_string().contains("no array of items"), "{none}");
        let two = serde_json::from_str::<Page<u32>>(r#"{"calls": [1], "messages": [2]}"#).unwrap_err();
        assert!(two.to_string().contains("second array of items, `messages`"), "{two}");
    }

    #[test]
    fn decodes_a_page_with_meta_whatever_the_order() {
        let meta = r#""meta": {"page": 1, "page_size": 2, "first_page_url": "https://verify.twilio.com/v2/Services?PageSize=2&Page=0",
            "previous_page_url": "https://verify.twilio.com/v2/Services?PageSize=2&Page=0&PageToken=PBx",
            "url": "https://verify.twilio.com/v2/Services?PageSize=2&Page=1",
            "next_page_url": "https://verify.twilio.com/v2/Services?PageSize=2&Page=2&PageToken=PAy", "key": "services"}"#;
        for json in [
            format!(r#"{{"services": ["a", "b"], {meta}}}"#),
            format!(r#"{{{meta}, "services": ["a", "b"]}}"#),
        ] {
            let page: Page<String> = serde_json::from_str(&json).unwrap();
            assert_eq!(page.items, ["a", "b"]);
            assert_eq!((page.page, page.page_size, page.start, page.end), (1, 2, 2, 3));
            assert_eq!(page.key.as_deref(), Some("services"));
            assert_eq!(
                page.next_page_uri.as_deref(),
                Some("https://verify.twilio.com/v2/Services?PageSize=2&Page=2&PageToken=PAy")
            );
            assert_eq!(page.uri.as_deref(), Some("https://verify.twilio.com/v2/Services?PageSize=2&Page=1"));
            assert!(page.first_page_uri.as_deref().unwrap().ends_with("Page=0"));
            assert!(page.previous_page_uri.as_deref().unwrap().ends_with("PBx"));
            assert!(page.has_next());
        }
        let last: Page<u32> = serde_json::from_str(
            r#"{"services": [], "meta": {"page": 0, "page_size": 50, "next_page_url": null, "key": "services"}}"#,
        )
        .unwrap();
        assert!(!last.has_next());
        assert!(last.items.is_empty());
    }

    #[test]
    fn the_array_meta_key_names_is_the_items() {
        let error =
            serde_json::from_str::<Page<u32>>(r#"{"other": [1], "meta": {"key": "services"}}"#).unwrap_err();
        assert!(error.to_string().contains("`meta.key` names the items `services`"), "{error}");
    }
}
