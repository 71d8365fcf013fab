//! Reading a figure's value from its text: "$14.8 trillion" → 14.8 × 10¹² USD, "three regions"
//! → 3 regions, "10–15 per cent" → a range of percentages.

mod date;
mod fraction;
mod lexicon;
mod parse;
mod token;
mod words;

pub use date::DateOrder;
pub use parse::{parse_figure, parse_figure_in};

#[cfg(test)]
mod tests {
    use super::parse_figure;
    use crate::annotation::{FigureValue, Kind, Unit};
    use serde_json::json;

    #[test]
    fn display_reads_like_the_article() {
        let show = |s: &str| parse_figure(s).unwrap().to_string();
        assert_eq!(show("$14.8 trillion"), "$14.8 trillion");
        assert_eq!(show("More than 70%"), "more than 70%");
        assert_eq!(show("UAH 100 billion"), "UAH 100 billion");
        assert_eq!(show("10–15 per cent"), "10–15%");
        assert_eq!(show("between 5 and 10 million"), "5–10 million");
        assert_eq!(show("three regions"), "3 regions");
        assert_eq!(show("4.2 million tonnes"), "4.2 million tonnes");
        assert_eq!(show("one year"), "1 year");
        assert_eq!(show("5 тижнів"), "5 weeks");
        assert_eq!(show("1234.5"), "1,234.5");
        assert_eq!(show("2023"), "2023");
        assert_eq!(show("-5%"), "-5%");
        assert_eq!(show("€2.5bn"), "€2.5 billion");
        assert_eq!(show("-3 to -1 degrees"), "-3–-1 degrees");
        assert_eq!(show("a third"), "33.3% (a fraction)");
        assert_eq!(show("two-thirds"), "66.7% (a fraction)");
        assert_eq!(show("doubled"), "×2");
        assert_eq!(show("December 25, 2022"), "25 December 2022");
        assert_eq!(show("25 грудня 2022 року"), "25 December 2022");
    }

    #[test]
    fn kinds_follow_units() {
        let kind = |s: &str| parse_figure(s).unwrap().kind();
        assert_eq!(kind("$5"), Kind::Money);
        assert_eq!(kind("5%"), Kind::Percent);
        assert_eq!(kind("2023"), Kind::Year);
        assert_eq!(kind("three regions"), Kind::Count);
        assert_eq!(kind("5 million tonnes"), Kind::Measure);
        assert_eq!(kind("1,000"), Kind::Count);
        assert_eq!(kind("10.04.2008"), Kind::Date);
    }

    #[test]
    fn json_shape() {
        let v = serde_json::to_value(parse_figure("more than $5bn").unwrap()).unwrap();
        assert_eq!(v, json!({"value": 5e9, "unit": {"currency": "USD"}, "qualifier": "more_than"}));
        let r = serde_json::to_value(parse_figure("10-15%").unwrap()).unwrap();
        assert_eq!(r, json!({"value": 10.0, "unit": "percent", "range_high": 15.0}));
        let d = serde_json::to_value(parse_figure("10.04.2008").unwrap()).unwrap();
        assert_eq!(d, json!({"value": 2008.0, "unit": {"date": "2008-04-10"}}));
        for s in ["$14.8 trillion", "three regions", "2014–2022", "about 3,5 %", "5 de mayo de 2021"] {
            let f = parse_figure(s).unwrap();
            assert_eq!(serde_json::from_value::<FigureValue>(serde_json::to_value(&f).unwrap()).unwrap(), f, "{s}");
        }
        assert!(!FigureValue::new(f64::NAN, Unit::Count).is_finite());
    }
}

#[cfg(test)]
mod failure_classes {
    use super::*;
    use crate::annotation::Unit;

    fn v(s: &str) -> Option<(f64, Unit)> {
        parse_figure(s).map(|f| (f.value, f.unit))
    }

    #[test]
    fn a_hyphen_after_letters_is_no_minus() {
        assert_eq!(v("COVID-19").map(|x| x.0), Some(19.0));
        assert_eq!(v("K-12").map(|x| x.0), Some(12.0));
        assert_eq!(v("post-1994"), Some((1994.0, Unit::Year)));
        assert_eq!(v("-5%").map(|x| x.0), Some(-5.0), "a real minus stays");
    }

    #[test]
    fn magnitudes_in_other_languages() {
        assert_eq!(v("1,8 млн тонн").map(|x| x.0), Some(1.8e6));
        assert_eq!(v("7 млрд").map(|x| x.0), Some(7e9));
        assert_eq!(v("3,5 Mrd. Euro").map(|x| x.0), Some(3.5e9));
        assert_eq!(v("2 milliards").map(|x| x.0), Some(2e9));
        assert_eq!(v("120 тис.").map(|x| x.0), Some(120e3));
    }

    #[test]
    fn fractions_and_multiples_in_words() {
        let frac = |x: f64| Some((x, Unit::Other("fraction".into())));
        assert_eq!(v("a third"), frac(1.0 / 3.0));
        assert_eq!(v("two-thirds"), frac(2.0 / 3.0));
        assert_eq!(v("A quarter"), frac(0.25));
        assert_eq!(v("half"), frac(0.5));
        assert_eq!(v("doubled"), Some((2.0, Unit::Other("factor".into()))));
        assert_eq!(v("чверть"), frac(0.25));
        assert_eq!(v("half a million").map(|x| x.0), Some(500_000.0), "a number, not a fraction");
        assert_eq!(v("halfway"), None);
        assert_eq!(v("two regions").map(|x| x.0), Some(2.0));
    }

    #[test]
    fn the_unit_is_the_noun_after_adjectives() {
        assert_eq!(v("39 missing children"), Some((39.0, Unit::Other("children".into()))));
        assert_eq!(v("12 new cases").map(|x| x.1), Some(Unit::Other("cases".into())));
    }
}
