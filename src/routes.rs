//! Every page of the app and its URL, in one place.
//!
//! All internal links are built here, as `base + path`, with the base read once from the
//! `<base href>` that Trunk writes for the public URL, so a link opened in a new tab finds the
//! app under a sub-path too. The router ([`crate::router`]) handles clicks on these links in the
//! page, and turns the address back into a [`Page`] with [`Page::parse`].

use crate::domain::filter::percent_encode;

/// A page of the app. `path()` and `parse()` are inverse of each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    /// The checklist, of one country if given.
    Checklist(Option<String>),
    Step {
        country: String,
        step: String,
    },
    /// The resource bank, of one country if given.
    Resources(Option<String>),
    Resource {
        country: String,
        id: String,
    },
    Settings,
    /// "About you and your business": the profile questions.
    Profile,
    /// A country's official words with plain explanations.
    Glossary(String),
    /// Share the plan as a link, back it up to a file, restore it.
    Share,
    /// A shared plan or an adviser's preset, carried in the URL fragment (read by the page).
    Open,
    /// "Make a link for a client": an adviser's preset.
    Adviser,
    /// The plan of one country, laid out for printing on A4.
    PrintPlan(String),
    /// One step as an appointment pack: what to bring and ask, for printing.
    Appointment {
        country: String,
        step: String,
    },
    /// Courses on this device: make one, open a file, the list.
    Courses,
    /// A course, as a participant's checklist.
    Course(String),
    /// A trainer's course editor.
    CourseEdit(String),
    /// A course on a projector, one step at a time.
    Present(String),
    /// A course's handout, laid out for printing on A4.
    Handout(String),
}

/// Keeps a path segment safe: ids are slugs, but a typed URL can hold anything (`.` too is
/// escaped, so a segment is never `..`).
fn segment(out: &mut String, s: &str) {
    out.push('/');
    out.push_str(&percent_encode(s, b"-_"));
}

impl Page {
    /// The path inside the app, without the base: `/checklist/no`.
    pub fn path(&self) -> String {
        let mut p = String::new();
        match self {
            Page::Home => p.push('/'),
            Page::Checklist(country) | Page::Resources(country) => {
                p.push_str(if matches!(self, Page::Checklist(_)) { "/checklist" } else { "/resources" });
                if let Some(c) = country {
                    segment(&mut p, c);
                }
            }
            Page::Step { country, step } => {
                p.push_str("/checklist");
                segment(&mut p, country);
                segment(&mut p, step);
            }
            Page::Resource { country, id } => {
                p.push_str("/resources");
                segment(&mut p, country);
                segment(&mut p, id);
            }
            Page::Settings => p.push_str("/settings"),
            Page::Profile => p.push_str("/about-you"),
            Page::Glossary(country) => {
                p.push_str("/glossary");
                segment(&mut p, country);
            }
            Page::Share => p.push_str("/share"),
            Page::Open => p.push_str("/open"),
            Page::Adviser => p.push_str("/adviser"),
            Page::PrintPlan(country) => {
                p.push_str("/print");
                segment(&mut p, country);
            }
            Page::Appointment { country, step } => {
                p.push_str("/checklist");
                segment(&mut p, country);
                segment(&mut p, step);
                p.push_str("/appointment");
            }
            Page::Courses => p.push_str("/courses"),
            Page::Course(id) | Page::CourseEdit(id) | Page::Present(id) | Page::Handout(id) => {
                p.push_str("/courses");
                segment(&mut p, id);
                p.push_str(match self {
                    Page::CourseEdit(_) => "/edit",
                    Page::Present(_) => "/present",
                    Page::Handout(_) => "/handout",
                    _ => "",
                });
            }
        }
        p
    }

    /// The link to put in an `href`, under the given base (`""` or `/career-kit`).
    pub fn href_under(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path())
    }

    /// The link to put in an `href`, under the base this page was served from.
    pub fn href(&self) -> String {
        self.href_under(&base())
    }

    /// The full address, to share outside the app (`https://host/base/path`).
    #[cfg(target_arch = "wasm32")]
    pub fn absolute(&self) -> String {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        format!("{origin}{}", self.href())
    }

    /// A part of the page's path by name: `country`, `step` or `id` (`None` if it has none).
    pub fn param(&self, name: &str) -> Option<&str> {
        match (self, name) {
            (Page::Checklist(c) | Page::Resources(c), "country") => c.as_deref(),
            (Page::Step { country, .. } | Page::Resource { country, .. } | Page::Appointment { country, .. }, "country") => Some(country),
            (Page::Glossary(c) | Page::PrintPlan(c), "country") => Some(c),
            (Page::Step { step, .. } | Page::Appointment { step, .. }, "step") => Some(step),
            (Page::Resource { id, .. }, "id") => Some(id),
            (Page::Course(id) | Page::CourseEdit(id) | Page::Present(id) | Page::Handout(id), "id") => Some(id),
            _ => None,
        }
    }

    /// The page a path (without base, query or fragment) names; `None` means "not found".
    /// Segments are percent-decoded, so `parse(path())` gives the page back.
    pub fn parse(path: &str) -> Option<Page> {
        let parts: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(crate::domain::filter::percent_decode).collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let own = |s: &&str| s.to_string();
        Some(match parts.as_slice() {
            [] => Page::Home,
            ["checklist"] => Page::Checklist(None),
            ["checklist", c] => Page::Checklist(Some(own(c))),
            ["checklist", c, s] => Page::Step { country: own(c), step: own(s) },
            ["resources"] => Page::Resources(None),
            ["resources", c] => Page::Resources(Some(own(c))),
            ["resources", c, id] => Page::Resource { country: own(c), id: own(id) },
            ["settings"] => Page::Settings,
            ["about-you"] => Page::Profile,
            ["glossary", c] => Page::Glossary(own(c)),
            ["share"] => Page::Share,
            ["open"] => Page::Open,
            ["adviser"] => Page::Adviser,
            ["print", c] => Page::PrintPlan(own(c)),
            ["checklist", c, s, "appointment"] => Page::Appointment { country: own(c), step: own(s) },
            ["courses"] => Page::Courses,
            ["courses", id] => Page::Course(own(id)),
            ["courses", id, "edit"] => Page::CourseEdit(own(id)),
            ["courses", id, "present"] => Page::Present(own(id)),
            ["courses", id, "handout"] => Page::Handout(own(id)),
            _ => return None,
        })
    }
}

/// An address inside the app, as the router keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Address {
    /// Under the base, always starting with `/`: `/checklist/no`.
    pub path: String,
    /// The query, without `?`.
    pub search: String,
    /// The fragment, with its `#` (empty when there is none).
    pub hash: String,
}

impl Address {
    /// Splits `/path?query#fragment` (a path under the base, as `Page::path()` gives).
    pub fn parse(to: &str) -> Self {
        let (rest, hash) = match to.find('#') {
            Some(i) => (&to[..i], &to[i..]),
            None => (to, ""),
        };
        let (path, search) = rest.split_once('?').unwrap_or((rest, ""));
        Self {
            path: if path.starts_with('/') { path.to_string() } else { format!("/{path}") },
            search: search.to_string(),
            hash: if hash == "#" { String::new() } else { hash.to_string() },
        }
    }

    /// The address to show in the address bar, under the given base (`""` or `/career-kit`).
    pub fn href_under(&self, base: &str) -> String {
        let query = if self.search.is_empty() { String::new() } else { format!("?{}", self.search) };
        format!("{}{}{query}{}", base.trim_end_matches('/'), self.path, self.hash)
    }
}

/// A path on this site as a path under the app's base (`""` or `/career-kit`), or `None` when
/// it lies outside the app: `/career-kit/settings` → `/settings`, `/career-kit` → `/`.
pub fn under_base(path: &str, base: &str) -> Option<String> {
    match path.strip_prefix(base.trim_end_matches('/'))? {
        "" => Some("/".into()),
        rest if rest.starts_with('/') => Some(rest.into()),
        _ => None,
    }
}

/// The public URL path the app is served under, without the trailing slash: `""` at the root
/// of a host, `/career-kit` under a sub-path. Read from `<base href>` in the browser.
pub fn base() -> String {
    thread_local! {
        static BASE: String = read_base();
    }
    BASE.with(Clone::clone)
}

#[cfg(target_arch = "wasm32")]
fn read_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_default();
    normalise_base(&href)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_base() -> String {
    String::new()
}

/// `"/career-kit/"` → `"/career-kit"`, `"/"` or `""` → `""`. Absolute URLs keep their path.
pub fn normalise_base(href: &str) -> String {
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
        None => href,
    };
    let path = path.trim_end_matches('/');
    if path.is_empty() || path == "." {
        String::new()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        let pages = [
            Page::Home,
            Page::Checklist(None),
            Page::Checklist(Some("no".into())),
            Page::Step { country: "de".into(), step: "gewerbeanmeldung".into() },
            Page::Resources(None),
            Page::Resources(Some("de".into())),
            Page::Resource { country: "no".into(), id: "altinn-start".into() },
            Page::Settings,
            Page::Profile,
            Page::Glossary("no".into()),
            Page::Share,
            Page::Open,
            Page::Adviser,
            Page::PrintPlan("no".into()),
            Page::Appointment { country: "no".into(), step: "register-business".into() },
            Page::Courses,
            Page::Course("k7q2x9".into()),
            Page::CourseEdit("k7q2x9".into()),
            Page::Present("k7q2x9".into()),
            Page::Handout("k7q2x9".into()),
        ];
        for page in pages {
            assert_eq!(Page::parse(&page.path()), Some(page.clone()), "{}", page.path());
        }
    }

    #[test]
    fn links_carry_the_base() {
        let step = Page::Step { country: "no".into(), step: "register-business".into() };
        assert_eq!(step.href_under(""), "/checklist/no/register-business");
        assert_eq!(step.href_under("/career-kit"), "/career-kit/checklist/no/register-business");
        assert_eq!(Page::Home.href_under("/career-kit/"), "/career-kit/");
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Page::parse("/nope"), None);
        assert_eq!(Page::parse("/checklist/no/a/b"), None);
        assert_eq!(Page::parse("/courses/a/b"), None);
        assert_eq!(Page::parse("/settings/x"), None);
    }

    #[test]
    fn odd_segments_are_escaped() {
        let p = Page::Step { country: "no".into(), step: "a b/<c>".into() };
        assert_eq!(p.path(), "/checklist/no/a%20b%2F%3Cc%3E");
        assert_eq!(Page::parse(&p.path()), Some(p));
        assert_eq!(Page::parse("/checklist/a+b").unwrap().param("country"), Some("a+b"));
    }

    #[test]
    fn addresses_split_into_path_query_and_fragment() {
        let a = Address::parse("/resources/de?q=vat&kind=office#top");
        assert_eq!((a.path.as_str(), a.search.as_str(), a.hash.as_str()), ("/resources/de", "q=vat&kind=office", "#top"));
        assert_eq!(a.href_under("/career-kit"), "/career-kit/resources/de?q=vat&kind=office#top");
        // A plan code in the fragment may hold `?`: it stays in the fragment.
        let b = Address::parse("/open#CK1abc?x");
        assert_eq!((b.path.as_str(), b.search.as_str(), b.hash.as_str()), ("/open", "", "#CK1abc?x"));
        assert_eq!(Address::parse("settings").path, "/settings");
        assert_eq!(Address::parse("/#").hash, "");
        assert_eq!(Address::parse("/").href_under(""), "/");
    }

    #[test]
    fn only_paths_under_the_base_are_the_apps() {
        assert_eq!(under_base("/career-kit/checklist/no", "/career-kit").as_deref(), Some("/checklist/no"));
        assert_eq!(under_base("/career-kit", "/career-kit").as_deref(), Some("/"));
        assert_eq!(under_base("/career-kit/", "/career-kit/").as_deref(), Some("/"));
        assert_eq!(under_base("/career-kitchen/x", "/career-kit"), None);
        assert_eq!(under_base("/other/x", "/career-kit"), None);
        assert_eq!(under_base("/settings", "").as_deref(), Some("/settings"));
    }

    #[test]
    fn pages_name_their_parts() {
        let step = Page::Step { country: "no".into(), step: "register-business".into() };
        assert_eq!((step.param("country"), step.param("step"), step.param("id")), (Some("no"), Some("register-business"), None));
        assert_eq!(Page::Checklist(None).param("country"), None);
        assert_eq!(Page::Handout("k7q2x9".into()).param("id"), Some("k7q2x9"));
        assert_eq!(Page::Resource { country: "de".into(), id: "elster".into() }.param("id"), Some("elster"));
        assert_eq!(Page::Home.param("country"), None);
    }

    #[test]
    fn base_is_normalised() {
        assert_eq!(normalise_base("/career-kit/"), "/career-kit");
        assert_eq!(normalise_base("/"), "");
        assert_eq!(normalise_base(""), "");
        assert_eq!(normalise_base("https://example.org/a/b/"), "/a/b");
        assert_eq!(normalise_base("https://example.org"), "");
    }
}
