//! The references of one pair file: people, goals, ratings, checklist items.

use std::collections::HashSet;
use std::path::Path;

use super::{Ctx, People};
use crate::diagnostic::{Code, Problem, Problems};
use crate::model::pair::PairFile;
use crate::model::{Phase, Role};

impl Ctx<'_> {
    pub(super) fn pair(
        &self,
        file: &Path,
        pair: &PairFile,
        known: People<'_>,
        phases: Option<&[Phase]>,
        problems: &mut Problems,
    ) {
        self.person_ref(file, &pair.mentor, known, Some(Role::Mentor), problems);
        self.person_ref(file, &pair.mentee, known, Some(Role::Mentee), problems);
        if pair.mentor.value == pair.mentee.value {
            let p = Problem::error(
                Code::DuplicateId,
                self.at(file, &pair.mentee),
                "the mentor and the mentee are the same person",
            )
            .hint("a pair needs two different people");
            self.report(problems, p);
        }
        if let Some(end) = &pair.end
            && end.value < pair.start.value
        {
            let p = Problem::error(
                Code::DateOrder,
                self.at(file, end),
                format!(
                    "the pair ends ({}) before it starts ({})",
                    end.value, pair.start.value
                ),
            )
            .hint("check the year: `end` must be on or after `start`");
            self.report(problems, p);
        }
        let mut goals = HashSet::new();
        for g in &pair.goals {
            if !goals.insert(&g.id.value) {
                let p = Problem::error(
                    Code::DuplicateId,
                    self.at(file, &g.id),
                    format!("two goals have the id `{}`", g.id.value),
                )
                .hint("give each goal of the pair its own id");
                self.report(problems, p);
            }
        }
        if let Some(closure) = &pair.closure {
            for g in &closure.goals_reached {
                if !goals.contains(&g.value) {
                    let p = Problem::error(
                        Code::UnknownGoal,
                        self.at(file, g),
                        format!("this pair has no goal `{}`", g.value),
                    )
                    .suggest(g.value.as_str(), goals.iter().map(|g| g.as_str()));
                    self.report(problems, p);
                }
            }
        }
        for e in &pair.evaluations {
            if let Some(by) = &e.by {
                self.person_ref(file, by, known, None, problems);
            }
            if let Some(r) = e.rating.as_ref().filter(|r| !(1..=5).contains(&r.value)) {
                let p = Problem::error(
                    Code::OutOfRange,
                    self.at(file, r),
                    format!("a rating of {} is out of range", r.value),
                )
                .hint("rate from 1 (poor) to 5 (excellent)");
                self.report(problems, p);
            }
        }
        if let Some(phases) = phases {
            self.progress(file, pair, known, phases, problems);
        }
    }

    fn progress(
        &self,
        file: &Path,
        pair: &PairFile,
        known: People<'_>,
        phases: &[Phase],
        problems: &mut Problems,
    ) {
        for (phase_id, map) in &pair.progress {
            let phase = &phases[phase_id.index()];
            for (item, done) in &map.0 {
                if let Some(by) = &done.by {
                    self.person_ref(file, by, known, None, problems);
                }
                if let Some(known_item) = phase
                    .file
                    .checklist
                    .iter()
                    .find(|i| i.id.value == item.value)
                {
                    if !known_item.applies_to(pair.initiated_by) {
                        let ways: Vec<&str> =
                            known_item.initiated_by.iter().map(|w| w.id()).collect();
                        let p = Problem::warning(
                            Code::ItemNotForPair,
                            self.at(file, item),
                            format!(
                                "`{}` is only for pairs with `initiated_by: {}`, and this pair's is `{}`",
                                item.value,
                                ways.join("` or `"),
                                pair.initiated_by.id()
                            ),
                        )
                        .hint(format!(
                            "set `initiated_by:` at the top of the file to how the pair came together (mentee, mentor or program; mentee when left out), or remove `{}` from the progress",
                            item.value
                        ));
                        self.report(problems, p);
                    }
                    continue;
                }
                let elsewhere = phases
                    .iter()
                    .find(|p| p.file.checklist.iter().any(|i| i.id.value == item.value));
                let p = Problem::error(
                    Code::UnknownItem,
                    self.at(file, item),
                    format!("the {phase_id} checklist has no item `{}`", item.value),
                );
                let p = match elsewhere {
                    Some(other) => p.hint(format!(
                        "`{}` is an item of the {} phase: move it under `{}:`",
                        item.value, other.id, other.id
                    )),
                    None => p
                        .suggest(
                            item.value.as_str(),
                            phase.file.checklist.iter().map(|i| i.id.value.as_str()),
                        )
                        .hint_if_none(format!(
                            "the item ids are listed in content/phases/{phase_id}.yaml"
                        )),
                };
                self.report(problems, p);
            }
        }
    }
}
