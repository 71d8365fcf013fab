//! What a page says about its article: headline, canonical URL, outlet, authors, date and
//! language, from Open Graph and `article:` meta tags, JSON-LD, `<time>`, `<h1>` and `<title>`.

use crate::html::{Document, NodeId};
use serde_json::Value;

/// Article details read from a page. Empty fields were not found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub headline: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// As written in the page: an ISO 8601 date or date-time.
    pub published: Option<String>,
    pub language: Option<String>,
    /// The page's `<h1>` texts but the logo's: the headline as the page shows it, which the
    /// body repeats.
    pub h1s: Vec<String>,
}

/// The JSON-LD object that describes the article, with its type.
struct LdArticle {
    headline: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
}

pub fn read(doc: &Document) -> Meta {
    let metas = meta_tags(doc);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.iter().find(|(n, v)| n == k && !v.trim().is_empty()).map(|(_, v)| fold(v)));
    let ld = json_ld(doc);
    let outlet = meta(&["og:site_name", "application-name", "al:android:app_name"])
        .or_else(|| ld.as_ref().and_then(|l| l.publisher.clone()))
        .filter(|o| !o.is_empty());
    let url =
        [doc.named("link").find(|&l| rel_is(doc, l, "canonical")).and_then(|l| doc.attr(l, "href")).map(str::to_string), meta(&["og:url"])]
            .into_iter()
            .flatten()
            .chain(ld.as_ref().and_then(|l| l.url.clone()))
            .find(|u| u.starts_with("https://") || u.starts_with("http://"));
    let mut authors: Vec<String> = ld.as_ref().map(|l| l.authors.clone()).unwrap_or_default();
    if authors.is_empty() {
        if let Some(a) = meta(&["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"]) {
            authors = split_authors(&a);
        }
    }
    if authors.is_empty() {
        authors = byline(doc);
    }
    authors.retain(|a| !a.starts_with("http") && Some(a) != outlet.as_ref());
    let published = ld
        .as_ref()
        .and_then(|l| l.published.clone())
        .or_else(|| {
            meta(&[
                "article:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publish-date",
                "dc.date",
                "dcterms.created",
                "sailthru.date",
            ])
        })
        .or_else(|| doc.named("time").find_map(|t| doc.attr(t, "datetime").map(fold)).filter(|d| !d.is_empty()))
        .or_else(|| dateline(doc));
    let language = doc
        .first_named("html")
        .and_then(|h| doc.attr(h, "lang"))
        .map(fold)
        .filter(|l| !l.is_empty())
        .or_else(|| meta(&["content-language", "og:locale"]).map(|l| l.replace('_', "-")));
    let title_tag = doc.first_named("title").map(|t| fold(&doc.text_content(t))).unwrap_or_default();
    // A logo <h1> (the site's name as a link home) is not a headline, but it names the site.
    let (logos, h1s): (Vec<NodeId>, Vec<NodeId>) = doc.named("h1").partition(|&h| is_logo(doc, h));
    let text_of = |h: NodeId| fold(doc.text_content(h).trim_end_matches(['¶', '#', '§']));
    let h1s: Vec<String> = h1s.into_iter().map(text_of).filter(|h| !h.is_empty()).collect();
    // (Only when <title> names it too: a logo's text can carry more, "Site beta".)
    let in_title = |l: &String| title_parts(&title_tag).iter().any(|p| norm(p) == norm(l));
    let site = outlet.clone().or_else(|| logos.into_iter().map(text_of).find(in_title));
    let headline = headline(
        // JSON-LD first, as Readability does: it is written for search engines and holds the
        // full headline where og:title is often a shortened one for social media.
        &[
            ld.as_ref().and_then(|l| l.headline.clone()),
            meta(&["og:title"]),
            meta(&["twitter:title", "parsely-title", "sailthru.title", "dc.title"]),
        ],
        &h1s,
        &title_tag,
        site.as_deref(),
    );
    Meta { headline, url, outlet, authors, published, language, h1s }
}

/// The best headline: an `<h1>` that the page's metadata confirms (it is what the reader
/// sees), else the metadata's title, else `<title>` without the site name, else the first
/// `<h1>`. Never the site name alone.
fn headline(stated: &[Option<String>], h1s: &[String], title_tag: &str, outlet: Option<&str>) -> String {
    let site = outlet.map(norm).unwrap_or_default();
    let is_site = |s: &str| !site.is_empty() && norm(s) == site;
    let stated: Vec<String> = stated.iter().flatten().map(|s| strip_site(s, outlet)).filter(|s| !s.is_empty() && !is_site(s)).collect();
    let from_title = strip_site(title_tag, outlet);
    let confirmations: Vec<&str> = stated.iter().map(String::as_str).chain([from_title.as_str()]).filter(|s| !s.is_empty()).collect();
    for h1 in h1s.iter().filter(|h| !is_site(h)) {
        // Of the two, the shorter: a longer <h1> has the logo's text run into it, a longer
        // title a section or site name.
        if let Some(c) = confirmations.iter().find(|c| similar(h1, c)) {
            return if c.chars().count() < h1.chars().count() { c.to_string() } else { h1.clone() };
        }
    }
    // An <h1> that is one part of <title> is the headline ("Headline - Author's Name"),
    // whatever the metadata says (Wikipedia's JSON-LD headline is the topic's description).
    // Not the last part, where an unnamed site puts its name ("Headline - Metro News").
    let parts = title_parts(title_tag);
    if let [first @ .., _] = parts.as_slice() {
        if let Some(h1) = h1s.iter().find(|h| !is_site(h) && first.iter().any(|p| norm(p) == norm(h))) {
            return h1.clone();
        }
    }
    if let Some(s) = stated.first() {
        return s.clone();
    }
    // The page's one <h1> is what its reader sees as the headline, unless it is the site's
    // name (the part of <title> that was taken off).
    let title_parts = norm(title_tag);
    // (Only when <title> is too short to be a headline itself, as Readability has it.)
    if let [h1] = h1s {
        let short_title = from_title.chars().count() < 15;
        if !is_site(h1) && short_title && !title_parts.contains(&norm(h1)) {
            return h1.clone();
        }
    }
    if !from_title.is_empty() && !is_site(&from_title) {
        return from_title;
    }
    h1s.iter().find(|h| !is_site(h)).cloned().unwrap_or_default()
}

/// `title` without a " | Site" or "Site - " part: the parts between separators that are the
/// site's name (or, when the name is unknown, the shorter side) are dropped.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    let title = fold(title);
    let Some(sep) = separator(&title) else { return outlet.map_or(title.clone(), |o| strip_glued_site(&title, &norm(o))) };
    let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    let kept: Vec<&str> = match outlet.map(norm) {
        Some(site) if parts.iter().any(|p| norm(p) == site || site.contains(&norm(p)) && p.len() > 2) => {
            parts.iter().copied().filter(|p| norm(p) != site && !(site.contains(&norm(p)) && p.len() > 2)).collect()
        }
        // The site's name is known and not in the title: the title is all headline.
        Some(_) => parts,
        // No known site name: the headline is the longest part ("Headline - BBC News",
        // "Headline » Local » News » Site").
        None if parts.len() >= 2 => {
            let longest = parts.iter().copied().max_by_key(|p| p.chars().count()).unwrap_or_default();
            if longest.split_whitespace().count() >= 3 || longest.chars().count() >= 10 {
                vec![longest]
            } else {
                parts[..parts.len() - 1].to_vec()
            }
        }
        _ => parts,
    };
    if kept.is_empty() {
        return title;
    }
    kept.join(sep)
}

/// What stands between a title's parts: a spaced mark, or in Chinese and Japanese titles,
/// which have no spaces to set it off, an underscore or a bar ("标题_频道_网站").
fn separator(title: &str) -> Option<&'static str> {
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];
    const GLUED: [&str; 3] = ["_", "｜", "|"];
    SEPARATORS.iter().find(|s| title.contains(*s)).or_else(|| GLUED.iter().find(|s| is_cjk(title) && title.contains(*s))).copied()
}

fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}'))
}

/// `title` without the site's name glued to its end by a mark without spaces
/// ("…の成否（写真＝ロイター）：日本経済新聞", "…需求-新华网").
fn strip_glued_site(title: &str, site: &str) -> String {
    for sep in ['：', ':', '－', '-', '_', '｜', '|'] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (title[..i].trim(), title[i + sep.len_utf8()..].trim());
            if !head.is_empty() && !tail.is_empty() && (norm(tail) == site || (site.contains(&norm(tail)) && tail.len() > 2)) {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

/// The parts of `<title>` between its first kind of separator.
fn title_parts(title: &str) -> Vec<String> {
    let title = fold(title);
    match separator(&title) {
        Some(sep) => title.split(sep).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect(),
        None => vec![title],
    }
}

/// An `<h1>` that is only a link to the site's home page: the logo.
fn is_logo(doc: &Document, h1: NodeId) -> bool {
    let mut links = doc.descendants(h1).filter(|&d| doc.name(d) == Some("a"));
    let (Some(a), None) = (links.next(), links.next()) else { return false };
    let href = doc.attr(a, "href").unwrap_or("").trim();
    let path = super::page::host_and_path(href).map_or(href, |(_, path)| path);
    // (A link without an address is an anchor, `<h1><a name="top">Headline</a></h1>`.)
    matches!(path, "/" | "./" | "index.html" | "index.htm" | "/index.html" | "/index.php")
        && doc.text_content(a).trim() == doc.text_content(h1).trim()
}

/// Two headlines are the same when one holds the other and they are of similar length.
fn similar(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    long.contains(short.as_str()) && short.len() * 10 >= long.len() * 7
}

/// Case, quotes and spacing folded, for comparing headlines.
fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '‛' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rel_is(doc: &Document, id: NodeId, rel: &str) -> bool {
    doc.attr(id, "rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(rel)))
}

/// `(name, content)` of every `<meta>`, names lowercase (`property`, `name`, `itemprop` or
/// `http-equiv`).
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in doc.named("meta") {
        let Some(content) = doc.attr(m, "content") else { continue };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(n) = doc.attr(m, key) {
                for n in n.split_whitespace() {
                    out.push((n.to_lowercase(), content.to_string()));
                }
            }
        }
    }
    out
}

/// Authors from the page's byline when no metadata names them: the first element marked
/// as the author (`rel=author`, `itemprop=author`, a class such as `byline`) that holds a
/// name. Its text is read piece by piece (text nodes, lines), because bylines run the name
/// into the role ("Priya Natarajan" "Transport correspondent").
fn byline(doc: &Document) -> Vec<String> {
    for id in doc.ids() {
        if !is_byline(doc, id) {
            continue;
        }
        let names: Vec<String> = pieces(doc, id).iter().flat_map(|p| split_authors(p)).filter(|n| looks_like_name(n)).collect();
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

fn is_byline(doc: &Document, id: NodeId) -> bool {
    doc.name(id).is_some()
        && (rel_is(doc, id, "author")
            || doc.attr(id, "itemprop") == Some("author")
            || super::page::mentions(&super::page::names_of(doc, id), super::blocks::BYLINE))
}

/// The text nodes under `id`, each folded, empty ones left out.
fn pieces(doc: &Document, id: NodeId) -> Vec<String> {
    doc.descendants(id).filter_map(|d| doc.text(d)).map(fold).filter(|t| !t.is_empty()).collect()
}

/// A person's name as bylines write it: one to five words, each capitalised (particles
/// such as "de" or "van" aside), no digits, and no job title.
fn looks_like_name(s: &str) -> bool {
    const PARTICLES: &str = "de da di del della der van von le la al bin ibn y e du dos das ten ter";
    const ROLES: &str = "by correspondent reporter writer editor journalist staff columnist contributor producer analyst chief desk bureau posted updated published";
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !s.chars().any(|c| c.is_ascii_digit() || c == ':')
        && words.iter().all(|w| crate::text::listed(PARTICLES, w) || w.chars().next().is_some_and(char::is_uppercase))
        && !words.iter().any(|w| crate::text::listed(ROLES, &w.to_lowercase()))
        && words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A date written out in a date line ("Posted: Friday, March 6, 2009 11:32 AM CST"), as ISO.
fn dateline(doc: &Document) -> Option<String> {
    let candidates = doc.ids().filter(|&id| doc.name(id) == Some("time") || is_byline(doc, id));
    for id in candidates {
        for piece in pieces(doc, id) {
            let text =
                piece.split_once(':').filter(|(label, _)| label.split_whitespace().count() == 1).map_or(piece.as_str(), |(_, rest)| rest);
            let words: Vec<&str> = text.split_whitespace().collect();
            // Time zone names and the like after the time are ignored.
            for n in (3..=words.len().min(7)).rev() {
                if let Some(iso) = crate::article::published::parse_long_datetime(&words[..n].join(" ")) {
                    return Some(iso);
                }
            }
        }
    }
    None
}

fn split_authors(s: &str) -> Vec<String> {
    let s = fold(s);
    let s = ["By ", "by ", "Par ", "Von ", "Por ", "Di "].iter().find_map(|p| s.strip_prefix(p)).unwrap_or(&s);
    let mut s = s.to_string();
    for and in [" and ", " & ", " und ", " et ", " y ", " e ", " и ", " і ", " та "] {
        s = s.replace(and, ",");
    }
    s.split([',', ';']).map(fold).filter(|a| !a.is_empty()).collect()
}

/// The JSON-LD article on the page: the first object (in `@graph`s and arrays too) whose
/// type is an article or blog post.
fn json_ld(doc: &Document) -> Option<LdArticle> {
    for s in doc.named("script") {
        if !doc.attr(s, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(without_cdata(&doc.text_content(s))) else { continue };
        if let Some(found) = find_article(&value, 0) {
            return Some(found);
        }
    }
    None
}

/// A script's JSON without the `<![CDATA[ … ]]>` wrapper some sites put around it (bare or
/// inside `//` or `/* */` comments).
fn without_cdata(script: &str) -> &str {
    let mut s = script.trim();
    for open in ["/*<![CDATA[*/", "//<![CDATA[", "<![CDATA["] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest;
            break;
        }
    }
    for close in ["/*]]>*/", "//]]>", "]]>"] {
        if let Some(rest) = s.trim_end().strip_suffix(close) {
            s = rest;
            break;
        }
    }
    s.trim()
}

fn find_article(v: &Value, depth: usize) -> Option<LdArticle> {
    if depth > 6 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(o) => {
            if is_article_type(o.get("@type")) {
                return Some(LdArticle {
                    headline: o.get("headline").or_else(|| o.get("name")).and_then(Value::as_str).map(fold),
                    url: o.get("url").and_then(Value::as_str).or_else(|| o.get("mainEntityOfPage").and_then(id_of)).map(str::to_string),
                    publisher: o.get("publisher").and_then(names).and_then(|n| n.into_iter().next()),
                    authors: o.get("author").or_else(|| o.get("creator")).and_then(names).unwrap_or_default(),
                    published: o.get("datePublished").or_else(|| o.get("dateCreated")).and_then(Value::as_str).map(fold),
                });
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let ok = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting";
    match t {
        Some(Value::String(s)) => ok(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(ok),
        _ => false,
    }
}

fn id_of(v: &Value) -> Option<&str> {
    v.as_str().or_else(|| v.get("@id").and_then(Value::as_str))
}

/// Names in a JSON-LD person or organisation, a list of them, or a plain string.
fn names(v: &Value) -> Option<Vec<String>> {
    let out: Vec<String> = match v {
        Value::String(s) => split_authors(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(fold).into_iter().collect(),
        Value::Array(a) => a.iter().filter_map(names).flatten().collect(),
        _ => Vec::new(),
    };
    let mut seen = Vec::new();
    for n in out {
        if !n.is_empty() && !seen.contains(&n) {
            seen.push(n);
        }
    }
    (!seen.is_empty()).then_some(seen)
}
