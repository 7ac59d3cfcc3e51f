//! The checks of people's profiles: tags that `program.yaml` lists, people that exist, language
//! codes and time zone names, capacity on mentors only, no visibility for the coordinators' fields.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use super::{Ctx, People, serde_name};
use crate::diagnostic::{Code, Problem, Problems};
use crate::model::{Located, Person, Profile, ProgramInfo, Role, Visibility};

/// The ISO 639-1 language codes.
const LANGUAGES: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce \
    ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv \
    ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr \
    ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn \
    no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
    sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh \
    yi yo za zh zu";

/// Whether `code` is an ISO 639-1 language code, in lower case.
pub(crate) fn is_language(code: &str) -> bool {
    code.len() == 2 && LANGUAGES.split_ascii_whitespace().any(|c| c == code)
}

/// The time zone database mentorbook checks against: the one built into mentorbook, so a check
/// gives the same answer on every computer (with or without the system's copy).
static TIME_ZONES: LazyLock<jiff::tz::TimeZoneDatabase> =
    LazyLock::new(jiff::tz::TimeZoneDatabase::bundled);

/// Whether `name` is an IANA time zone name (`Europe/London`; case does not matter).
pub(crate) fn is_time_zone(name: &str) -> bool {
    TIME_ZONES.get(name).is_ok()
}

impl Ctx<'_> {
    /// Checks every person's profile. `info` is `None` when `program.yaml` failed to load: tags are
    /// not checked then.
    pub(super) fn profiles(
        &self,
        known: People<'_>,
        info: Option<&ProgramInfo>,
        problems: &mut Problems,
    ) {
        for person in known.0 {
            if let Some(profile) = &person.profile {
                let file = PathBuf::from(self.people_files.file_of(&person.id.value));
                self.profile(&file, person, profile, known, info, problems);
            }
        }
    }

    fn profile(
        &self,
        file: &Path,
        person: &Person,
        profile: &Profile,
        known: People<'_>,
        info: Option<&ProgramInfo>,
        problems: &mut Problems,
    ) {
        if let Some(info) = info {
            for field in [&profile.expertise, &profile.interests] {
                for tag in field.for_coordinators().into_iter().flatten() {
                    self.tag(file, tag, info, problems);
                }
            }
        }
        if let Some(capacity) = profile.capacity.as_ref().and_then(|c| c.for_coordinators()) {
            self.capacity(file, person, capacity, problems);
        }
        for language in profile.languages.for_coordinators().into_iter().flatten() {
            self.language(file, language, problems);
        }
        if let Some(zone) = profile
            .time_zone
            .as_ref()
            .and_then(|t| t.for_coordinators())
        {
            self.time_zone(file, zone, problems);
        }
        let coordinators = crate::model::Audience::Coordinators;
        let only = Visibility::Coordinators;
        let lists = [
            ("exclusions", None, &profile.exclusions),
            ("wishes", Some(Role::Mentor), &profile.wishes),
        ];
        for (name, role, list) in lists {
            for id in list.reveal(&coordinators, None, only).into_iter().flatten() {
                if id.value == person.id.value {
                    let p = Problem::error(
                        Code::SelfReference,
                        self.at(file, id),
                        format!("`{}` names themselves in their {name}", id.value),
                    )
                    .hint(format!("remove `{}` from `{name}`", id.value));
                    self.report(problems, p);
                } else {
                    self.person_ref(file, id, known, role, problems);
                }
            }
        }
        for (name, entry) in &profile.misplaced_visibility {
            let p = Problem::error(
                Code::VisibilityNotAllowed,
                self.at(file, entry),
                format!("`{name}` cannot be given a visibility: only the coordinators see it"),
            )
            .hint(format!("remove `{name}:` from `visibility:`"));
            self.report(problems, p);
        }
    }

    fn tag(&self, file: &Path, tag: &Located<String>, info: &ProgramInfo, problems: &mut Problems) {
        if info.tag(&tag.value).is_some() {
            return;
        }
        let ids = || info.tags.keys().map(|t| t.as_str());
        let slug = crate::slug::slugify(&tag.value);
        let p = Problem::error(
            Code::UnknownTag,
            self.at(file, tag),
            format!("the program has no tag `{}`", tag.value),
        );
        let p = if info.tag(&slug).is_some() {
            p.hint(format!("did you mean `{slug}`?"))
        } else {
            p.suggest(&tag.value, ids())
        };
        let hint = if info.tags.is_empty() {
            format!(
                "list the program's tags in content/program.yaml: `tags:` with `{slug}: {}`",
                tag.value
            )
        } else {
            let listed: Vec<&str> = ids().take(6).collect();
            let more = if info.tags.len() > 6 { ", ..." } else { "" };
            format!(
                "use one of the tags in content/program.yaml ({}{more}), or add `{slug}` there",
                listed.join(", ")
            )
        };
        self.report(problems, p.hint_if_none(hint));
    }

    fn capacity(
        &self,
        file: &Path,
        person: &Person,
        capacity: &Located<u32>,
        problems: &mut Problems,
    ) {
        let mentor = person.roles.contains(&Role::Mentor);
        if !mentor && !person.roles.is_empty() {
            let p = Problem::warning(
                Code::CapacityNotMentor,
                self.at(file, capacity),
                format!("`{}` has a capacity but is not a mentor", person.id.value),
            )
            .hint(format!(
                "capacity is how many mentees a mentor takes: remove it, or add `{}` to their roles",
                serde_name(Role::Mentor)
            ));
            self.report(problems, p);
        } else if mentor && capacity.value == 0 {
            let p = Problem::error(
                Code::OutOfRange,
                self.at(file, capacity),
                "a capacity of 0 takes no mentees",
            )
            .hint("write how many mentees they take at once, 1 or more");
            self.report(problems, p);
        }
    }

    fn language(&self, file: &Path, code: &Located<String>, problems: &mut Problems) {
        if is_language(&code.value) {
            return;
        }
        let lower = code.value.to_ascii_lowercase();
        let hint = if is_language(&lower) {
            format!("write language codes in lower case: `{lower}`")
        } else {
            "write a two-letter ISO 639-1 code, such as `en`, `es` or `fr`".to_owned()
        };
        let p = Problem::error(
            Code::BadLanguage,
            self.at(file, code),
            format!("`{}` is not a language code", code.value),
        )
        .hint(hint);
        self.report(problems, p);
    }

    fn time_zone(&self, file: &Path, zone: &Located<String>, problems: &mut Problems) {
        if is_time_zone(&zone.value) {
            return;
        }
        let names: Vec<String> = TIME_ZONES
            .available()
            .map(|n| n.as_str().to_owned())
            .collect();
        let p = Problem::error(
            Code::BadTimeZone,
            self.at(file, zone),
            format!("`{}` is not a time zone", zone.value),
        )
        .suggest(&zone.value, names.iter().map(String::as_str))
        .hint_if_none(
            "write an IANA time zone name, such as `Europe/London` or `America/New_York`"
                .to_owned(),
        );
        self.report(problems, p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_time_zones() {
        assert!(is_language("en"));
        assert!(is_language("zu"));
        assert!(!is_language("EN"));
        assert!(!is_language("xx"));
        assert!(!is_language("eng"));
        assert!(is_time_zone("Europe/London"));
        assert!(is_time_zone("UTC"));
        assert!(!is_time_zone("Europe/Londn"));
    }
}
