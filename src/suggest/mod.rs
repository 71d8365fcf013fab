//! Suggestions read from the text: a figure's value, a quote's or claim's speaker, a figure's
//! source, and the sentences they are read from. Depends only on `text/` and the annotation
//! record's value types; nothing in `annotation/` uses it.

mod attribution;
mod figure;
mod phrase;
pub(crate) mod sentence;
mod source;

pub use attribution::suggest_speaker;
pub use figure::parse_figure;
pub use source::figure_source;
