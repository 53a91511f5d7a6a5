//! A view of the resource bank (search words and filters) and its URL query, so an adviser can
//! send a link to exactly that view.
//!
//! `?q=vat&kind=funding&topic=tax&place=bergen&help_in=ar&free=1&green=1&step=register-business&mine=1`
//! Unknown parameters are ignored; values the pack does not know are dropped by
//! [`ResourceView::known_in`], so a stale link still opens a sensible view.

use std::collections::BTreeSet;

use super::content::{Pack, Resource};
use super::search::{fold, SearchIndex};
use super::state::{saved_key, Profile};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResourceView {
    /// Search words, as typed.
    pub q: String,
    /// One resource kind (`funding`).
    pub kind: Option<String>,
    pub topic: Option<String>,
    /// A town or region id; resources for the whole country always match.
    pub place: Option<String>,
    /// A language the service is offered in (`ar`).
    pub help_in: Option<String>,
    /// Free of charge only.
    pub free: bool,
    /// For green (ecological) businesses.
    pub green: bool,
    /// Only the resources a step lists.
    pub step: Option<String>,
    /// Only the resources on the user's own list.
    pub mine: bool,
}

/// Percent-decodes a query component (`+` is a space).
pub fn decode(s: &str) -> String {
    unescape(s, true)
}

/// Percent-decodes a path segment (`+` stays a plus), as [`percent_encode`] wrote it.
pub fn percent_decode(s: &str) -> String {
    unescape(s, false)
}

fn unescape(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
        match b[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a text: every byte but ASCII letters, digits and those in `keep` becomes
/// `%XX`. Shared by query components and path segments ([`crate::routes`]).
pub fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-encodes a query component: everything but ASCII letters, digits and `-_.~`.
pub fn encode(s: &str) -> String {
    percent_encode(s, b"-_.~")
}

/// Whether a resource serves a town or region: national resources serve everywhere; a
/// regional one serves its region's towns; a town's one counts for its region too.
pub fn serves(pack: &Pack, r: &Resource, place: &str) -> bool {
    if r.towns.is_empty() && r.regions.is_empty() {
        return true;
    }
    let region_of = |town: &str| pack.meta.towns.iter().find(|t| t.id == town).map(|t| t.region.as_str());
    r.towns.iter().any(|t| t == place || region_of(t) == Some(place)) || r.regions.iter().any(|g| g == place || region_of(place) == Some(g.as_str()))
}

impl ResourceView {
    pub fn from_query(query: &str) -> Self {
        let mut v = ResourceView::default();
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (k, val) = pair.split_once('=').unwrap_or((pair, ""));
            let val = decode(val);
            let some = || Some(val.trim().to_string()).filter(|s| !s.is_empty());
            match k {
                "q" => v.q = val.clone(),
                "kind" => v.kind = some(),
                "topic" => v.topic = some(),
                "place" => v.place = some(),
                "help_in" => v.help_in = some(),
                "step" => v.step = some(),
                "free" => v.free = val == "1",
                "green" => v.green = val == "1",
                "mine" => v.mine = val == "1",
                _ => {}
            }
        }
        v
    }

    /// The query string, `""` for the plain view, else starting with `?`. Parameters always
    /// come in the same order, so equal views give equal links.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = vec![];
        if !self.q.trim().is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        for (k, v) in [("kind", &self.kind), ("topic", &self.topic), ("place", &self.place), ("help_in", &self.help_in), ("step", &self.step)] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", encode(v)));
            }
        }
        for (k, on) in [("free", self.free), ("green", self.green), ("mine", self.mine)] {
            if on {
                parts.push(format!("{k}=1"));
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// How many filters are on (search words not counted).
    pub fn active_filters(&self) -> usize {
        [self.kind.is_some(), self.topic.is_some(), self.place.is_some(), self.help_in.is_some(), self.free, self.green, self.step.is_some(), self.mine]
            .iter()
            .filter(|b| **b)
            .count()
    }

    /// This view without values the pack does not know (an old or mistyped link).
    pub fn known_in(mut self, pack: &Pack) -> Self {
        let rs = &pack.resources;
        if self.kind.as_ref().is_some_and(|k| !rs.iter().any(|r| &r.kind == k)) {
            self.kind = None;
        }
        if self.topic.as_ref().is_some_and(|t| !rs.iter().any(|r| r.topics.contains(t))) {
            self.topic = None;
        }
        if self.place.as_ref().is_some_and(|p| !pack.meta.towns.iter().any(|t| &t.id == p) && !pack.meta.regions.iter().any(|g| &g.id == p)) {
            self.place = None;
        }
        if self.help_in.as_ref().is_some_and(|l| !rs.iter().any(|r| r.languages.contains(l))) {
            self.help_in = None;
        }
        if self.step.as_ref().is_some_and(|s| pack.step(s).is_none()) {
            self.step = None;
        }
        self
    }

    /// Whether a resource passes the filters (not the search words).
    pub fn admits(&self, pack: &Pack, r: &Resource, saved: &BTreeSet<String>) -> bool {
        self.kind.as_ref().is_none_or(|k| &r.kind == k)
            && self.topic.as_ref().is_none_or(|t| r.topics.contains(t))
            && self.place.as_ref().is_none_or(|p| serves(pack, r, p))
            && self.help_in.as_ref().is_none_or(|l| r.languages.contains(l))
            && (!self.free || r.cost.as_deref() == Some("free"))
            && (!self.green || r.sectors.iter().chain(&r.topics).any(|s| s == "green"))
            && self.step.as_ref().is_none_or(|s| pack.step(s).is_some_and(|st| st.resources.contains(&r.id)))
            && (!self.mine || saved.contains(&saved_key(&pack.meta.id, &r.id)))
    }

    /// The resources in this view, as indexes into `pack.resources`: ranked by the search
    /// when there are search words, else in pack order with the founder's own first (help in
    /// their town or region, then help for their sector).
    pub fn results(&self, pack: &Pack, index: &SearchIndex, saved: &BTreeSet<String>, profile: &Profile) -> Vec<usize> {
        let pass = |i: &usize| self.admits(pack, &pack.resources[*i], saved);
        if self.q.trim().is_empty() {
            let mut found: Vec<usize> = (0..pack.resources.len()).filter(pass).collect();
            let mine = |i: &usize| {
                let r = &pack.resources[*i];
                let local = profile.town.as_deref().is_some_and(|t| !(r.towns.is_empty() && r.regions.is_empty()) && serves(pack, r, t));
                let sector = r.sectors.iter().any(|s| profile.sectors.contains(s));
                std::cmp::Reverse(2 * local as u8 + sector as u8)
            };
            found.sort_by_key(mine);
            found
        } else {
            index.search(&self.q).into_iter().map(|h| h.doc).filter(pass).collect()
        }
    }
}

/// How a saved resource is kept in [`crate::domain::state::SavedState::saved_resources`].
/// One way to widen a view that finds nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Widen {
    /// Look in the whole region of the chosen town (its id).
    Region(String),
    /// Drop one filter.
    Drop(Filter),
    /// Drop the search words, keep the filters.
    Words,
}

/// A filter of a view, to name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    Kind(String),
    Topic(String),
    Place(String),
    HelpIn(String),
    Free,
    Green,
    Step(String),
    Mine,
}

impl ResourceView {
    /// The view with one filter less, and which.
    fn widened(&self, pack: &Pack) -> Vec<(Widen, ResourceView)> {
        let mut out = vec![];
        let mut with = |w: Widen, f: &dyn Fn(&mut ResourceView)| {
            let mut v = self.clone();
            f(&mut v);
            out.push((w, v));
        };
        if let Some(place) = &self.place {
            if let Some(region) = pack.meta.towns.iter().find(|t| &t.id == place).map(|t| t.region.clone()) {
                if pack.meta.regions.iter().any(|g| g.id == region) {
                    with(Widen::Region(region.clone()), &|v| v.place = Some(region.clone()));
                }
            }
            with(Widen::Drop(Filter::Place(place.clone())), &|v| v.place = None);
        }
        if let Some(l) = &self.help_in {
            with(Widen::Drop(Filter::HelpIn(l.clone())), &|v| v.help_in = None);
        }
        if let Some(k) = &self.kind {
            with(Widen::Drop(Filter::Kind(k.clone())), &|v| v.kind = None);
        }
        if let Some(t) = &self.topic {
            with(Widen::Drop(Filter::Topic(t.clone())), &|v| v.topic = None);
        }
        if self.free {
            with(Widen::Drop(Filter::Free), &|v| v.free = false);
        }
        if self.green {
            with(Widen::Drop(Filter::Green), &|v| v.green = false);
        }
        if let Some(s) = &self.step {
            with(Widen::Drop(Filter::Step(s.clone())), &|v| v.step = None);
        }
        if self.mine {
            with(Widen::Drop(Filter::Mine), &|v| v.mine = false);
        }
        if !self.q.trim().is_empty() && self.active_filters() > 0 {
            with(Widen::Words, &|v| v.q.clear());
        }
        out
    }

    /// For a view that finds nothing: the nearest views that find something, each with one
    /// filter less (a town widened to its region before it is dropped) and how many they
    /// find, in the order above (place, language, kind, …), at most `most`.
    pub fn nearest(&self, pack: &Pack, index: &SearchIndex, saved: &BTreeSet<String>, profile: &Profile, most: usize) -> Vec<(Widen, ResourceView, usize)> {
        let mut out: Vec<(Widen, ResourceView, usize)> = vec![];
        for (w, v) in self.widened(pack) {
            let n = v.results(pack, index, saved, profile).len();
            // A town widened to its region that finds something makes dropping the place moot.
            let region_found = out.iter().any(|(w, _, _)| matches!(w, Widen::Region(_)));
            if n > 0 && !(region_found && matches!(w, Widen::Drop(Filter::Place(_)))) {
                out.push((w, v, n));
            }
        }
        out.truncate(most);
        out
    }

    /// The view a founder first sees: their own town from the profile, when the link names no
    /// view at all and the town belongs to this pack.
    pub fn start_at_home(self, pack: &Pack, profile: &Profile) -> Self {
        if self != ResourceView::default() || profile.country.as_deref() != Some(pack.meta.id.as_str()) {
            return self;
        }
        let town = profile.town.clone().filter(|t| pack.meta.towns.iter().any(|x| &x.id == t) || pack.meta.regions.iter().any(|g| &g.id == t));
        ResourceView { place: town, ..self }
    }
}

/// The places to filter by: towns, then the regions whose name no town has (Oslo the town and
/// Oslo the county appear once, as the town, which also finds the county's help).
pub fn place_choices(pack: &Pack) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let towns: Vec<(String, String)> = pack.meta.towns.iter().map(|t| (t.id.clone(), t.name.clone())).collect();
    let regions =
        pack.meta.regions.iter().filter(|g| !towns.iter().any(|(_, name)| fold(name) == fold(&g.name))).map(|g| (g.id.clone(), g.name.clone())).collect();
    (towns, regions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::tests::{real_packs, sample_pack};
    use crate::domain::search::resource_docs;

    #[test]
    fn a_view_that_finds_nothing_offers_the_nearest_help_and_names_the_filter() {
        let pack = real_packs().into_iter().find(|p| p.meta.id == "de").unwrap();
        let index = SearchIndex::new(&resource_docs(&pack));
        let none = BTreeSet::new();
        let p = Profile::default();
        // Free advice in a language no adviser offers here: drop the language, keep the rest.
        let v = ResourceView { kind: Some("free-advice".into()), help_in: Some("zz".into()), ..Default::default() };
        assert!(v.results(&pack, &index, &none, &p).is_empty());
        let near = v.nearest(&pack, &index, &none, &p, 3);
        assert!(!near.is_empty());
        assert_eq!(near[0].0, Widen::Drop(Filter::HelpIn("zz".into())));
        assert_eq!(near[0].1.kind.as_deref(), Some("free-advice"), "only the named filter is dropped");
        assert!(near.iter().all(|(_, v, n)| *n > 0 && *n == v.results(&pack, &index, &none, &p).len()));
        // A town with nothing of a kind: its region first.
        let town = pack
            .meta
            .towns
            .iter()
            .find(|t| t.region != t.id && pack.meta.regions.iter().any(|g| g.id == t.region))
            .expect("a town in a region of another name");
        let v = ResourceView { place: Some(town.id.clone()), q: "zzzz-nothing".into(), ..Default::default() };
        let near = v.nearest(&pack, &index, &none, &p, 5);
        assert!(near.iter().all(|(w, _, _)| !matches!(w, Widen::Region(_) | Widen::Drop(Filter::Place(_)))), "words that match nothing: no place helps");
        assert!(near.iter().any(|(w, _, _)| *w == Widen::Words));
    }

    #[test]
    fn the_place_starts_at_home_and_towns_and_regions_appear_once() {
        let pack = sample_pack();
        let mut p = Profile { country: Some("no".into()), town: Some("bergen".into()), ..Default::default() };
        assert_eq!(ResourceView::default().start_at_home(&pack, &p).place.as_deref(), Some("bergen"));
        let linked = ResourceView { kind: Some("funding".into()), ..Default::default() };
        assert_eq!(linked.clone().start_at_home(&pack, &p), linked, "a link's own view is kept");
        p.country = Some("de".into());
        assert_eq!(ResourceView::default().start_at_home(&pack, &p).place, None, "a town of another country");
        let (towns, regions) = place_choices(&pack);
        assert!(towns.iter().any(|(id, _)| id == "oslo"));
        assert!(!regions.iter().any(|(_, name)| name == "Oslo"), "Oslo appears once: {regions:?}");
        assert_eq!(towns.len(), pack.meta.towns.len());
    }

    #[test]
    fn query_round_trips_in_a_stable_order() {
        let v = ResourceView {
            q: "mva & bank/ø".into(),
            kind: Some("funding".into()),
            place: Some("bergen".into()),
            help_in: Some("ar".into()),
            free: true,
            green: true,
            step: Some("register-business".into()),
            mine: true,
            topic: Some("tax".into()),
        };
        let q = v.to_query();
        assert_eq!(q, "?q=mva%20%26%20bank%2F%C3%B8&kind=funding&topic=tax&place=bergen&help_in=ar&step=register-business&free=1&green=1&mine=1");
        assert_eq!(ResourceView::from_query(&q), v);
        assert_eq!(ResourceView::default().to_query(), "");
        assert_eq!(v.active_filters(), 8);
    }

    #[test]
    fn odd_queries_do_not_break() {
        assert_eq!(decode("a+b%20c%"), "a b c%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%C3%B8"), "ø");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("a+b%20c"), "a+b c");
        let v = ResourceView::from_query("?free=yes&kind=&&=x&unknown=1&q=%E2%82");
        assert!(!v.free && v.kind.is_none());
        assert_eq!(v.q, "\u{FFFD}");
    }

    #[test]
    fn unknown_values_are_dropped() {
        let pack = sample_pack();
        let v = ResourceView::from_query("kind=nope&topic=tax&place=atlantis&help_in=xx&step=gone").known_in(&pack);
        assert_eq!(v, ResourceView { topic: Some("tax".into()), ..Default::default() });
    }

    #[test]
    fn filters_narrow_the_list() {
        let pack = sample_pack();
        let index = SearchIndex::new(&resource_docs(&pack));
        let none = BTreeSet::new();
        let all = ResourceView::default().results(&pack, &index, &none, &Profile::default());
        assert_eq!(all.len(), pack.resources.len());
        let free = ResourceView { free: true, ..Default::default() }.results(&pack, &index, &none, &Profile::default());
        assert!(!free.is_empty() && free.len() < all.len());
        assert!(free.iter().all(|i| pack.resources[*i].cost.as_deref() == Some("free")));
        let funding = ResourceView::from_query("kind=funding").results(&pack, &index, &none, &Profile::default());
        assert!(!funding.is_empty() && funding.iter().all(|i| pack.resources[*i].kind == "funding"));
        let arabic = ResourceView::from_query("help_in=ar").results(&pack, &index, &none, &Profile::default());
        assert!(!arabic.is_empty() && arabic.iter().all(|i| pack.resources[*i].languages.contains(&"ar".to_string())));
        let green = ResourceView::from_query("green=1").results(&pack, &index, &none, &Profile::default());
        assert!(!green.is_empty());
        let step = &pack.step("register-business").unwrap().resources;
        let for_step = ResourceView::from_query("step=register-business").results(&pack, &index, &none, &Profile::default());
        assert_eq!(for_step.len(), step.len());
        let mine: BTreeSet<String> = [saved_key("no", &pack.resources[3].id)].into();
        assert_eq!(ResourceView::from_query("mine=1").results(&pack, &index, &mine, &Profile::default()), vec![3]);
        // Search words and a filter together: every hit passes the filter.
        let both = ResourceView::from_query("q=tax&free=1").results(&pack, &index, &none, &Profile::default());
        assert!(!both.is_empty() && both.iter().all(|i| free.contains(i)));
    }

    #[test]
    fn the_founders_own_help_comes_first() {
        let pack = sample_pack();
        let index = SearchIndex::new(&resource_docs(&pack));
        let profile = Profile { town: Some("bergen".into()), ..Default::default() };
        let got = ResourceView::default().results(&pack, &index, &BTreeSet::new(), &profile);
        assert_eq!(got.len(), pack.resources.len(), "ordering never hides anything");
        let first = &pack.resources[got[0]];
        assert!(serves(&pack, first, "bergen") && !(first.towns.is_empty() && first.regions.is_empty()), "{}", first.id);
    }

    #[test]
    fn a_town_gets_its_own_help_its_region_and_the_whole_country() {
        for pack in real_packs() {
            let index = SearchIndex::new(&resource_docs(&pack));
            let national = pack.resources.iter().filter(|r| r.towns.is_empty() && r.regions.is_empty()).count();
            for town in &pack.meta.towns {
                let got = ResourceView { place: Some(town.id.clone()), ..Default::default() }.results(&pack, &index, &BTreeSet::new(), &Profile::default());
                assert!(got.len() >= national, "{}: national resources always included", town.id);
                for i in &got {
                    let r = &pack.resources[*i];
                    let local = r.towns.contains(&town.id) || r.regions.contains(&town.region);
                    let everywhere = r.towns.is_empty() && r.regions.is_empty();
                    assert!(
                        local || everywhere || r.towns.iter().any(|t| pack.meta.towns.iter().any(|x| &x.id == t && x.region == town.region)),
                        "{} should not list {}",
                        town.id,
                        r.id
                    );
                }
                // Every resource naming the town is there.
                for (i, r) in pack.resources.iter().enumerate() {
                    if r.towns.contains(&town.id) {
                        assert!(got.contains(&i), "{} misses {}", town.id, r.id);
                    }
                }
            }
        }
        // Bergen is in Vestland: a Vestland resource is listed for Bergen.
        let pack = sample_pack();
        let vestland = pack.resources.iter().position(|r| r.regions.contains(&"vestland".to_string()) && r.towns.is_empty());
        if let Some(i) = vestland {
            assert!(serves(&pack, &pack.resources[i], "bergen"));
            assert!(!serves(&pack, &pack.resources[i], "oslo"));
        }
    }
}
