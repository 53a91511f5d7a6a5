//! The interface's words for the content's ids: statuses, kinds, topics, sectors, costs,
//! residence answers, the reasons a step is shown, and a step's facts.

use crate::domain::content::Step;
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::state::StepStatus;

pub fn status_label(status: StepStatus) -> String {
    match status {
        StepStatus::NotStarted => tr::status_not_started(),
        StepStatus::InProgress => tr::status_in_progress(),
        StepStatus::Waiting => tr::status_waiting(),
        StepStatus::Done => tr::status_done(),
        StepStatus::NotRelevant => tr::status_not_relevant(),
    }
}

pub const STATUSES: [StepStatus; 5] = [StepStatus::NotStarted, StepStatus::InProgress, StepStatus::Waiting, StepStatus::Done, StepStatus::NotRelevant];

pub fn status_id(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "not-started",
        StepStatus::InProgress => "in-progress",
        StepStatus::Waiting => "waiting",
        StepStatus::Done => "done",
        StepStatus::NotRelevant => "not-relevant",
    }
}

pub fn kind_label(kind: &str) -> String {
    match kind {
        "official-service" => tr::kind_official_service(),
        "free-advice" => tr::kind_free_advice(),
        "course" => tr::kind_course(),
        "funding" => tr::kind_funding(),
        "network" => tr::kind_network(),
        "tool" => tr::kind_tool(),
        "template" => tr::kind_template(),
        "legal-help" => tr::kind_legal_help(),
        _ => tr::kind_other(),
    }
}

/// Topic names for the topic vocabulary of `content::TOPICS`.
pub fn topic_label(topic: &str) -> String {
    match topic {
        "residence" => tr::topic_residence(),
        "business-idea" => tr::topic_business_idea(),
        "market" => tr::topic_market(),
        "business-plan" => tr::topic_business_plan(),
        "legal-form" => tr::topic_legal_form(),
        "name" => tr::topic_name(),
        "registration" => tr::topic_registration(),
        "tax" => tr::topic_tax(),
        "vat" => tr::topic_vat(),
        "bookkeeping" => tr::topic_bookkeeping(),
        "banking" => tr::topic_banking(),
        "insurance" => tr::topic_insurance(),
        "social-security" => tr::topic_social_security(),
        "pension" => tr::topic_pension(),
        "permits" => tr::topic_permits(),
        "recognition" => tr::topic_recognition(),
        "funding" => tr::topic_funding(),
        "microcredit" => tr::topic_microcredit(),
        "hiring" => tr::topic_hiring(),
        "advice" => tr::topic_advice(),
        "courses" => tr::topic_courses(),
        "mentoring" => tr::topic_mentoring(),
        "networking" => tr::topic_networking(),
        "language" => tr::topic_language(),
        "discrimination" => tr::topic_discrimination(),
        "legal-help" => tr::topic_legal_help(),
        "green" => tr::topic_green(),
        "digital" => tr::topic_digital(),
        other => other.to_string(),
    }
}

/// Plain names for the sector vocabulary of `content::SECTORS`.
pub fn sector_label(sector: &str) -> String {
    match sector {
        "green" => tr::sector_green(),
        "food" => tr::sector_food(),
        "construction" => tr::sector_construction(),
        "cleaning" => tr::sector_cleaning(),
        "transport" => tr::sector_transport(),
        "crafts" => tr::sector_crafts(),
        "retail" => tr::sector_retail(),
        "care" => tr::sector_care(),
        "beauty" => tr::sector_beauty(),
        "it" => tr::sector_it(),
        "creative" => tr::sector_creative(),
        "agriculture" => tr::sector_agriculture(),
        "tourism" => tr::sector_tourism(),
        other => other.to_string(),
    }
}

pub fn cost_label(cost: &str) -> String {
    match cost {
        "free" => tr::cost_free(),
        "paid" => tr::cost_paid(),
        "mixed" => tr::cost_mixed(),
        _ => tr::cost_unknown(),
    }
}

/// A residence answer, in the interface language.
pub fn residence_label(r: crate::domain::state::Residence) -> String {
    use crate::domain::state::Residence;
    match r {
        Residence::Eu => tr::residence_eu(),
        Residence::PermitAllows => tr::residence_permit(),
        Residence::Protection => tr::residence_protection(),
        Residence::NotSure => tr::residence_not_sure(),
        Residence::Other => tr::residence_other(),
    }
}

/// "Shown because …", in the interface language.
pub fn why_label(why: &plan::Why) -> String {
    match why {
        plan::Why::Permit => tr::why_permit(),
        plan::Why::EuCitizen => tr::why_eu(),
        plan::Why::Protection => tr::why_protection(),
        plan::Why::LegalForm(name) => tr::why_form(name),
        plan::Why::Sector(sectors) => tr::why_sector(&sectors.iter().map(|s| sector_label(s)).collect::<Vec<_>>().join(", ")),
        plan::Why::Hiring => tr::why_hiring(),
    }
}

/// A step's facts that the pack gives (who handles it, cost, time, deadline), labelled.
pub fn step_facts(step: &Step) -> Vec<(String, String)> {
    [
        (tr::fact_authority(), step.authority.clone()),
        (tr::fact_cost(), step.cost.clone()),
        (tr::fact_time(), step.time.clone()),
        (tr::fact_deadline(), step.deadline.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}
