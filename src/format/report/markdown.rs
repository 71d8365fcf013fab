//! The report as Markdown: user text escaped so that it stays text in any renderer.

use super::escape::{block, inline};
use super::{Report, Value};
use crate::time::Timestamp;
use crate::workspace::Workspace;
use std::fmt::Write;

/// Writes the report. `review_date` is the date printed as the report's date. Notes are the
/// checker's own: they are in the report only when `notes` says so.
pub fn markdown(ws: &Workspace, review_date: Timestamp, notes: bool) -> String {
    write(&Report::of(ws, review_date, notes))
}

fn link(label: &str, url: &str) -> String {
    format!("[{}](<{url}>)", inline(label))
}

/// A field's value after `- **Name:**`; a list starts on its own line.
fn value(v: &Value) -> String {
    match v {
        Value::Text(t) => format!(" {}", inline(t)),
        Value::Lines(t) => format!(" {}", block(t, "  ")),
        Value::Link { label, url } => format!(" {}", link(label, url)),
        Value::Named { name, url } => format!(" {} ({})", inline(name), link(url, url)),
        Value::Links(list) => format!("\n{}", list.iter().map(|(l, u)| format!("  - {}", link(l, u))).collect::<Vec<_>>().join("\n")),
    }
}

fn write(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Fact-check report: {}\n", inline(&r.title));
    for f in &r.facts {
        let _ = writeln!(out, "- **{}:**{}", f.name, value(&f.value));
    }
    out.push('\n');
    if !r.review.is_empty() {
        let _ = writeln!(out, "## Article review\n");
        for f in &r.review {
            let _ = writeln!(out, "- **{}:**{}", inline(&f.name), value(&f.value));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Progress\n\nClaims checked: {} of {}\n", r.checked, r.claims);
    for (verdict, n) in &r.by_verdict {
        let _ = writeln!(out, "- {}: {n}", inline(verdict));
    }
    if r.claims > 0 {
        out.push('\n');
    }
    for s in &r.sections {
        let _ = writeln!(out, "## {}\n", s.heading);
        if let Some(intro) = s.intro {
            let _ = writeln!(out, "{intro}\n");
        }
        for item in &s.items {
            let _ = writeln!(out, "### {}\n\n> {}\n", item.heading, block(&item.quote, "> "));
            for f in &item.fields {
                let _ = writeln!(out, "- **{}:**{}", f.name, value(&f.value));
            }
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
