//! Wire formats, one module each with a parse/serialize pair.

pub mod claimreview;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod factmark;
pub mod hypothesis;
pub mod json_array;
mod json_error;
pub mod label_studio;
pub mod labels;
pub mod peer;
mod pretty;
pub mod recogito;
pub mod report;
#[cfg(test)]
mod schema_org;
mod script_safe;
mod span;
pub mod w3c;

pub use json_error::JsonError;
pub(crate) use pretty::pretty;
pub use script_safe::script_safe;
