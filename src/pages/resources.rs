use std::sync::Arc;

use crate::router::{use_location, use_navigate, NavigateOptions};
use leptos::prelude::*;

use crate::components::controls::{choice, select, OnChange};
use crate::components::title::Title;
use crate::domain::search::{resource_docs_with, SearchIndex};

use crate::components::country::country_or_picker;
use crate::components::labels::{cost_label, kind_label, sector_label, topic_label};
use crate::domain::content::{Pack, Resource, RESOURCE_KINDS, SECTORS, TOPICS};
use crate::domain::filter::{place_choices, Filter, ResourceView, Widen};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::language::{language_name, pack_country};
use crate::routes::Page;
use crate::state::use_app;

/// `/resources` (choose a country) and `/resources/:country` (its resources, by kind).
#[component]
pub fn Resources() -> impl IntoView {
    country_or_picker(tr::nav_resources, tr::resources_heading, |c| Page::Resources(Some(c)), |pack| view! { <ResourceList pack /> }.into_any())
}

#[component]
fn ResourceList(
    /// The country pack whose resources to list.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let title = tr::resources_in(&pack_country(&pack));
    let country = pack.meta.id.clone();
    // Built once per pack load; every keystroke only queries it.
    // Kinds, topics and sectors are also found by their names in the interface language.
    let labels = |id: &str| {
        let mut names = vec![];
        if RESOURCE_KINDS.contains(&id) {
            names.push(kind_label(id));
        }
        if TOPICS.contains(&id) {
            names.push(topic_label(id));
        }
        if SECTORS.contains(&id) {
            names.push(sector_label(id));
        }
        names
    };
    let index = Arc::new(SearchIndex::new(&resource_docs_with(&pack, &labels)));
    let location = use_location();
    // The view lives in the URL: a link opens it, the back button restores the one before.
    let view_now = {
        let pack = pack.clone();
        Memo::new(move |_| ResourceView::from_query(&location.search.get()).known_in(&pack))
    };
    let navigate = use_navigate();
    let list_page = Page::Resources(Some(country.clone())).path();
    // Typing refines one view (replace); a filter makes a new view (push).
    let go: Go = Arc::new(move |v: ResourceView, replace: bool| {
        navigate(&format!("{list_page}{}", v.to_query()), NavigateOptions { replace, scroll: false });
    });
    // A founder who gave their town starts there (a link that names a view keeps its own).
    {
        let start = view_now.get_untracked();
        let home = app.saved.with_untracked(|s| start.clone().start_at_home(&pack, &s.profile));
        if home != start {
            go(home, true);
        }
    }
    let change = |f: fn(&mut ResourceView, String)| edit(view_now, go.clone(), f);
    let tick = |f: fn(&mut ResourceView, bool)| edit(view_now, go.clone(), f);
    // Memos, so a keystroke in the search does not touch every filter control.
    let value = move |f: fn(&ResourceView) -> &Option<String>| Signal::from(Memo::new(move |_| view_now.with(|v| f(v).clone().unwrap_or_default())));
    let flag = move |f: fn(&ResourceView) -> bool| Signal::from(Memo::new(move |_| view_now.with(f)));
    // Typing: the letter shows at once; the search and the new list follow after that paint, for
    // the newest text only (keys typed in between are taken together).
    let typed = StoredValue::new(None::<String>);
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let first = typed.with_value(Option::is_none);
            typed.set_value(Some(event_target_value(&ev)));
            if !first {
                return;
            }
            let go = go.clone();
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if let Some(q) = typed.try_update_value(Option::take).flatten() {
                            let mut v = view_now.get_untracked();
                            v.q = q;
                            go(v, true);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
    };
    let hits = {
        let (pack, index) = (pack.clone(), index.clone());
        Memo::new(move |_| app.saved.with(|s| view_now.with(|v| v.results(&pack, &index, &s.saved_resources, &s.profile))))
    };
    // A memo, so the results below are only rebuilt when the list changes between "grouped by
    // kind" and "search or filter results", not on every keystroke.
    let filtered = Memo::new(move |_| view_now.with(|v| !v.q.trim().is_empty() || v.active_filters() > 0));
    let filtered = move || filtered.get();
    let current = {
        let pack = pack.clone();
        let country = country.clone();
        Memo::new(move |_| app.saved.with(|s| plan::current_step(&pack, s.progress.get(&country), &s.profile).map(|st| (st.id.clone(), st.title.clone()))))
    };
    let my_count = {
        let prefix = format!("{country}/");
        move || app.saved.with(|s| s.saved_resources.iter().filter(|k| k.starts_with(&prefix)).count())
    };
    let initial = view_now.get_untracked();
    let any = |text: String| vec![(String::new(), text)];
    let kinds: Vec<_> = RESOURCE_KINDS.iter().filter(|k| pack.resources.iter().any(|r| r.kind == **k)).map(|k| (k.to_string(), kind_label(k))).collect();
    let topics: Vec<_> =
        TOPICS.iter().filter(|t| pack.resources.iter().any(|r| r.topics.iter().any(|x| x == *t))).map(|t| (t.to_string(), topic_label(t))).collect();
    let mut langs: Vec<&String> = pack.resources.iter().flat_map(|r| &r.languages).collect();
    langs.sort();
    langs.dedup();
    let langs: Vec<_> = langs.into_iter().map(|l| (l.clone(), language_name(l))).collect();
    let (towns, regions) = place_choices(&pack);
    let results = {
        let (pack, index, go) = (pack.clone(), index.clone(), go.clone());
        move || {
            let pack = pack.clone();
            if !filtered() {
                return (move || grouped(&pack, &hits.get())).into_any();
            }
            let count = {
                let total = pack.resources.len();
                move || {
                    let q = view_now.with(|v| v.q.trim().to_string());
                    match (hits.with(Vec::len), q.is_empty()) {
                        (0, _) => tr::no_results(),
                        (n, true) => tr::shown_of(total, n),
                        (n, false) => tr::found_for(n, &q),
                    }
                }
            };
            // Keyed by resource: a keystroke moves, adds and drops list items instead of
            // drawing the whole list again.
            // Nothing found: the nearest help, each a view with one filter less, named.
            let nearest =
                {
                    let (pack, index, go) = (pack.clone(), index.clone(), go.clone());
                    move || {
                        (hits.with(Vec::len) == 0).then(|| {
                            let near = app.saved.with(|s| view_now.with(|v| v.nearest(&pack, &index, &s.saved_resources, &s.profile, 4)));
                            (!near.is_empty()).then(|| view! {
                        <div class="nearest">
                            <p>{tr::nearest_help()}</p>
                            <ul>
                                {near.into_iter().map(|(w, v, n)| {
                                    let go = go.clone();
                                    let label = widen_label(&pack, &w, n);
                                    view! { <li><button type="button" class="link-button" on:click=move |_| go(v.clone(), false)>{label}</button></li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                        })
                    }
                };
            view! {
                <p class="result-count">{count}</p>
                {nearest}
                <ul class="resource-list">
                    <For each=move || hits.get() key=|i| *i children=move |i| item(&pack, &pack.resources[i]) />
                </ul>
            }
            .into_any()
        }
    };
    let count_for_screen_readers = move || filtered().then(|| tr::results(hits.with(Vec::len)));
    let clear = {
        let go = go.clone();
        move |_| go(ResourceView { q: view_now.get_untracked().q, ..Default::default() }, false)
    };
    // "For my current step": the link names the step, so it shows the same view to anyone.
    let step_box = {
        let go = go.clone();
        let pack = pack.clone();
        move || {
            {
                // The step in the link if there is one, else the user's current step.
                let linked = view_now.with(|v| v.step.clone()).and_then(|id| pack.step(&id).map(|s| (s.id.clone(), s.title.clone(), false)));
                linked.or_else(|| current.get().map(|(id, t)| (id, t, true)))
            }
            .map(|(id, step_title, mine)| {
                let go = go.clone();
                let label = if mine { tr::for_my_step(&step_title) } else { tr::for_step(&step_title) };
                choice(
                    false,
                    "filter-step".into(),
                    "step",
                    label.into_any(),
                    flag(|v| v.step.is_some()),
                    Arc::new(move |on: bool| {
                        let mut v = view_now.get_untracked();
                        v.step = on.then(|| id.clone());
                        go(v, false);
                    }),
                )
            })
        }
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{tr::resources_lead(pack.resources.len())}</p>
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="resource-search">{tr::search_resources()}</label>
            <input type="search" id="resource-search" autocomplete="off"
                placeholder=tr::search_placeholder()
                prop:value=move || view_now.with(|v| v.q.clone()) on:input=on_input />
        </form>
        <details class="filters" open={initial.active_filters() > 0}>
            <summary>{tr::filters()}{move || match view_now.with(ResourceView::active_filters) { 0 => String::new(), n => format!(" {}", tr::filters_on(n)) }}</summary>
            <div class="filter-grid">
                {select("filter-kind", tr::filter_kind().into_any(), value(|v| &v.kind), vec![(None, any(tr::any_kind())), (None, kinds)],
                    change(|v, x| v.kind = (!x.is_empty()).then_some(x)))}
                {select("filter-topic", tr::filter_topic().into_any(), value(|v| &v.topic), vec![(None, any(tr::any_topic())), (None, topics)],
                    change(|v, x| v.topic = (!x.is_empty()).then_some(x)))}
                {select("filter-place", tr::town_or_region().into_any(), value(|v| &v.place),
                    vec![(None, any(tr::anywhere())), (Some(tr::towns()), towns), (Some(tr::regions()), regions)],
                    change(|v, x| v.place = (!x.is_empty()).then_some(x)))}
                {select("filter-language", tr::filter_language().into_any(), value(|v| &v.help_in), vec![(None, any(tr::any_language())), (None, langs)],
                    change(|v, x| v.help_in = (!x.is_empty()).then_some(x)))}
            </div>
            <div class="filter-checks">
                {choice(false, "filter-free".into(), "free", tr::free_only().into_any(), flag(|v| v.free), tick(|v, on| v.free = on))}
                {choice(false, "filter-green".into(), "green", tr::for_green().into_any(), flag(|v| v.green), tick(|v, on| v.green = on))}
                {choice(false, "filter-mine".into(), "mine", (move || tr::only_my_list(my_count())).into_any(), flag(|v| v.mine), tick(|v, on| v.mine = on))}
                {step_box}
            </div>
            <button type="button" class="secondary" on:click=clear hidden=move || view_now.with(|v| v.active_filters() == 0)>{tr::clear_filters()}</button>
        </details>
        <p class="visually-hidden" role="status" aria-live="polite">{count_for_screen_readers}</p>
        {results}
    }
}

/// "Look in all of Buskerud (3 results)" / "Without “Help in Arabic” (5 results)".
fn widen_label(pack: &Pack, w: &Widen, n: usize) -> String {
    let filter = |f: &Filter| match f {
        Filter::Kind(k) => kind_label(k),
        Filter::Topic(t) => topic_label(t),
        Filter::Place(p) => pack.meta.towns.iter().find(|t| &t.id == p).map(|t| t.name.clone()).unwrap_or_else(|| pack.region_name(p)),
        Filter::HelpIn(l) => tr::help_in_language(&language_name(l)),
        Filter::Free => tr::free_only(),
        Filter::Green => tr::for_green(),
        Filter::Step(s) => pack.step(s).map(|s| tr::for_step(&s.title)).unwrap_or_default(),
        Filter::Mine => tr::filter_mine_name(),
    };
    match w {
        Widen::Region(g) => tr::widen_region(n, &pack.region_name(g)),
        Widen::Drop(f) => tr::drop_filter(n, &filter(f)),
        Widen::Words => tr::drop_words(n),
    }
}

/// Goes to a view of the resource bank; `true` replaces the current history entry.
type Go = Arc<dyn Fn(ResourceView, bool) + Send + Sync>;

/// A filter control's change handler: changes one field of the view and pushes the new view.
fn edit<T: 'static>(view_now: Memo<ResourceView>, go: Go, f: fn(&mut ResourceView, T)) -> OnChange<T> {
    Arc::new(move |x: T| {
        let mut v = view_now.get_untracked();
        f(&mut v, x);
        go(v, false);
    })
}

/// One resource in a list.
fn item(pack: &Pack, r: &Resource) -> AnyView {
    let place = if r.towns.is_empty() { tr::whole_country() } else { r.towns.iter().map(|t| pack.town_name(t)).collect::<Vec<_>>().join(", ") };
    let (tl, td) = crate::components::steps::text_lang(pack);
    view! {
        <li data-resource=r.id.clone()>
            <a href=Page::Resource { country: pack.meta.id.clone(), id: r.id.clone() }.href() lang=tl dir=td>{r.title.clone()}</a>
            <p class="meta">{kind_label(&r.kind)}" · "<bdi lang=pack.meta.local_language.clone()>{r.organisation.clone()}</bdi>
                {format!(" · {place}{}", r.cost.as_deref().map(|c| format!(" · {}", cost_label(c))).unwrap_or_default())}</p>
        </li>
    }
    .into_any()
}

/// Every resource, grouped by kind.
fn grouped(pack: &Pack, shown: &[usize]) -> impl IntoView {
    let shown: Vec<&Resource> = shown.iter().map(|i| &pack.resources[*i]).collect();
    RESOURCE_KINDS
        .iter()
        .filter(|k| shown.iter().any(|r| r.kind == **k))
        .map(|kind| {
            let heading = format!("kind-{kind}");
            let labelled = heading.clone();
            view! {
                <section aria-labelledby=labelled>
                    <h2 id=heading>{kind_label(kind)}</h2>
                    <ul class="resource-list">
                        {shown.iter().filter(|r| r.kind == *kind).map(|r| item(pack, r)).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}
