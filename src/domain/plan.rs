//! A founder's path through a pack: which steps apply to them, where they are, how far along.

use std::collections::BTreeMap;

use super::content::{Pack, Step};
use super::state::{Profile, Residence, StepProgress, StepStatus};

/// One country's progress, per step id.
pub type Progress = BTreeMap<String, StepProgress>;

/// Whether a step applies to someone with this profile. An unanswered question never hides a
/// step: only an answer that rules it out does.
pub fn applies_to(step: &Step, profile: &Profile) -> bool {
    let a = &step.applies;
    let residence_ok = match (a.residence.as_deref(), profile.residence) {
        (Some("eu"), Some(Residence::PermitAllows | Residence::Protection | Residence::Other)) => false,
        (Some("protection"), Some(Residence::Eu | Residence::PermitAllows | Residence::Other)) => false,
        (Some("non-eu"), Some(Residence::Eu)) => false,
        _ => true,
    };
    let form_ok = a.legal_forms.is_empty() || profile.legal_form.as_ref().is_none_or(|f| a.legal_forms.iter().any(|x| x == f));
    let sector_ok = a.sectors.is_empty() || profile.sectors.is_empty() || a.sectors.iter().any(|s| profile.sectors.contains(s));
    let hiring_ok = match (a.employees, profile.hiring) {
        (Some(need), Some(plans)) => need == plans,
        _ => true,
    };
    residence_ok && form_ok && sector_ok && hiring_ok
}

/// A step's status in this progress.
pub fn status(progress: Option<&Progress>, step: &str) -> StepStatus {
    progress.and_then(|p| p.get(step)).map(|p| p.status).unwrap_or_default()
}

/// Done, or marked as not relevant.
pub fn finished(status: StepStatus) -> bool {
    matches!(status, StepStatus::Done | StepStatus::NotRelevant)
}

/// Steps in the order a founder takes them: phase by phase, in pack order within a phase.
pub fn ordered(pack: &Pack) -> Vec<&Step> {
    pack.meta.phases.iter().flat_map(|ph| pack.phase_steps(&ph.id)).collect()
}

/// What to do next: the first step that applies to the profile and is not finished. A step
/// already in progress or waiting comes first, so work under way is not pushed aside by an
/// earlier optional step.
pub fn current_step<'a>(pack: &'a Pack, progress: Option<&Progress>, profile: &Profile) -> Option<&'a Step> {
    let open: Vec<&Step> = ordered(pack).into_iter().filter(|s| applies_to(s, profile) && !finished(status(progress, &s.id))).collect();
    open.iter()
        .find(|s| matches!(status(progress, &s.id), StepStatus::InProgress | StepStatus::Waiting))
        .or_else(|| open.iter().find(|s| !s.optional))
        .or(open.first())
        .copied()
}

/// A step's number, the same in every view (checklist, step page, shared plan, print): a step
/// joined to the one before it ("and" / "or", as in the GOV.UK step-by-step pattern) shares
/// that step's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepNumber {
    pub number: usize,
    pub join: Option<super::content::Join>,
}

/// The number of every step of the pack, by step id.
pub fn numbers(pack: &Pack) -> BTreeMap<String, StepNumber> {
    let mut number = 0;
    ordered(pack)
        .into_iter()
        .map(|s| {
            if s.join.is_none() || number == 0 {
                number += 1;
            }
            (s.id.clone(), StepNumber { number, join: s.join })
        })
        .collect()
}

/// Finished and total steps, among those given that apply to the profile.
pub fn count<'a>(steps: impl IntoIterator<Item = &'a Step>, progress: Option<&Progress>, profile: &Profile) -> (usize, usize) {
    steps.into_iter().filter(|s| applies_to(s, profile)).fold((0, 0), |(done, all), s| (done + finished(status(progress, &s.id)) as usize, all + 1))
}

/// Where a founder stands in a pack: finished and total steps that apply to them, and the
/// current step.
pub struct Standing<'a> {
    pub done: usize,
    pub total: usize,
    pub current: Option<&'a Step>,
}

pub fn standing<'a>(pack: &'a Pack, progress: Option<&Progress>, profile: &Profile) -> Standing<'a> {
    let (done, total) = count(&pack.steps, progress, profile);
    Standing { done, total, current: current_step(pack, progress, profile) }
}

/// Steps with a due date the founder set, not finished yet, soonest first.
pub fn due_dates<'a>(pack: &'a Pack, progress: Option<&Progress>) -> Vec<(&'a Step, String)> {
    let mut out: Vec<(&Step, String)> = ordered(pack)
        .into_iter()
        .filter_map(|s| {
            let p = progress?.get(&s.id)?;
            let due = p.due.clone().filter(|d| !d.is_empty())?;
            (!finished(p.status)).then_some((s, due))
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Notes and ticks kept for step ids the pack no longer has (a content update removed or
/// renamed the step). They are shown, never dropped.
pub fn orphans<'a>(pack: &Pack, progress: Option<&'a Progress>) -> Vec<(&'a str, &'a StepProgress)> {
    progress
        .into_iter()
        .flatten()
        .filter(|(id, p)| pack.step(id).is_none() && (!p.note.trim().is_empty() || !p.tasks.is_empty() || p.due.is_some()))
        .map(|(id, p)| (id.as_str(), p))
        .collect()
}

/// Why a step is in this founder's checklist: an answer that put it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// "Shown because you live here on a residence permit".
    Permit,
    /// "… you are an EU, EEA or Swiss citizen".
    EuCitizen,
    /// "… you have temporary or collective protection".
    Protection,
    /// "… you chose: {legal form's name}".
    LegalForm(String),
    /// "… of your business sector: food, cleaning" (the sectors of the profile the step is for).
    Sector(Vec<String>),
    /// "… you plan to hire staff".
    Hiring,
}

/// Why a step is in this founder's checklist: the answers that put it there. Empty for steps
/// everyone needs.
pub fn why_shown(pack: &Pack, step: &Step, profile: &Profile) -> Vec<Why> {
    let a = &step.applies;
    let mut why = vec![];
    if a.residence.as_deref() == Some("non-eu") && matches!(profile.residence, Some(Residence::PermitAllows | Residence::Other | Residence::NotSure)) {
        why.push(Why::Permit);
    }
    if matches!(a.residence.as_deref(), Some("non-eu" | "protection")) && profile.residence == Some(Residence::Protection) {
        why.push(Why::Protection);
    }
    if a.residence.as_deref() == Some("eu") && profile.residence == Some(Residence::Eu) {
        why.push(Why::EuCitizen);
    }
    if let Some(f) = profile.legal_form.as_ref().filter(|f| a.legal_forms.contains(f)) {
        let name = pack.meta.legal_forms.iter().find(|x| &x.id == f).map(|x| x.name.as_str()).unwrap_or(f);
        why.push(Why::LegalForm(name.to_string()));
    }
    let sectors: Vec<String> = a.sectors.iter().filter(|s| profile.sectors.contains(*s)).cloned().collect();
    if !sectors.is_empty() {
        why.push(Why::Sector(sectors));
    }
    if a.employees == Some(true) && profile.hiring == Some(true) {
        why.push(Why::Hiring);
    }
    why
}

/// A reason the chooser gives for a legal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// "made for starting together with partners"
    Partners,
    /// "you can run it alone"
    Alone,
    /// "your private money is protected if the business gets into debt"
    Protected,
    /// "cheap and simple to start"
    Cheap,
    /// "simple rules for a business with small risks"
    Simple,
    /// "investors can buy a share"
    Investors,
}

/// The price of a suggested form, which the chooser always says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TradeOff {
    /// The owners answer for the business's debts with everything they own (the pack's
    /// `liability` text says how).
    PersonalLiability,
    /// Private money is protected, but the form costs more to set up and run: share capital,
    /// a notary or registration fees, stricter accounts (the pack's `min_capital` text says how much).
    CostAndRules,
}

/// An answer of the founder's that the suggested form does not fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misfit {
    /// The form is not made for one founder alone.
    Alone,
    /// The form is not made for partners.
    Partners,
    /// Investors cannot buy a share.
    Investors,
    /// The founder expects big risks, but the form does not protect private money.
    Risk,
}

/// What the legal-form chooser says.
#[derive(Clone, Debug, PartialEq)]
pub enum Advice<'a> {
    /// Answer "alone or with partners?" first: it decides which forms are possible at all.
    AskPartners,
    /// The form that fits the answers best, why, what it costs the founder, and any answer it
    /// does not fit (when no form of the pack fits them all, the nearest one, said plainly).
    Suggest { form: &'a super::content::LegalForm, reasons: Vec<Reason>, trade_off: TradeOff, misfits: Vec<Misfit> },
    /// The pack has no legal forms.
    NoForms,
}

/// Whether a legal form protects the owners' private money, as its pack says.
pub fn limited_liability(form: &super::content::LegalForm) -> bool {
    form.limited_liability == Some(true)
}

/// The legal-form chooser: weighs the founder's answers (alone or with partners, big risks,
/// investors) against the facts in the pack (`good_for`). A form that does not fit an answer
/// about partners or investors is only suggested when no form fits, and then says so; big
/// risks weigh heavily towards a form that protects private money; every suggestion names its
/// trade-off.
pub fn choose_form<'a>(pack: &'a Pack, profile: &Profile) -> Advice<'a> {
    let Some(partners) = profile.partners else {
        return if pack.meta.legal_forms.is_empty() { Advice::NoForms } else { Advice::AskPartners };
    };
    let scored = pack.meta.legal_forms.iter().map(|f| {
        let has = |tag: &str| f.good_for.iter().any(|g| g == tag);
        let limited = limited_liability(f);
        let mut score = 0;
        let mut reasons = vec![];
        let mut misfits = vec![];
        if partners {
            if has("partners") {
                score += 3;
                reasons.push(Reason::Partners);
            } else {
                misfits.push(Misfit::Partners);
            }
        } else if has("alone") {
            score += 3;
            reasons.push(Reason::Alone);
        } else {
            misfits.push(Misfit::Alone);
        }
        match profile.high_risk {
            Some(true) if limited => {
                score += 6;
                reasons.push(Reason::Protected);
            }
            Some(true) => misfits.push(Misfit::Risk),
            Some(false) if has("small-start") => {
                score += 2;
                reasons.push(Reason::Cheap);
            }
            Some(false) if has("low-risk") => {
                score += 1;
                reasons.push(Reason::Simple);
            }
            // Not sure: a protected form counts for a little.
            None if limited => {
                score += 1;
                reasons.push(Reason::Protected);
            }
            None if has("small-start") => {
                score += 1;
                reasons.push(Reason::Cheap);
            }
            _ => {}
        }
        match profile.investors {
            Some(true) if has("investors") => {
                score += 3;
                reasons.push(Reason::Investors);
            }
            Some(true) => {
                misfits.push(Misfit::Investors);
                // Investors put money into a company: a protected form is nearer.
                if limited {
                    score += 2;
                }
            }
            _ => {}
        }
        let trade_off = if limited { TradeOff::CostAndRules } else { TradeOff::PersonalLiability };
        (misfits.len(), score, f, reasons, trade_off, misfits)
    });
    // Fewest misfits, then the highest score; the first such form wins, so ties keep the
    // pack's order (simplest form first).
    let best = scored.fold(None, |best: Option<(usize, i32, _, _, _, _)>, x| match &best {
        Some(b) if (b.0, -b.1) <= (x.0, -x.1) => best,
        _ => Some(x),
    });
    match best {
        Some((_, _, form, reasons, trade_off, misfits)) => Advice::Suggest { form, reasons, trade_off, misfits },
        None => Advice::NoForms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::tests::sample_pack;

    fn prog(pairs: &[(&str, StepStatus)]) -> Progress {
        pairs.iter().map(|(id, s)| (id.to_string(), StepProgress { status: *s, ..Default::default() })).collect()
    }

    #[test]
    fn unanswered_questions_hide_nothing() {
        let pack = sample_pack();
        let p = Profile::default();
        assert!(pack.steps.iter().all(|s| applies_to(s, &p)));
    }

    #[test]
    fn answers_rule_steps_out() {
        let mut pack = sample_pack();
        let step = &mut pack.steps[0];
        step.applies.residence = Some("non-eu".into());
        step.applies.legal_forms = vec!["enk".into()];
        let mut p = Profile { residence: Some(Residence::Eu), ..Default::default() };
        assert!(!applies_to(&pack.steps[0], &p));
        p.residence = Some(Residence::NotSure);
        assert!(applies_to(&pack.steps[0], &p), "not sure keeps the step");
        p.legal_form = Some("as".into());
        assert!(!applies_to(&pack.steps[0], &p));
        p.legal_form = Some("enk".into());
        assert!(applies_to(&pack.steps[0], &p));
        pack.steps[0].applies.employees = Some(true);
        p.hiring = Some(false);
        assert!(!applies_to(&pack.steps[0], &p));
        p.hiring = None;
        assert!(applies_to(&pack.steps[0], &p));
    }

    #[test]
    fn joined_steps_share_the_number_of_the_step_before() {
        use crate::domain::content::Join;
        let mut pack = sample_pack();
        let ids: Vec<String> = ordered(&pack).iter().map(|s| s.id.clone()).collect();
        for s in pack.steps.iter_mut() {
            s.join = None;
        }
        let second = pack.steps.iter_mut().find(|s| s.id == ids[2]).unwrap();
        second.join = Some(Join::Or);
        let n = numbers(&pack);
        assert_eq!(n.len(), pack.steps.len());
        assert_eq!([n[&ids[0]].number, n[&ids[1]].number, n[&ids[2]].number, n[&ids[3]].number], [1, 2, 2, 3]);
        assert_eq!(n[&ids[2]].join, Some(Join::Or));
        assert_eq!(n[ids.last().unwrap()].number, pack.steps.len() - 1);
    }

    #[test]
    fn due_dates_come_soonest_first_and_leave_finished_steps_out() {
        let pack = sample_pack();
        let ids: Vec<String> = ordered(&pack).iter().map(|s| s.id.clone()).collect();
        let mut progress = prog(&[(&ids[0], StepStatus::InProgress), (&ids[1], StepStatus::Done), (&ids[2], StepStatus::NotStarted)]);
        progress.get_mut(&ids[0]).unwrap().due = Some("2027-03-01".into());
        progress.get_mut(&ids[1]).unwrap().due = Some("2027-01-01".into());
        progress.get_mut(&ids[2]).unwrap().due = Some("2027-02-01".into());
        let list = due_dates(&pack, Some(&progress));
        let due: Vec<(&str, &str)> = list.iter().map(|(s, d)| (s.id.as_str(), d.as_str())).collect();
        assert_eq!(due.len(), 2);
        assert_eq!(due[0], (ids[2].as_str(), "2027-02-01"));
        assert_eq!(due[1].0, ids[0].as_str());
        assert!(due_dates(&pack, None).is_empty());
    }

    #[test]
    fn a_sector_step_says_which_sector_put_it_there() {
        let mut pack = sample_pack();
        pack.steps[0].applies.sectors = vec!["food".into(), "retail".into()];
        let p = Profile { sectors: ["food".to_string(), "it".to_string()].into(), ..Default::default() };
        assert_eq!(why_shown(&pack, &pack.steps[0], &p), vec![Why::Sector(vec!["food".into()])]);
        let other = Profile { sectors: ["it".to_string()].into(), ..Default::default() };
        assert!(!applies_to(&pack.steps[0], &other), "another sector's step is left out");
    }

    #[test]
    fn protection_steps_are_for_people_under_protection() {
        let mut pack = sample_pack();
        pack.steps[0].applies.residence = Some("protection".into());
        pack.steps[1].applies.residence = Some("non-eu".into());
        pack.steps[2].applies.residence = Some("eu".into());
        let with = |r: Option<Residence>| Profile { residence: r, ..Default::default() };
        let shown = |r| [0, 1, 2].map(|i| applies_to(&pack.steps[i], &with(r)));
        assert_eq!(shown(Some(Residence::Protection)), [true, true, false]);
        assert_eq!(shown(Some(Residence::PermitAllows)), [false, true, false]);
        assert_eq!(shown(Some(Residence::Eu)), [false, false, true]);
        assert_eq!(shown(Some(Residence::NotSure)), [true, true, true], "not sure hides nothing");
        assert_eq!(shown(None), [true, true, true]);
        assert_eq!(why_shown(&pack, &pack.steps[0], &with(Some(Residence::Protection))), vec![Why::Protection]);
        assert_eq!(why_shown(&pack, &pack.steps[1], &with(Some(Residence::Protection))), vec![Why::Protection]);
        for r in Residence::ALL {
            assert_eq!(Residence::from_value(r.value()), Some(r));
        }
    }

    #[test]
    fn current_step_is_the_first_open_one_or_work_under_way() {
        let pack = sample_pack();
        let ids: Vec<&str> = ordered(&pack).iter().map(|s| s.id.as_str()).collect();
        assert!(ids.len() >= 2);
        let p = Profile::default();
        assert_eq!(current_step(&pack, None, &p).map(|s| s.id.as_str()), Some(ids[0]));
        let done = prog(&[(ids[0], StepStatus::Done)]);
        assert_eq!(current_step(&pack, Some(&done), &p).map(|s| s.id.as_str()), Some(ids[1]));
        let busy = prog(&[(ids[1], StepStatus::Waiting)]);
        assert_eq!(current_step(&pack, Some(&busy), &p).map(|s| s.id.as_str()), Some(ids[1]));
        let all: Progress = prog(&ids.iter().map(|i| (*i, StepStatus::NotRelevant)).collect::<Vec<_>>());
        assert_eq!(current_step(&pack, Some(&all), &p), None);
        assert_eq!(count(&pack.steps, Some(&all), &p), (ids.len(), ids.len()));
        assert_eq!(count(&pack.steps, Some(&done), &p), (1, ids.len()));
        // Steps an answer rules out are not counted.
        let eu = Profile { residence: Some(Residence::Eu), ..Default::default() };
        let ruled_out = pack.steps.iter().filter(|s| !applies_to(s, &eu)).count();
        assert!(ruled_out > 0);
        let st = standing(&pack, Some(&done), &eu);
        assert_eq!((st.done, st.total), (1, ids.len() - ruled_out));
        assert_eq!(st.current.map(|s| s.id.as_str()), current_step(&pack, Some(&done), &eu).map(|s| s.id.as_str()));
    }

    #[test]
    fn the_page_says_why_a_step_is_shown() {
        let pack = sample_pack();
        let hiring = pack.steps.iter().find(|s| s.applies.employees == Some(true)).expect("a step for employers");
        let p = Profile { hiring: Some(true), ..Default::default() };
        assert_eq!(why_shown(&pack, hiring, &p), vec![Why::Hiring]);
        assert!(why_shown(&pack, hiring, &Profile::default()).is_empty());
        let permit = pack.step("residence-permit").unwrap();
        let p = Profile { residence: Some(Residence::PermitAllows), ..Default::default() };
        assert_eq!(why_shown(&pack, permit, &p).len(), 1);
    }

    fn suggested<'a, 'b>(advice: &'b Advice<'a>) -> (&'a str, &'b [Reason], TradeOff, &'b [Misfit]) {
        match advice {
            Advice::Suggest { form, reasons, trade_off, misfits } => (form.id.as_str(), reasons, *trade_off, misfits),
            other => panic!("no suggestion: {other:?}"),
        }
    }

    #[test]
    fn the_chooser_recommends_with_reasons() {
        let pack = sample_pack();
        assert_eq!(choose_form(&pack, &Profile::default()), Advice::AskPartners, "alone or with partners comes first");
        let alone_small = Profile { partners: Some(false), high_risk: Some(false), ..Default::default() };
        let advice = choose_form(&pack, &alone_small);
        let (form, reasons, trade_off, misfits) = suggested(&advice);
        assert_eq!(form, "enk");
        assert!(reasons.contains(&Reason::Alone));
        assert_eq!(trade_off, TradeOff::PersonalLiability, "a sole proprietorship always says what it risks");
        assert!(misfits.is_empty());
        let investors = Profile { partners: Some(true), high_risk: Some(true), investors: Some(true), ..Default::default() };
        assert_eq!(suggested(&choose_form(&pack, &investors)).0, "as");
        let partners_small = Profile { partners: Some(true), high_risk: Some(false), ..Default::default() };
        assert_eq!(suggested(&choose_form(&pack, &partners_small)).0, "ans");
    }

    /// Every combination of answers (alone or with partners, big risks, investors: yes, no or
    /// not sure) for both real packs: the table of what the chooser suggests, and the rules it
    /// must keep whatever the pack says.
    #[test]
    fn the_chooser_weighs_every_combination_of_answers_in_both_countries() {
        use crate::domain::content::tests::real_packs;
        let answers = [None, Some(true), Some(false)];
        // (country, partners, big risks, investors) -> the suggested form, for every answered combination.
        let table: &[(&str, bool, bool, bool, &str)] = &[
            ("no", false, true, true, "as"),
            ("no", false, true, false, "as"),
            ("no", false, false, true, "as"),
            ("no", false, false, false, "enk"),
            ("no", true, true, true, "as"),
            ("no", true, true, false, "as"),
            ("no", true, false, true, "as"),
            ("no", true, false, false, "ans"),
            ("de", false, true, true, "ug"),
            ("de", false, true, false, "ug"),
            ("de", false, false, true, "ug"),
            ("de", false, false, false, "einzelunternehmen"),
            ("de", true, true, true, "gmbh"),
            ("de", true, true, false, "ug"),
            ("de", true, false, true, "gmbh"),
            ("de", true, false, false, "gbr"),
        ];
        let packs = real_packs();
        let mut checked = 0;
        for pack in packs.iter().filter(|p| p.meta.id == "no" || p.meta.id == "de") {
            for partners in answers {
                for high_risk in answers {
                    for investors in answers {
                        let p = Profile { partners, high_risk, investors, ..Default::default() };
                        let advice = choose_form(pack, &p);
                        let Some(alone_or_not) = partners else {
                            assert_eq!(advice, Advice::AskPartners, "{} {p:?}", pack.meta.id);
                            continue;
                        };
                        checked += 1;
                        let (id, reasons, trade_off, misfits) = suggested(&advice);
                        let form = pack.meta.legal_forms.iter().find(|f| f.id == id).unwrap();
                        let at = format!("{} {p:?}: {id}", pack.meta.id);
                        // The trade-off follows the form's liability, always.
                        assert_eq!(trade_off == TradeOff::PersonalLiability, !limited_liability(form), "{at}");
                        // Big risks: a protected form, or a plain word that it is not.
                        if high_risk == Some(true) {
                            assert!(limited_liability(form) || misfits.contains(&Misfit::Risk), "{at}");
                            assert!(pack.meta.legal_forms.iter().all(|f| !limited_liability(f)) || limited_liability(form), "{at}: a protected form exists");
                        }
                        // A reason for every fitting answer, a misfit for every other.
                        let tag = if alone_or_not { "partners" } else { "alone" };
                        assert_eq!(form.good_for.iter().any(|g| g == tag), !misfits.iter().any(|m| matches!(m, Misfit::Alone | Misfit::Partners)), "{at}");
                        if investors == Some(true) {
                            assert_eq!(form.good_for.iter().any(|g| g == "investors"), reasons.contains(&Reason::Investors), "{at}");
                            assert_eq!(reasons.contains(&Reason::Investors), !misfits.contains(&Misfit::Investors), "{at}");
                        }
                        assert!(!reasons.is_empty() || !misfits.is_empty(), "{at}: says why");
                        if let (Some(r), Some(i)) = (high_risk, investors) {
                            let want = table.iter().find(|t| t.0 == pack.meta.id && t.1 == alone_or_not && t.2 == r && t.3 == i).unwrap().4;
                            assert_eq!(id, want, "{at}");
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 2 * 2 * 9, "every answered combination of both countries");
    }

    #[test]
    fn orphaned_notes_are_found_and_empty_entries_ignored() {
        let pack = sample_pack();
        let mut progress = prog(&[("gone-step", StepStatus::Done), ("empty-gone", StepStatus::Done)]);
        progress.get_mut("gone-step").unwrap().note = "Call the tax office on Monday".into();
        progress.insert(pack.steps[0].id.clone(), StepProgress { note: "kept".into(), ..Default::default() });
        let found = orphans(&pack, Some(&progress));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "gone-step");
        assert_eq!(found[0].1.note, "Call the tax office on Monday");
    }
}
