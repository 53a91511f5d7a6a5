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
        (Some("eu"), Some(Residence::PermitAllows | Residence::Other)) => false,
        (Some("non-eu"), Some(Residence::Eu)) => false,
        _ => true,
    };
    let form_ok = a.legal_forms.is_empty()
        || profile.legal_form.as_ref().is_none_or(|f| a.legal_forms.iter().any(|x| x == f));
    let sector_ok = a.sectors.is_empty()
        || profile.sectors.is_empty()
        || a.sectors.iter().any(|s| profile.sectors.contains(s));
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
    let open: Vec<&Step> = ordered(pack)
        .into_iter()
        .filter(|s| applies_to(s, profile) && !finished(status(progress, &s.id)))
        .collect();
    open.iter()
        .find(|s| matches!(status(progress, &s.id), StepStatus::InProgress | StepStatus::Waiting))
        .or_else(|| open.iter().find(|s| !s.optional))
        .or(open.first())
        .copied()
}

/// Finished and total steps, among those given that apply to the profile.
pub fn count<'a>(steps: impl IntoIterator<Item = &'a Step>, progress: Option<&Progress>, profile: &Profile) -> (usize, usize) {
    steps
        .into_iter()
        .filter(|s| applies_to(s, profile))
        .fold((0, 0), |(done, all), s| (done + finished(status(progress, &s.id)) as usize, all + 1))
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
    /// "… you chose: {legal form's name}".
    LegalForm(String),
    /// "… of your business sector".
    Sector,
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
    if a.residence.as_deref() == Some("eu") && profile.residence == Some(Residence::Eu) {
        why.push(Why::EuCitizen);
    }
    if let Some(f) = profile.legal_form.as_ref().filter(|f| a.legal_forms.contains(f)) {
        let name = pack.meta.legal_forms.iter().find(|x| &x.id == f).map(|x| x.name.as_str()).unwrap_or(f);
        why.push(Why::LegalForm(name.to_string()));
    }
    if a.sectors.iter().any(|s| profile.sectors.contains(s)) {
        why.push(Why::Sector);
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

/// The legal-form chooser's advice: the best fitting form of the pack and the reasons, from
/// the facts in the pack (`good_for`) and the founder's answers. `None` until an answer
/// tells the forms apart.
pub fn choose_form<'a>(pack: &'a Pack, profile: &Profile) -> Option<(&'a super::content::LegalForm, Vec<Reason>)> {
    let scored = pack.meta.legal_forms.iter().map(|f| {
        let has = |tag: &str| f.good_for.iter().any(|g| g == tag);
        let mut score = 0;
        let mut reasons = vec![];
        match profile.partners {
            Some(true) if has("partners") => { score += 3; reasons.push(Reason::Partners); }
            Some(true) => score -= 10,
            Some(false) if has("alone") => { score += 3; reasons.push(Reason::Alone); }
            Some(false) => score -= 10,
            None => {}
        }
        match profile.high_risk {
            Some(true) if has("high-risk") => { score += 2; reasons.push(Reason::Protected); }
            Some(true) if has("low-risk") => score -= 2,
            Some(false) if has("small-start") => { score += 2; reasons.push(Reason::Cheap); }
            Some(false) if has("low-risk") => { score += 1; reasons.push(Reason::Simple); }
            _ => {}
        }
        if profile.investors == Some(true) {
            if has("investors") { score += 3; reasons.push(Reason::Investors); } else { score -= 3; }
        }
        (score, f, reasons)
    });
    // The first best score wins, so ties keep the pack's order (simplest form first).
    let best = scored.fold(None, |best: Option<(i32, _, Vec<Reason>)>, x| match &best {
        Some(b) if b.0 >= x.0 => best,
        _ => Some(x),
    })?;
    (best.0 > 0).then_some((best.1, best.2))
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

    #[test]
    fn the_chooser_recommends_with_reasons() {
        let pack = sample_pack();
        assert!(choose_form(&pack, &Profile::default()).is_none(), "no answers, no advice");
        let alone_small = Profile { partners: Some(false), high_risk: Some(false), ..Default::default() };
        let (form, reasons) = choose_form(&pack, &alone_small).unwrap();
        assert_eq!(form.id, "enk");
        assert!(reasons.contains(&Reason::Alone));
        let investors = Profile { partners: Some(true), high_risk: Some(true), investors: Some(true), ..Default::default() };
        assert_eq!(choose_form(&pack, &investors).unwrap().0.id, "as");
        let partners_small = Profile { partners: Some(true), high_risk: Some(false), ..Default::default() };
        assert_eq!(choose_form(&pack, &partners_small).unwrap().0.id, "ans");
        // Every recommendation fits the answer about partners.
        for partners in [true, false] {
            let p = Profile { partners: Some(partners), ..Default::default() };
            let (form, _) = choose_form(&pack, &p).unwrap();
            assert!(form.good_for.iter().any(|g| g == if partners { "partners" } else { "alone" }));
        }
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
