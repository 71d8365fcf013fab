//! Extraction on small pages written for one behaviour each, and on the saved pages in
//! `tests/pages/` (invented articles in the markup of real news sites).

use super::article_from_html;
use serde::Deserialize;

fn para(words: &str) -> String {
    format!("<p>{words} This sentence makes the paragraph long enough, with commas, to count as article text.</p>")
}

#[test]
fn the_article_container_wins_over_navigation_and_related_links() {
    let html = format!(
        r#"<html><head><title>Rates rise again | Daily Post</title><meta property="og:site_name" content="Daily Post"></head><body>
        <div class="top"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></div>
        <div class="main-wrapper"><div class="story">{}{}{}</div>
        <div class="teasers"><ul><li><a href="/a">Another story about rates that is linked</a></li><li><a href="/b">And one more linked teaser headline</a></li></ul></div></div>
        <div class="bottom"><p><a href="/about">About us and our long list of linked pages for everyone</a></p></div></body></html>"#,
        para("First."),
        para("Second."),
        para("Third.")
    );
    let a = article_from_html(&html);
    assert_eq!(a.title, "Rates rise again");
    assert_eq!(a.outlet.as_deref(), Some("Daily Post"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("First."));
    assert!(!a.paragraphs.iter().any(|p| p.contains("teaser") || p.contains("About us")));
}

#[test]
fn text_loose_in_divs_and_split_bodies_are_kept() {
    let long = "Loose text in a div, with no paragraph element around it, is still the article's own text.";
    let html = format!(
        r#"<body><article><div class="body-part">{long}<br><br>{long} Again.</div>
        <div class="ad">Advertisement</div><div class="body-part">{}{}</div></article></body>"#,
        para("Later."),
        para("Last.")
    );
    let a = article_from_html(&html);
    let texts: Vec<&str> = a.paragraphs.iter().map(String::as_str).collect();
    assert!(texts.contains(&long), "{texts:?}");
    assert!(texts.iter().any(|p| p.ends_with("Again.")), "{texts:?}");
    assert!(texts.iter().any(|p| p.starts_with("Last.")), "{texts:?}");
    assert!(!texts.iter().any(|p| p.contains("Advertisement")), "{texts:?}");
}

#[test]
fn hidden_and_role_marked_furniture_is_dropped() {
    let html = format!(
        r#"<body><div role="navigation">{}</div><div><p hidden>Hidden text that is long enough to count as a paragraph.</p>
        <p aria-hidden="true">Aria-hidden text that is long enough to count as a paragraph.</p>{}{}
        <div style="display: none">{}</div></div><div role="contentinfo">{}</div></body>"#,
        para("Menu."),
        para("Kept one."),
        para("Kept two."),
        para("Invisible."),
        para("Footer.")
    );
    let a = article_from_html(&html);
    let all = a.paragraphs.join("\n");
    assert!(all.contains("Kept one.") && all.contains("Kept two."), "{all}");
    for gone in ["Menu.", "Hidden text", "Aria-hidden", "Invisible.", "Footer."] {
        assert!(!all.contains(gone), "{gone} in {all}");
    }
}

#[test]
fn the_headline_is_never_empty_nor_the_site_name() {
    // An empty logo <h1>, no og:title: the <title> minus the site name.
    let a = article_from_html(&format!(
        r#"<head><title>Floods close schools - Metro News</title></head><body><h1 class="logo"><a href="/"><img alt=""></a></h1>{}</body>"#,
        para("Body.")
    ));
    assert_eq!(a.title, "Floods close schools");
    // The <h1> the metadata confirms is taken as the reader sees it.
    let a = article_from_html(&format!(
        r#"<head><meta property="og:title" content="Floods close 40 schools | Metro"><meta property="og:site_name" content="Metro"></head>
        <body><h1>Metro</h1><article><h1>Floods close 40 schools</h1>{}</article></body>"#,
        para("Body.")
    ));
    assert_eq!(a.title, "Floods close 40 schools");
    assert!(!a.paragraphs.iter().any(|p| p == "Floods close 40 schools"), "the headline is not repeated: {:?}", a.paragraphs);
    // No metadata: the page's one <h1>, unless it is the site's name from <title>.
    let a = article_from_html(&format!("<head><title>Tab text</title></head><body><h1>Budget rises by 5%</h1>{}</body>", para("Body.")));
    assert_eq!(a.title, "Budget rises by 5%");
    let a = article_from_html(&format!(
        "<head><title>Floods close schools - Metro News</title></head><body><h1>Metro News</h1>{}</body>",
        para("Body.")
    ));
    assert_eq!(a.title, "Floods close schools");
    // Nothing but text: the first short block.
    let a =
        article_from_html("<body><div>Short opening line</div><p>Then a longer paragraph of text follows here, with commas.</p></body>");
    assert_eq!(a.title, "Short opening line");
}

#[test]
fn details_come_from_json_ld_and_meta_tags() {
    let html = format!(
        r#"<html lang="en-GB"><head>
        <link rel="canonical" href="https://news.example/2024/floods">
        <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebPage"}},
          {{"@type":["NewsArticle"],"headline":"Floods close 40 schools","datePublished":"2024-03-05T14:22:00+00:00",
            "author":[{{"@type":"Person","name":"Ann Lee"}},{{"@type":"Person","name":"Bo Chen"}}],"publisher":{{"@type":"Organization","name":"Metro"}}}}]}}</script>
        </head><body><p class="byline">By Someone Else</p>{}</body></html>"#,
        para("Body.")
    );
    let a = article_from_html(&html);
    assert_eq!(a.title, "Floods close 40 schools");
    assert_eq!(a.url.as_deref(), Some("https://news.example/2024/floods"));
    assert_eq!(a.outlet.as_deref(), Some("Metro"));
    assert_eq!(a.authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(a.date.as_deref(), Some("2024-03-05"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05T14:22:00"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));

    let a = article_from_html(&format!(
        r#"<head><meta property="article:published_time" content="2023-11-30"><meta name="author" content="Jo Smith and Al Roe">
        <meta property="og:url" content="javascript:alert(1)"></head><body>{}</body>"#,
        para("Body.")
    ));
    assert_eq!(a.authors, ["Jo Smith", "Al Roe"]);
    assert_eq!(a.date.as_deref(), Some("2023-11-30"));
    assert_eq!(a.published, None);
    assert_eq!(a.url, None, "only http(s) addresses are taken");
}

/// Patterns met on real saved pages (the Telegraph, the Independent, Quanta, Vox, El País,
/// Wikipedia, Sphinx and Chinese sites), each cut down to what made extraction go wrong.
#[test]
fn real_page_patterns_keep_the_whole_article() {
    // Pretty-printed one-child wrappers around each part, parts between image and embed
    // blocks: every text part of the same class joins.
    let part = |w: &str| {
        format!(
            "\n  <div class=\"articleBodyText section\">\n    <div class=\"article-body-text component\">\n      <div class=\"component-content\">\n        {}{}\n      </div>\n    </div>\n  </div>\n",
            para(w),
            para(&format!("{w} again."))
        )
    };
    let html = format!(
        "<body><article>{}{}<div class=\"htmlEmbed section\"><aside><a href=\"/x\">Profile</a></aside></div>{}{}</article></body>",
        part("Alpha."),
        part("Bravo."),
        part("Charlie."),
        part("Delta.")
    );
    let a = article_from_html(&html);
    assert_eq!(a.paragraphs.len(), 8, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[7].starts_with("Delta. again."));

    // A share widget's id on the article's own container does not make it a share bar; a
    // small share bar is still one.
    let body: String = (0..12).map(|i| para(&format!("Paragraph {i}."))).collect();
    let html = format!(
        r#"<body><div class="text-wrapper" id="gigya-share-btns-2_gig_containerParent"><div class="share-bar">Share this page</div>{body}</div>
        <ul class="legends">{}</ul></body>"#,
        (0..6)
            .map(|i| format!("<li><p>Gallery caption {i} is long enough, with commas, to be scored as text, and more.</p></li>"))
            .collect::<String>()
    );
    let a = article_from_html(&html);
    assert_eq!(a.paragraphs.len(), 12, "{:#?}", a.paragraphs);
    assert!(!a.paragraphs.iter().any(|p| p.contains("Share this page") || p.contains("Gallery caption")));

    // Parts of one article nested at different depths under containers of one class.
    let deep = |w: &str| {
        format!(
            r#"<div class="acf-content"><div class="wrap"><div class="inner"><div class="post"><section><div class="col"><div class="sec"><div class="post__content">{}{}{}</div></div></div></section></div></div></div></div>"#,
            para(w),
            para(w),
            para(w)
        )
    };
    let shallow = |w: &str| {
        format!(
            r#"<div class="acf-content"><section><div class="col"><div class="post__content">{}</div></div></section></div>"#,
            (0..8).map(|_| para(w)).collect::<String>()
        )
    };
    let html = format!(
        r#"<body><div id="postBody">{}{}<div class="more">{}</div></div></body>"#,
        deep("Opening part."),
        shallow("Later part."),
        para("Unrelated box.")
    );
    let a = article_from_html(&html);
    assert_eq!(a.paragraphs.iter().filter(|p| p.starts_with("Opening part.")).count(), 3, "{:#?}", a.paragraphs);
    assert_eq!(a.paragraphs.iter().filter(|p| p.starts_with("Later part.")).count(), 8);

    // A sentence with shop links is text; a "follow us" line is not.
    let html = format!(
        r#"<body><article>{}{}<p><em>The film</em> is currently <a href="https://go.example/hulu">streaming on Hulu</a> and available to rent on <a href="https://youtube.com/x">YouTube</a> and <a href="https://play.google.com/x">Google Play</a>.</p>
        <p>Sigue toda la información en <a href="https://www.facebook.com/diario">Facebook</a> y <a href="https://twitter.com/diario">X</a>, o en nuestra <a href="/newsletters/clima/">newsletter semanal</a>.</p></article></body>"#,
        para("One."),
        para("Two.")
    );
    let a = article_from_html(&html);
    assert!(a.paragraphs.iter().any(|p| p.starts_with("The film is currently streaming on Hulu")), "{:#?}", a.paragraphs);
    assert!(!a.paragraphs.iter().any(|p| p.starts_with("Sigue")));

    // A page of short sections in <main> (a product's features): all of them, not the one
    // notice box that scores best.
    let features: String = (0..8)
        .map(|i| {
            format!("<li class=\"feature\"><h2>Tool {i}</h2><p>Examine and change the page {i} as you read it, in real time.</p></li>")
        })
        .collect();
    let html = format!(
        r#"<body><main class="sync-reminder"><section class="intro"><p>Get to know the features of this browser.</p><ul>{features}</ul></section>
        <div class="notice"><p>Developer Edition comes with a new profile, so you can run it alongside other versions, with your bookmarks, history and more.</p></div></main></body>"#
    );
    let a = article_from_html(&html);
    assert!(a.paragraphs.iter().any(|p| p.starts_with("Examine and change the page 7")), "{:#?}", a.paragraphs);
    assert!(a.paragraphs.iter().any(|p| p.starts_with("Developer Edition comes")));

    // A WordPress image caption inside the body is the article's.
    let html = format!(
        r#"<body><div class="entry-content">{}<div class="wp-caption"><img src="x.png"><p class="wp-caption-text">Users who run several profiles will see this less.</p></div>{}</div></body>"#,
        para("One."),
        para("Two.")
    );
    assert!(article_from_html(&html).paragraphs.iter().any(|p| p.starts_with("Users who run several profiles")));
}

/// The headline read from `html`, a page whose body (ending in `</body>`) gets one paragraph.
fn headline_of(html: &str) -> String {
    article_from_html(&html.replace("</body>", &format!("{}</body>", para("Body.")))).title
}

#[test]
fn headlines_of_real_page_patterns() {
    // JSON-LD wrapped in CDATA is read.
    assert_eq!(
        headline_of(
            r#"<head><meta property="og:title" content="A social-media teaser title"><script type="application/ld+json">
        <![CDATA[ {"@type": "NewsArticle", "headline": "The deck of cards that made tarot global"} ]]></script></head>
        <body><h1>The deck of cards that made tarot global</h1></body>"#
        ),
        "The deck of cards that made tarot global"
    );
    // No site name known: the <h1> that is a part of <title> is the headline, even when
    // JSON-LD's "headline" is a description (Wikipedia), and the other part is longer.
    assert_eq!(
        headline_of(
            "<head><title>On recent events - Bradley M. Kuhn ( Brad ) ( bkuhn )</title></head><body><h1>On recent events</h1></body>"
        ),
        "On recent events"
    );
    assert_eq!(
        headline_of(
            r#"<head><title>New Zealand - Wikipedia</title><script type="application/ld+json">{"@type":"Article","headline":"constitutional monarchy in Oceania"}</script></head><body><h1>New Zealand</h1></body>"#
        ),
        "New Zealand"
    );
    // A logo <h1> linking home names the site; a permalink mark is not the headline's.
    assert_eq!(
        headline_of(
            r#"<head><title>Evolve: Shared Mutable History — evolve extension for Mercurial</title></head><body>
        <h1 class="heading"><a href="index.html"><span>evolve extension for Mercurial</span></a></h1>
        <h1>Evolve: Shared Mutable History<a class="headerlink" href="x.html#x">¶</a></h1></body>"#
        ),
        "Evolve: Shared Mutable History"
    );
    // A headline that is an anchor (a link without an address) is not a logo.
    assert_eq!(
        headline_of(
            r#"<head><title>Dams: a history - Rivers Weekly</title></head><body><h1><a name="top">Dams: a history</a></h1></body>"#
        ),
        "Dams: a history"
    );
    // Chinese titles glue their parts with underscores; a site name glued on is dropped.
    assert_eq!(
        headline_of("<head><title>海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网</title></head><body></body>"),
        "海外留学生看两会：出国前后关注点大不同"
    );
    assert_eq!(
        headline_of(
            r#"<head><title>短缺药品保供稳价 全力保障临床用药需求-新华网</title><meta property="og:site_name" content="新华网"></head><body></body>"#
        ),
        "短缺药品保供稳价 全力保障临床用药需求"
    );
    // The page's <h1> opening the body goes even when the headline came from metadata.
    let a = article_from_html(&format!(
        r#"<head><meta property="og:title" content="米朝首脳直通電話 習氏に挑むトランプ戦術の成否"></head><body><div class="story"><h1>米朝首脳直通電話 習氏に挑む 編集委員 中沢克二</h1>{}{}</div></body>"#,
        para("Body."),
        para("More.")
    ));
    assert_eq!(a.title, "米朝首脳直通電話 習氏に挑むトランプ戦術の成否");
    assert!(!a.paragraphs.iter().any(|p| p.contains("編集委員")), "{:#?}", a.paragraphs);
}

#[test]
fn scripts_and_event_handlers_never_become_text() {
    let html = r#"<body><article><p>Safe paragraph text that is long enough, with a comma, to be kept.<script>alert(1)</script>
        <img src=x onerror="alert(2)"><svg onload="alert(3)"><text>svg text</text></svg></p>
        <video><track default src="data:text/vtt,WEBVTT"></video><template><p>template text</p></template></article></body>"#;
    let a = article_from_html(html);
    let all = format!("{}\n{}", a.title, a.paragraphs.join("\n"));
    assert!(all.contains("Safe paragraph"), "{all}");
    for bad in ["alert", "svg text", "template text", "WEBVTT"] {
        assert!(!all.contains(bad), "{bad} in {all}");
    }
}

#[test]
fn any_input_gives_an_article_without_panicking() {
    let mut rng = crate::testing::Rng::new(11);
    let pieces = [
        "<p>",
        "</p>",
        "<div class=x>",
        "</div>",
        "<br>",
        "text, more text ",
        "<a href=#>",
        "</a>",
        "<h1>",
        "<li>",
        "<table><td>",
        "&amp;",
        "<script>",
        "<!--",
    ];
    for _ in 0..500 {
        let html: String = (0..rng.below(60)).map(|_| pieces[rng.below(pieces.len())]).collect();
        let a = article_from_html(&html);
        assert!(a.paragraphs.iter().all(|p| !p.is_empty() && p.trim() == p));
    }
}

/// A saved page's expected reading (tests/pages/README.md).
#[derive(Deserialize)]
struct Expected {
    headline: String,
    url: Option<String>,
    outlet: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    published: Option<String>,
    language: Option<String>,
    paragraphs: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
}

/// Word-level F1 of `got` against `want` (bags of lowercase words).
fn word_f1(got: &[String], want: &[String]) -> f64 {
    use std::collections::HashMap;
    let bag = |ps: &[String]| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for w in ps
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>())
        {
            *m.entry(w).or_default() += 1;
        }
        m
    };
    let (g, w) = (bag(got), bag(want));
    let common: i64 = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let (gn, wn): (i64, i64) = (g.values().sum(), w.values().sum());
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / gn as f64, common as f64 / wn as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn saved_pages_read_as_a_reader_would() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/pages")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "at least 10 saved pages, found {}", names.len());
    let mut failures = Vec::new();
    let mut f1s = Vec::new();
    for path in names {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let html = std::fs::read_to_string(&path).unwrap();
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap()).unwrap();
        let a = article_from_html(&html);
        let f1 = word_f1(&a.paragraphs, &expected.paragraphs);
        f1s.push(f1);
        let mut fail = |what: String| failures.push(format!("{name}: {what}"));
        if f1 < 0.95 {
            fail(format!("word F1 {f1:.3}; got {:#?}", a.paragraphs));
        }
        if a.title != expected.headline {
            fail(format!("headline {:?}, want {:?}", a.title, expected.headline));
        }
        if a.url != expected.url {
            fail(format!("url {:?}, want {:?}", a.url, expected.url));
        }
        if a.outlet != expected.outlet {
            fail(format!("outlet {:?}, want {:?}", a.outlet, expected.outlet));
        }
        if a.authors != expected.authors {
            fail(format!("authors {:?}, want {:?}", a.authors, expected.authors));
        }
        if a.date != expected.published {
            fail(format!("date {:?}, want {:?}", a.date, expected.published));
        }
        if a.language != expected.language {
            fail(format!("language {:?}, want {:?}", a.language, expected.language));
        }
        let all = a.paragraphs.join("\n");
        for bad in &expected.must_not_contain {
            if all.contains(bad.as_str()) {
                fail(format!("contains {bad:?}"));
            }
        }
    }
    f1s.sort_by(f64::total_cmp);
    println!("saved pages: median word F1 {:.3}, min {:.3}", f1s[f1s.len() / 2], f1s[0]);
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
