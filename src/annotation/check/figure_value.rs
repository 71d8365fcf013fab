//! Figures: a number read from the text ("$14.8 trillion", "more than 70%", "three regions"), kept editable.

use crate::text::listed;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a figure is counted in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Money, by ISO 4217 code ("USD", "EUR", "GBP", "UAH").
    Currency(String),
    Percent,
    /// A calendar year ("2023").
    Year,
    /// A calendar date, as ISO 8601 ("2022-12-25"); the value is its year.
    Date(String),
    /// A bare number ("1,000").
    Count,
    /// A number of something named after it: "regions", "tonnes", "people".
    Other(String),
}

/// What a figure measures, derived from its unit (for grouping and icons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Money,
    Percent,
    Year,
    /// A calendar date ("25 December 2022").
    Date,
    /// Things counted ("3 regions", "1,000").
    Count,
    /// A physical quantity ("5 tonnes", "100 km").
    Measure,
}

/// Words before a figure that make it a bound or an estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// "about", "around", "nearly", "some", "~".
    About,
    /// "more than", "over", "above".
    MoreThan,
    /// "at least", "no less than".
    AtLeast,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "up to", "at most", "no more than".
    AtMost,
}

impl Qualifier {
    /// The words written before the number ("more than"); empty for an exact figure.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::LessThan => "less than",
            Qualifier::AtMost => "up to",
        }
    }
}

/// Units that measure rather than count.
const MEASURES: &str = "t kg km km² mi m ha l tonnes tons tonne ton kilograms grams kilometres kilometers miles metres meters \
    hectares acres litres liters barrels mw gw kwh mwh gwh degrees year-duration month week day hour";

/// How a stored unit name reads after a number ("t" → "tonnes", "year-duration" → "years").
fn unit_words(unit: &str, one: bool) -> &str {
    let (singular, plural) = match unit {
        "t" => ("tonne", "tonnes"),
        "mi" => ("mile", "miles"),
        "ha" => ("hectare", "hectares"),
        "l" => ("litre", "litres"),
        "year-duration" => ("year", "years"),
        "month" => ("month", "months"),
        "week" => ("week", "weeks"),
        "day" => ("day", "days"),
        "hour" => ("hour", "hours"),
        _ => return unit,
    };
    if one {
        singular
    } else {
        plural
    }
}

/// A parsed figure. `value` is the whole number (14.8e12 for "$14.8 trillion"); a range
/// ("10–15%") has its upper end in `range_high`. Always finite, so it survives JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureValue {
    pub value: f64,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_high: Option<f64>,
    #[serde(default, skip_serializing_if = "is_exact")]
    pub qualifier: Qualifier,
}

fn is_exact(q: &Qualifier) -> bool {
    *q == Qualifier::Exact
}

impl FigureValue {
    pub fn new(value: f64, unit: Unit) -> FigureValue {
        FigureValue { value, unit, range_high: None, qualifier: Qualifier::Exact }
    }

    pub fn kind(&self) -> Kind {
        match &self.unit {
            Unit::Currency(_) => Kind::Money,
            Unit::Percent => Kind::Percent,
            Unit::Year => Kind::Year,
            Unit::Date(_) => Kind::Date,
            Unit::Count => Kind::Count,
            Unit::Other(u) if listed(MEASURES, &u.to_lowercase()) => Kind::Measure,
            Unit::Other(_) => Kind::Count,
        }
    }

    /// Every number is finite (NaN and infinity cannot be written to JSON).
    pub fn is_finite(&self) -> bool {
        self.value.is_finite() && self.range_high.is_none_or(f64::is_finite)
    }
}

/// Rounds away binary noise and writes the shortest decimal ("14.8", "70", "3.5").
fn decimal(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    format!("{}", if r == 0.0 { 0.0 } else { r })
}

/// "1,234.5": thousands grouped with commas, as English writes them.
fn grouped(v: f64) -> String {
    let s = decimal(v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The scale word for numbers as large as `v`: (divisor, " million").
fn magnitude(v: f64) -> (f64, &'static str) {
    match v.abs() {
        a if a >= 1e12 => (1e12, " trillion"),
        a if a >= 1e9 => (1e9, " billion"),
        a if a >= 1e6 => (1e6, " million"),
        _ => (1.0, ""),
    }
}

impl fmt::Display for FigureValue {
    /// A plain English reading: "more than 70%", "$14.8 trillion", "UAH 100 billion",
    /// "10–15%", "3 regions", "2023".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.qualifier != Qualifier::Exact {
            write!(f, "{} ", self.qualifier.words())?;
        }
        // Fractions and multiples read from words ("a third", "doubled").
        match &self.unit {
            Unit::Other(u) if u == "fraction" && self.range_high.is_none() => {
                return write!(f, "{}% (a fraction)", decimal((self.value * 1000.0).round() / 10.0));
            }
            Unit::Other(u) if u == "factor" && self.range_high.is_none() => return write!(f, "×{}", decimal(self.value)),
            Unit::Date(iso) => return f.write_str(&spoken_date(iso).unwrap_or_else(|| iso.clone())),
            _ => {}
        }
        let negative = self.value < 0.0 && self.range_high.is_none();
        if negative {
            f.write_str("-")?;
        }
        if let Unit::Currency(c) = &self.unit {
            match c.as_str() {
                "USD" => f.write_str("$")?,
                "EUR" => f.write_str("€")?,
                "GBP" => f.write_str("£")?,
                other => write!(f, "{other} ")?,
            }
        }
        let number = |v: f64, div: f64| if self.unit == Unit::Year { decimal(v) } else { grouped(v / div) };
        let (div, word) =
            if self.unit == Unit::Year { (1.0, "") } else { magnitude(self.value.abs().max(self.range_high.map_or(0.0, f64::abs))) };
        match self.range_high {
            Some(high) => write!(f, "{}–{}", sign(self.value, number(self.value, div)), sign(high, number(high, div)))?,
            None => f.write_str(&number(self.value, div))?,
        }
        f.write_str(word)?;
        match &self.unit {
            Unit::Percent => f.write_str("%"),
            Unit::Other(u) => write!(f, " {}", unit_words(u, self.value == 1.0 && self.range_high.is_none())),
            _ => Ok(()),
        }
    }
}

/// "25 December 2022" for "2022-12-25"; `None` when `iso` is not a date written so.
fn spoken_date(iso: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let month = MONTHS.get(m.checked_sub(1)?)?;
    (1..=31).contains(&d).then(|| format!("{d} {month} {y}"))
}

fn sign(v: f64, digits: String) -> String {
    if v < 0.0 {
        format!("-{digits}")
    } else {
        digits
    }
}
