//! Who published a figure, and when: the source the article gives for it.

use serde::{Deserialize, Serialize};

/// Who published a figure, and in which year when known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureSource {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}
