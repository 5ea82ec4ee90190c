//! Runs the stages in order, and falls back to a stub expansion when any of them reports a mistake.

use proc_macro2::TokenStream;

use crate::{check, emit, fallback, parse};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item: syn::ItemStruct = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(_) => return fallback::not_a_struct(item),
    };
    match try_expand(args.clone(), &item) {
        Ok(tokens) => tokens,
        Err(errors) => fallback::expand(args, &item, errors),
    }
}

fn try_expand(args: TokenStream, item: &syn::ItemStruct) -> darling::Result<TokenStream> {
    let mut errors = darling::Error::accumulator();
    let raw = parse::parse(args, item, &mut errors);
    let endpoint = check::check(raw, errors)?;
    Ok(emit::expand(&endpoint))
}

pub fn expand_group(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors = darling::Error::accumulator();
    let raw = parse::parse_group(&input, &mut errors);
    let krate = raw.krate.clone();
    match check::check_group(raw, errors) {
        Ok(group) => emit::expand_group(&group),
        Err(errors) => fallback::expand_group(&input, krate, errors),
    }
}
