//! Reads saved web pages the way "Open article" does and writes what was extracted, for the
//! extraction benchmark (bench/extract.md): `cargo run --release --example extract -- OUT_DIR PAGE.html…`.

use factmark::article::extract::article_from_html;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("usage: extract OUT_DIR PAGE.html…"));
    std::fs::create_dir_all(&out).expect("output folder");
    for page in args {
        let path = std::path::Path::new(&page);
        let bytes = std::fs::read(path).expect("page");
        let html = factmark::text::decode::decode(&bytes).map(|d| d.text).unwrap_or_default();
        let t = Instant::now();
        let parse_ms = {
            let t = Instant::now();
            let doc = factmark::html::parse(&html);
            std::hint::black_box(doc.len());
            t.elapsed().as_secs_f64() * 1000.0
        };
        let t0 = Instant::now();
        let a = article_from_html(&html);
        let _ = t;
        let t = t0;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let json = serde_json::json!({
            "title": a.title, "paragraphs": a.paragraphs, "url": a.url, "outlet": a.outlet,
            "authors": a.authors, "published": a.published.or(a.date), "language": a.language, "ms": ms, "parse_ms": parse_ms, "bytes": bytes.len(),
        });
        let name = path.file_stem().unwrap().to_string_lossy();
        std::fs::write(out.join(format!("{name}.json")), serde_json::to_string_pretty(&json).unwrap()).expect("write");
    }
}
