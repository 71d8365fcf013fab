//! Text positions: code-point offsets and ranges, unit conversions and word snapping.

pub mod convert;
pub mod decode;
pub mod fuzzy;
pub mod offset;
mod shorten;
pub mod snap;

pub use offset::{CharOffset, CharRange, RangeError};
pub use shorten::shorten;
