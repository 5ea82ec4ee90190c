//! `impl Params`: the checks behind `validate()` and the pairs behind the encoding, in field order.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::model::{Endpoint, Role};

pub fn expand_params(endpoint: &Endpoint<'_>) -> TokenStream {
    let name = &endpoint.item.ident;
    let mut checks = Vec::new();
    let mut writes = Vec::new();
    for field in &endpoint.fields {
        let ident = field.ident;
        let cfgs: Vec<_> = field.cfgs().collect();
        // Spanned at the type, so that a type the runtime cannot handle is reported there.
        let span = field.original.ty.span();
        match &field.role {
            Role::Path { placeholder } if placeholder == "AccountSid" => {}
            Role::Path { placeholder } => checks.push(quote_spanned! {span=>
                #(#cfgs)* __twilio::check_path_param(__twilio_errors, #placeholder, &self.#ident);
            }),
            Role::Param { key, range, len } => {
                if let Some(range) = range {
                    let (min, max) =
                        (Literal::i128_unsuffixed(range.min), Literal::i128_unsuffixed(range.max));
                    checks.push(quote_spanned! {span=>
                        #(#cfgs)* __twilio::check_range(__twilio_errors, #key, &self.#ident, #min, #max);
                    });
                }
                if let Some(len) = len {
                    let (min, max) = (Literal::i128_unsuffixed(len.min), Literal::i128_unsuffixed(len.max));
                    checks.push(quote_spanned! {span=>
                        #(#cfgs)* __twilio::check_len(__twilio_errors, #key, &self.#ident, #min, #max);
                    });
                }
                writes.push(quote_spanned! {span=>
                    #(#cfgs)* __twilio::FormField::write_field(&self.#ident, #key, __twilio_out);
                });
            }
            Role::Flatten => {
                checks.push(quote_spanned! {span=>
                    #(#cfgs)* __twilio::Params::check(&self.#ident, __twilio_errors);
                });
                writes.push(quote_spanned! {span=>
                    #(#cfgs)* __twilio::Params::write_params(&self.#ident, __twilio_out);
                });
            }
        }
    }
    if let Some(validate_with) = &endpoint.validate_with {
        checks.push(quote_spanned! {validate_with.span()=> #validate_with(self, __twilio_errors); });
    }
    let errors_arg = if checks.is_empty() { quote!(_) } else { quote!(__twilio_errors) };
    let out_arg = if writes.is_empty() { quote!(_) } else { quote!(__twilio_out) };
    quote! {
        #[automatically_derived]
        impl __twilio::Params for #name {
            fn check(&self, #errors_arg: &mut __twilio::ValidationErrors) {
                #(#checks)*
            }

            fn write_params(&self, #out_arg: &mut __twilio::FormWriter) {
                #(#writes)*
            }
        }
    }
}
