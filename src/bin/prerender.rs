//! Pre-renders a real HTML page for every content route, so that a link an adviser shares
//! answers with status 200 and its own content on any static host, before (and without) any
//! script: `prerender <dist> <base> [<site>]`, run by `make dist` after the other build steps.
//!
//! For every country pack and every language the pack is written in, it writes the checklist,
//! every step, the printable plan, the resource bank, every resource and the glossary, as
//! `dist/<path>/index.html` (English) and `dist/<language>/<path>/index.html`. The text comes
//! from the packs the app downloads (`dist/packs/*.json`) and the labels from the app's own
//! message functions (`tr::*`) in that language. Each page is the built `index.html` with the
//! page's `<html lang dir>`, title, description, canonical link, Open Graph texts and hreflang
//! alternates, and the page's content as the first screen the app replaces when it starts
//! (the controls in it are inert until then, and look it). With `<site>` (the deployment's
//! origin, `https://example.org`) it also writes `sitemap.xml` and names it in `robots.txt`.

use career_kit::domain::content::{Pack, PackIndex, Source, Step};
use career_kit::domain::i18n::{self, tr, Catalog, Texts};
use career_kit::domain::markdown::{self, Block, Inline};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Text for HTML, escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link to a page outside the app, as the app's `ExternalLink` writes it: https links open in
/// a new tab and say so; only https, mailto and tel targets are links.
fn external(href: &str, text_html: &str) -> String {
    if !markdown::is_live_href(href) {
        return text_html.to_string();
    }
    if href.starts_with("https://") {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{text_html}<span class=\"visually-hidden\"> {}</span></a>",
            esc(href),
            esc(&tr::opens_in_new_tab())
        )
    } else {
        format!("<a href=\"{}\">{text_html}</a>", esc(href))
    }
}

fn inline_html(items: &[Inline]) -> String {
    let mut out = String::new();
    for i in items {
        match i {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Emphasis(t) => {
                let _ = write!(out, "<em dir=\"auto\">{}</em>", esc(t));
            }
            Inline::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", esc(t));
            }
            Inline::Link { text, href: Some(href) } => out.push_str(&external(href, &esc(text))),
            Inline::Link { text, href: None } => out.push_str(&esc(text)),
        }
    }
    out
}

/// The Markdown subset of the packs, as HTML (the same parser as the app's renderer).
fn markdown_html(src: &str) -> String {
    let mut out = String::new();
    for block in markdown::parse(src) {
        match block {
            Block::Paragraph(items) => {
                let _ = write!(out, "<p>{}</p>", inline_html(&items));
            }
            Block::List { ordered, items } => {
                let tag = if ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{tag}>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", inline_html(&item));
                }
                let _ = write!(out, "</{tag}>");
            }
        }
    }
    out
}

/// One pre-rendered page.
struct Page {
    /// Under the base, without the language prefix, ending in `/` (`checklist/no/`).
    path: String,
    title: String,
    description: String,
    /// The page's content, inside `<main>`.
    main: String,
}

/// The address of `path` in `language` (English has no prefix), under the base.
fn href(language: &str, path: &str) -> String {
    if language == "en" {
        path.to_string()
    } else {
        format!("{language}/{path}")
    }
}

fn sources_html(sources: &[Source]) -> String {
    let mut out = format!("<section class=\"sources\"><h2>{}</h2><ul>", esc(&tr::sources()));
    for s in sources {
        let _ = write!(
            out,
            "<li>{}<span class=\"checked\"> {}</span></li>",
            external(&s.url, &format!("<bdi>{}</bdi>", esc(&s.title))),
            esc(&tr::checked_on(&s.checked))
        );
    }
    out.push_str("</ul></section>");
    out
}

fn step_page(pack: &Pack, lang: &str, n: usize, s: &Step) -> Page {
    let c = &pack.meta.id;
    let local = &pack.meta.local_language;
    let mut m = String::new();
    let _ = write!(
        m,
        "<nav class=\"breadcrumb\" aria-label=\"{}\"><a href=\"{}\">{}</a></nav>",
        esc(&tr::nav_main()),
        href(lang, &format!("checklist/{c}/")),
        esc(&tr::checklist_title(&pack.meta.name))
    );
    let _ = write!(m, "<p class=\"step-number\">{}</p><h1>{}</h1><p class=\"lead\">{}</p>", esc(&tr::step_number(n)), esc(&s.title), esc(&s.summary));
    let facts: Vec<(String, &Option<String>)> =
        vec![(tr::fact_authority(), &s.authority), (tr::fact_cost(), &s.cost), (tr::fact_time(), &s.time), (tr::fact_deadline(), &s.deadline)];
    if facts.iter().any(|(_, v)| v.is_some()) {
        m.push_str("<dl class=\"facts\">");
        for (label, value) in facts {
            if let Some(v) = value {
                let _ = write!(m, "<div><dt>{}</dt><dd>{}</dd></div>", esc(&label), esc(v));
            }
        }
        m.push_str("</dl>");
    }
    let _ = write!(m, "<div class=\"body\">{}</div>", markdown_html(&s.body));
    // The tasks, inert until the app starts (and looking it): a tick must not be lost.
    let _ = write!(m, "<fieldset class=\"tasks\" disabled><legend>{}</legend>", esc(&tr::tasks()));
    for t in &s.tasks {
        let _ = write!(m, "<label class=\"task\"><input type=\"checkbox\" disabled> <span>{}</span></label>", esc(&t.title));
    }
    m.push_str("</fieldset>");
    for (label, items) in [(tr::documents(), &s.documents), (tr::pitfalls(), &s.pitfalls)] {
        if !items.is_empty() {
            let _ = write!(m, "<section><h2>{}</h2><ul>", esc(&label));
            for d in items {
                let _ = write!(m, "<li>{}</li>", esc(d));
            }
            m.push_str("</ul></section>");
        }
    }
    let terms: Vec<_> = s.terms.iter().filter_map(|id| pack.term(id)).collect();
    if !terms.is_empty() {
        let _ = write!(m, "<section><h2>{}</h2><dl class=\"terms\">", esc(&tr::official_words()));
        for t in terms {
            let _ = write!(
                m,
                "<div><dt><span lang=\"{local}\" dir=\"ltr\">{}</span> – <span>{}</span></dt><dd>{}</dd></div>",
                esc(&t.term),
                esc(&t.plain),
                esc(&t.explanation)
            );
        }
        m.push_str("</dl></section>");
    }
    let resources: Vec<_> = s.resources.iter().filter_map(|id| pack.resource(id)).collect();
    if !resources.is_empty() {
        let _ = write!(m, "<section><h2>{}</h2><ul class=\"resource-links\">", esc(&tr::where_to_get_help()));
        for r in resources {
            let _ = write!(
                m,
                "<li><a href=\"{}\">{}</a> – <bdi class=\"org\" lang=\"{local}\">{}</bdi></li>",
                href(lang, &format!("resources/{c}/{}/", r.id)),
                esc(&r.title),
                esc(&r.organisation)
            );
        }
        m.push_str("</ul></section>");
    }
    m.push_str(&sources_html(&s.sources));
    Page { path: format!("checklist/{c}/{}/", s.id), title: s.title.clone(), description: s.summary.clone(), main: m }
}

fn checklist_page(pack: &Pack, lang: &str) -> Page {
    let c = &pack.meta.id;
    let title = tr::checklist_title(&pack.meta.name);
    let mut m = format!("<h1>{}</h1>", esc(&title));
    let mut n: usize = 0;
    for phase in &pack.meta.phases {
        let _ = write!(m, "<section class=\"phase\"><h2>{}</h2><p>{}</p><ol class=\"steps\">", esc(&phase.title), esc(&phase.summary));
        for s in pack.steps.iter().filter(|s| s.phase == phase.id) {
            n += 1;
            let _ = write!(
                m,
                "<li class=\"step-item\"><h3><a class=\"step-link\" href=\"{}\">{} {}</a></h3><p>{}</p></li>",
                href(lang, &format!("checklist/{c}/{}/", s.id)),
                esc(&tr::step_number(n)),
                esc(&s.title),
                esc(&s.summary)
            );
        }
        m.push_str("</ol></section>");
    }
    let description = pack.meta.phases.iter().map(|p| p.summary.as_str()).collect::<Vec<_>>().join(" ");
    Page { path: format!("checklist/{c}/"), title, description, main: m }
}

/// The whole plan, every step open, as the print page shows it (`print/<country>/`).
fn print_page(pack: &Pack, lang: &str) -> Page {
    let c = &pack.meta.id;
    let title = tr::checklist_title(&pack.meta.name);
    let mut m = format!("<h1>{}</h1>", esc(&title));
    let mut n: usize = 0;
    for phase in &pack.meta.phases {
        let _ = write!(m, "<section class=\"phase\"><h2>{}</h2>", esc(&phase.title));
        for s in pack.steps.iter().filter(|s| s.phase == phase.id) {
            n += 1;
            let _ = write!(
                m,
                "<article class=\"print-step\"><h3><a href=\"{}\">{} {}</a></h3><p class=\"lead\">{}</p><div class=\"body\">{}</div><ul>",
                href(lang, &format!("checklist/{c}/{}/", s.id)),
                esc(&tr::step_number(n)),
                esc(&s.title),
                esc(&s.summary),
                markdown_html(&s.body)
            );
            for t in &s.tasks {
                let _ = write!(m, "<li>{}</li>", esc(&t.title));
            }
            m.push_str("</ul></article>");
        }
        m.push_str("</section>");
    }
    Page { path: format!("print/{c}/"), title, description: pack.meta.phases.iter().map(|p| p.summary.as_str()).collect::<Vec<_>>().join(" "), main: m }
}

fn resources_page(pack: &Pack, lang: &str) -> Page {
    let c = &pack.meta.id;
    let title = tr::resources_in(&pack.meta.name);
    let lead = tr::resources_lead(pack.resources.len());
    let mut m = format!("<h1>{}</h1><p class=\"lead\">{}</p><ul class=\"resource-list\">", esc(&title), esc(&lead));
    for r in &pack.resources {
        let _ = write!(
            m,
            "<li><h2><a href=\"{}\">{}</a></h2><p class=\"org\"><bdi lang=\"{}\">{}</bdi></p><p>{}</p></li>",
            href(lang, &format!("resources/{c}/{}/", r.id)),
            esc(&r.title),
            pack.meta.local_language,
            esc(&r.organisation),
            esc(&r.description)
        );
    }
    m.push_str("</ul>");
    Page { path: format!("resources/{c}/"), title, description: lead, main: m }
}

fn resource_page(pack: &Pack, lang: &str, r: &career_kit::domain::content::Resource) -> Page {
    let c = &pack.meta.id;
    let mut m = format!(
        "<nav class=\"breadcrumb\" aria-label=\"{}\"><a href=\"{}\">{}</a></nav><h1>{}</h1><p class=\"org\"><bdi lang=\"{}\">{}</bdi></p><p class=\"lead\">{}</p>",
        esc(&tr::nav_main()),
        href(lang, &format!("resources/{c}/")),
        esc(&tr::resources_in(&pack.meta.name)),
        esc(&r.title),
        pack.meta.local_language,
        esc(&r.organisation),
        esc(&r.description)
    );
    let _ = write!(m, "<p>{}</p>", external(&r.url, &esc(&r.url)));
    let places: Vec<String> = r.towns.iter().map(|t| pack.town_name(t)).chain(r.regions.iter().map(|g| pack.region_name(g))).collect();
    let mut facts: Vec<(String, String)> = vec![];
    if !places.is_empty() {
        facts.push((tr::fact_where(), places.join(", ")));
    }
    if !r.languages.is_empty() {
        facts.push((tr::fact_languages(), r.languages.join(", ")));
    }
    for (label, value) in [(tr::fact_phone(), &r.phone), (tr::fact_email(), &r.email), (tr::fact_address(), &r.address)] {
        if let Some(v) = value {
            facts.push((label, v.clone()));
        }
    }
    if !facts.is_empty() {
        m.push_str("<dl class=\"facts\">");
        for (label, value) in facts {
            let _ = write!(m, "<div><dt>{}</dt><dd>{}</dd></div>", esc(&label), esc(&value));
        }
        m.push_str("</dl>");
    }
    m.push_str(&sources_html(&r.sources));
    Page { path: format!("resources/{c}/{}/", r.id), title: r.title.clone(), description: r.description.clone(), main: m }
}

fn glossary_page(pack: &Pack) -> Page {
    let c = &pack.meta.id;
    let title = tr::glossary_title(&pack.meta.name);
    let mut m = format!("<h1>{}</h1><dl class=\"glossary\">", esc(&title));
    for t in &pack.terms {
        let _ = write!(
            m,
            "<div data-term=\"{}\"><dt><span lang=\"{}\" dir=\"ltr\">{}</span> – <span>{}</span></dt><dd>{}</dd></div>",
            esc(&t.id),
            pack.meta.local_language,
            esc(&t.term),
            esc(&t.plain),
            esc(&t.explanation)
        );
    }
    m.push_str("</dl>");
    let local = i18n::language(&pack.meta.local_language).map_or(pack.meta.local_language.as_str(), |l| l.name);
    let description = tr::glossary_lead(local);
    Page { path: format!("glossary/{c}/"), title, description, main: m }
}

/// Replaces the whole tag that starts with `start` (up to its `>`).
fn replace_tag(html: &str, start: &str, with: &str) -> Result<String, String> {
    let a = html.find(start).ok_or(format!("no {start}"))?;
    let b = a + html[a..].find('>').ok_or(format!("no end of {start}"))? + 1;
    Ok(format!("{}{with}{}", &html[..a], &html[b..]))
}

/// Replaces what lies between `start` and the first `end` after it (both kept).
fn replace_between(html: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let a = html.find(start).ok_or(format!("no {start}"))? + start.len();
    let b = a + html[a..].find(end).ok_or(format!("no {end} after {start}"))?;
    Ok(format!("{}{with}{}", &html[..a], &html[b..]))
}

fn run(dist: &Path, base: &str, site: Option<&str>) -> Result<(), String> {
    let read = |p: PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let template = read(dist.join("index.html"))?;
    let index: PackIndex = serde_json::from_str(&read(dist.join("packs/index.json"))?).map_err(|e| e.to_string())?;
    let mut written: Vec<String> = vec![];
    for entry in &index.packs {
        // Every page of this pack, per language, to name the alternates.
        let languages: Vec<&String> = entry.files.keys().collect();
        for (lang, file) in &entry.files {
            let pack: Pack = serde_json::from_str(&read(dist.join("packs").join(file))?).map_err(|e| format!("{file}: {e}"))?;
            let ui_file = index.ui.get(lang.as_str()).ok_or(format!("no interface texts in {lang}"))?;
            let catalog: Catalog = serde_json::from_str(&read(dist.join("packs").join(ui_file))?).map_err(|e| e.to_string())?;
            let texts = Texts::new(catalog)?;
            let language = texts.language;
            i18n::set_current(texts);
            let mut pages = vec![checklist_page(&pack, lang), print_page(&pack, lang), resources_page(&pack, lang), glossary_page(&pack)];
            pages.extend(pack.steps.iter().enumerate().map(|(i, s)| step_page(&pack, lang, i + 1, s)));
            pages.extend(pack.resources.iter().map(|r| resource_page(&pack, lang, r)));
            for page in pages {
                let here = href(lang, &page.path);
                let absolute = |path: &str| format!("{}{base}{path}", site.unwrap_or(""));
                let mut head = String::new();
                let _ = write!(head, "<link rel=\"canonical\" href=\"{}\">", esc(&absolute(&here)));
                for l in &languages {
                    let _ = write!(head, "<link rel=\"alternate\" hreflang=\"{l}\" href=\"{}\">", esc(&absolute(&href(l, &page.path))));
                }
                let _ = write!(head, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", esc(&absolute(&page.path)));
                let title = format!("{} – Career Kit", page.title);
                let description: String = page.description.chars().take(300).collect();
                let _ = write!(
                    head,
                    "<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"{}\"><meta property=\"og:description\" content=\"{}\"><meta property=\"og:url\" content=\"{}\">",
                    esc(&title),
                    esc(&description),
                    esc(&absolute(&here))
                );
                let dir = if language.rtl { "rtl" } else { "ltr" };
                // The built index.html is minified (attributes unquoted and reordered, optional
                // tags left out): each edit names what it expects and fails loudly without it.
                let mut html = replace_tag(&template, "<html ", &format!("<html lang=\"{lang}\" dir=\"{dir}\">"))?;
                html = replace_between(&html, "<title>", "</title>", &esc(&title))?;
                html = html.replacen("</title>", &format!("</title>{head}"), 1);
                let at = html.find("name=description>").ok_or("no description")?;
                let tag = html[..at].rfind("<meta ").ok_or("no description")?;
                html = format!("{}<meta name=\"description\" content=\"{}\">{}", &html[..tag], esc(&description), &html[at + "name=description>".len()..]);
                let boot = format!(
                    "<header class=\"site-header\"><div class=\"bar\"><a class=\"brand\" href=\"{}\">Career Kit</a></div></header><main id=\"boot-main\" data-prerendered=\"\">{}<p class=\"loading\" role=\"status\" lang=\"en\" dir=\"ltr\"><span class=\"spinner\" aria-hidden=\"true\"></span> Loading Career Kit…</p></main>",
                    if lang == "en" { "./".to_string() } else { format!("./?lang={lang}") },
                    page.main
                );
                html = replace_between(&html, "<div id=boot>", "</div></body>", &boot)?;
                let out = dist.join(&here).join("index.html");
                std::fs::create_dir_all(out.parent().unwrap()).map_err(|e| e.to_string())?;
                std::fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))?;
                written.push(here);
            }
        }
    }
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(site) = site {
        let mut sitemap = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for path in std::iter::once(&String::new()).chain(&written) {
            let _ = writeln!(sitemap, "<url><loc>{}</loc></url>", esc(&format!("{site}{base}{path}")));
        }
        sitemap.push_str("</urlset>\n");
        std::fs::write(dist.join("sitemap.xml"), sitemap).map_err(|e| e.to_string())?;
        let _ = writeln!(robots, "Sitemap: {site}{base}sitemap.xml");
    }
    std::fs::write(dist.join("robots.txt"), robots).map_err(|e| e.to_string())?;
    println!(
        "prerender: {} pages in {} packs{}",
        written.len(),
        index.packs.len(),
        if site.is_some() { ", sitemap.xml" } else { " (no SITE: no sitemap.xml)" }
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [dist, base] => run(Path::new(dist), base, None),
        [dist, base, site] if site.is_empty() => run(Path::new(dist), base, None),
        [dist, base, site] => run(Path::new(dist), base, Some(site.trim_end_matches('/'))),
        _ => Err("usage: prerender <dist> <base> [<site>]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
