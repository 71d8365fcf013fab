//! Wire formats, one module each with a parse/serialize pair.

pub mod claimreview;
pub mod csv;
pub mod factmark;
pub mod json_array;
mod json_error;
pub mod peer;
pub mod report;
pub mod w3c;

pub use json_error::JsonError;
