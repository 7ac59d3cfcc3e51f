//! Word and sentence pools for the generated programs. Sentences may hold `{mentor}`, `{mentee}`
//! (first names), `{area}` (the mentee's field) and `{clinic}`, filled in by [`fill`].

use super::rng::Rng;

pub const FIRST_NAMES: &[&str] = &[
    "Ana",
    "Ben",
    "Carol",
    "Dmitri",
    "Elena",
    "Farah",
    "George",
    "Hana",
    "Ibrahim",
    "Julia",
    "Kwame",
    "Laura",
    "Mateo",
    "Nadia",
    "Oliver",
    "Priya",
    "Quentin",
    "Rosa",
    "Samuel",
    "Tomás",
    "Uma",
    "Victor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoë",
    "Aisha",
    "Bruno",
    "Chloé",
    "Daniel",
    "Esther",
    "Felix",
    "Grace",
    "Hugo",
    "Ingrid",
    "Jonas",
    "Kenji",
    "Lucía",
    "Marek",
    "Nia",
    "Omar",
    "Paula",
    "Rahul",
    "Sofia",
    "Tariq",
    "Ursula",
    "Vikram",
    "Wanjiru",
    "Yara",
    "Zainab",
    "Adele",
    "Björn",
    "Camille",
    "Diego",
    "Emeka",
    "Fatima",
    "Gabriel",
    "Helena",
    "Isaac",
    "Jana",
    "Kofi",
    "Leo",
    "Maya",
    "Noah",
    "Olga",
    "Pedro",
    "Rania",
    "Stefan",
    "Thandi",
    "Valentina",
];

pub const LAST_NAMES: &[&str] = &[
    "López",
    "Okafor",
    "Nguyen",
    "Mwangi",
    "Raman",
    "Herrera",
    "Adeyemi",
    "Kobayashi",
    "Solberg",
    "Park",
    "Rahman",
    "Schmidt",
    "Rossi",
    "Kowalski",
    "Haddad",
    "Novak",
    "Silva",
    "Tanaka",
    "Müller",
    "Dubois",
    "Jensen",
    "Ivanova",
    "Mensah",
    "Costa",
    "Fischer",
    "Ahmed",
    "Bianchi",
    "Murphy",
    "O'Brien",
    "Santos",
    "Yilmaz",
    "Petrov",
    "Lindqvist",
    "Chen",
    "Kim",
    "Singh",
    "Patel",
    "García",
    "Martins",
    "Van Dijk",
    "Horvath",
    "Moreau",
    "Nakamura",
    "Okoye",
    "Ferreira",
    "Andersen",
    "Kaur",
    "Walsh",
    "Baptiste",
    "Hoffmann",
    "Popescu",
    "Lambert",
    "Sato",
    "Quispe",
    "Abebe",
    "Eriksson",
    "Navarro",
    "Wright",
    "Khan",
    "Gallagher",
    "Ortiz",
    "Kariuki",
    "Weber",
    "Mendes",
    "Ilunga",
    "Virtanen",
    "Castillo",
    "Dimitrov",
    "Asante",
    "Becker",
];

pub const CLINICS: &[&str] = &[
    "Riverside Central",
    "Riverside North",
    "Riverside East",
    "Riverside West",
    "Millbrook",
    "Harbour Road",
    "Eastgate",
    "Kingsway",
    "Hillcrest",
    "Old Town",
    "Meadowbank",
    "Station Road",
    "Lakeside",
    "Westfield",
    "Northfield",
    "Bridge Street",
];

/// The program's tag list (`tags` in program.yaml): id and label, what mentors offer and mentees
/// want to grow in.
pub const TAGS: &[(&str, &str)] = &[
    ("small-animal-surgery", "Small-animal surgery"),
    ("equine", "Equine practice"),
    ("farm-animals", "Farm animals"),
    ("exotics", "Exotics"),
    ("dentistry", "Dentistry"),
    ("anaesthesia", "Anaesthesia"),
    ("emergency-care", "Emergency and critical care"),
    ("diagnostic-imaging", "Diagnostic imaging"),
    ("client-communication", "Client communication"),
    ("practice-management", "Practice management"),
    ("teaching", "Teaching"),
    ("research", "Research"),
    ("wellbeing", "Wellbeing and resilience"),
    ("nursing", "Veterinary nursing"),
    ("leadership", "Leadership"),
];

pub const AREAS: &[&str] = &[
    "small-animal surgery",
    "dentistry",
    "anaesthesia",
    "emergency and critical care",
    "dermatology",
    "internal medicine",
    "diagnostic imaging",
    "exotic pets",
    "equine practice",
    "farm animal medicine",
    "feline medicine",
    "practice management",
    "nursing clinics",
    "client communication",
    "behaviour medicine",
    "ophthalmology",
];

pub const MENTOR_TITLES: &[&str] = &[
    "Senior veterinary surgeon",
    "Clinical director",
    "Head nurse",
    "Senior surgeon",
    "Referral vet",
    "Practice principal",
    "Clinical lead",
    "Senior registered veterinary nurse",
    "Deputy clinical director",
    "Hospital manager",
];

pub const MENTEE_TITLES: &[&str] = &[
    "Veterinary surgeon",
    "Graduate veterinary surgeon",
    "Registered veterinary nurse",
    "Student veterinary nurse",
    "Veterinary surgeon in her second year",
    "Veterinary surgeon in his third year",
    "Newly qualified nurse",
    "Clinical assistant",
    "Locum veterinary surgeon",
    "Deputy head nurse",
];

pub const COORDINATOR_TITLES: &[&str] = &[
    "Learning and development manager",
    "Mentoring program coordinator",
    "Head of clinical training",
];

pub const BIO: &[&str] = &[
    "{first} has worked in {area} for {years} years and enjoys teaching on the job.",
    "{first} joined {clinic} in {year} after working in referral practice.",
    "{first} is known for calm, clear conversations with worried clients.",
    "Outside work, {first} runs, bakes and volunteers at a local animal shelter.",
    "{first} qualified in {year} and has a certificate in {area}.",
    "{first} is building skills in {area} and in running a busy consulting day.",
    "Before moving into practice, {first} spent several years teaching at a university hospital.",
    "{first} leads the practice's work on {area} and sits on the clinical governance group.",
    "{first} is interested in **{area}** and hopes to specialise in the next few years.",
    "Colleagues describe {first} as patient, curious and generous with time.",
];

pub const MEETING_TITLES: &[&str] = &[
    "Setting goals",
    "Agreement and final goals",
    "Skill-building plan",
    "Midpoint review",
    "Progress on the surgery log",
    "Consult timing",
    "Planning the next quarter",
    "Feedback in theatre",
    "Client conversations",
    "Career plans",
    "Reviewing the end point",
    "Closing celebration",
    "Check-in after a hard week",
    "Case review",
    "Preparing for the audit",
    "Time management",
    "Learning from a complication",
    "Presenting at clinical club",
];

pub const AGENDA: &[&str] = &[
    "Review of the last month",
    "Procedure log",
    "Consult timing report",
    "Goal progress",
    "Feedback on the last theatre day",
    "A difficult client conversation",
    "Career plans",
    "How the relationship is going",
    "Next steps for surgery",
    "Reading list",
    "Preparing for the next rota",
    "Workload and rest",
    "What went well, what didn't",
    "Case discussion: a complicated spay",
    "Case discussion: a diabetic cat",
    "Planning the clinical club talk",
    "CPD options for next year",
    "Dealing with complaints",
    "Euthanasia appointments",
    "Anaesthetic monitoring",
    "Dental charting",
    "Out-of-hours shifts",
    "Working with the nursing team",
    "Budget for courses",
    "Milestones due this quarter",
    "Confidence ratings",
    "Handover notes",
    "Ideas for the next six months",
    "Whether to end or renew",
    "Thank yous and next steps",
];

pub const FOLLOW_UPS: &[&str] = &[
    "{mentee} updates the procedure log",
    "{mentor} books theatre time",
    "{mentee} drafts the next goal wording",
    "{mentor} shares a checklist",
    "{mentee} pulls the consult-timing report",
    "{mentor} sits in on two consult sessions",
    "{mentee} reads two articles on breaking bad news",
    "{mentor} sends the reading list",
    "{mentee} asks the nurses to flag suitable cases",
    "Both fill in the evaluation form",
    "{mentee} writes up the case for clinical club",
    "{mentor} introduces {mentee} to the dental lead",
    "{mentee} looks into the certificate course",
    "{mentor} checks the rota for surgery days",
    "{mentee} keeps a reflective diary for a month",
    "Both agree the date of the next meeting",
    "{mentee} practises the consult structure",
    "{mentor} arranges a day at the referral centre",
    "{mentee} drafts the closure summary",
    "{mentor} reviews the draft abstract",
];

pub const NOTES: &[&str] = &[
    "{mentee} was tired after a run of late shifts and we spent the first half hour on workload rather than the agenda.",
    "We went through the procedure log together; {mentee} is now confident with routine spays but still slow to close.",
    "{mentor} gave direct feedback on the last theatre day: good tissue handling, but the pre-op briefing with the nurse was rushed.",
    "{mentee} raised a complaint from a client about a bill and we talked through how to explain estimates earlier.",
    "We agreed that the consult-timing goal is close: three weeks out of four above the target.",
    "{mentee} is unsure whether to apply for the certificate in {area} this year or next.",
    "We practised a euthanasia conversation, with {mentor} playing the client; {mentee} found the silence hardest.",
    "{mentor} admitted that she had found her own first year much harder than she lets on, which helped.",
    "A long discussion about rest: {mentee} has been answering work messages at the weekend.",
    "We reviewed a complicated case from {clinic} and what {mentee} would do differently next time.",
    "{mentee} feels the relationship is working and asked for more feedback in the moment rather than afterwards.",
    "We changed the order of the goals: client communication now comes before the surgical one.",
    "{mentee} presented a draft of the clinical club talk; the structure is good, the slides are too dense.",
    "{mentor} suggested shadowing the dental lead for a morning to see a different way of working.",
    "We talked about what happens when {mentor} is on leave and agreed who {mentee} can call instead.",
    "{mentee} mentioned friction with a colleague on the nursing team; we talked about how to raise it kindly.",
    "The meeting was short because of an emergency at {clinic}; we rebooked the rest for next week.",
    "{mentee} is proud of the first unassisted list and we took a moment to celebrate it.",
    "We looked at the milestones for the quarter; two are on track and one needs a new date.",
    "{mentor} shared notes from a course on {area} and we picked two ideas to try.",
    "{mentee} wants to understand the practice's finances better before thinking about a management role.",
    "We discussed a near miss with an anaesthetic and what the practice's reporting process looks like.",
    "{mentee} would like to mentor a student next year and asked how {mentor} got started.",
    "We agreed that {mentee} will say no to extra shifts for the next month to protect study time.",
    "Most of the hour went on the agreement: response times, and what is off limits outside work.",
    "{mentor} noticed that {mentee} undersells progress and suggested keeping a list of wins.",
    "We reviewed feedback from the nurses: positive about communication, mixed about timekeeping.",
    "{mentee} brought three questions about referral letters; we wrote one together.",
    "The walk along the river helped: it is easier to talk about worries away from the clinic.",
    "We checked in on the evaluation form and both rated the relationship well, with small changes.",
];

pub const MENTEE_REFLECTION: &[&str] = &[
    "I can manage a consult, but I freeze when a case gets complicated and I lose time all afternoon.",
    "I want someone who will let me try things and tell me straight what I did wrong.",
    "Deal breaker: I don't want a mentor who just takes over.",
    "I have been thinking about specialising in {area} and need an honest view of what it takes.",
    "I am good with animals and less good with their owners, especially when the news is bad.",
    "I would like help planning my continuing education rather than picking courses at random.",
    "I nearly left practice last year and want to find a way of working that I can keep up.",
    "I need to get better at asking for help early rather than late.",
];

pub const MENTOR_REFLECTION: &[&str] = &[
    "I have time for one mentee this year: roughly two hours a month plus some theatre days.",
    "I enjoy teaching, but I need to remember that people learn more from doing than from watching me.",
    "I am not their line manager, which makes this simpler.",
    "I want to get better at giving feedback that is direct without being discouraging.",
    "My own mentor changed how I practise; I would like to pass that on.",
    "I should be careful not to turn every meeting into a lecture on {area}.",
    "I can offer experience of {area} and of moving between clinics.",
];

pub const RELATIONSHIP_TYPES: &[&str] = &[
    "one-to-one, formal, twelve months, in person",
    "one-to-one, formal, mostly online",
    "one-to-one, informal, in person",
    "one-to-one, formal, six months, in person with calls in between",
    "peer mentoring, formal, twelve months",
];

pub const PLACES: &[&str] = &[
    "Riverbank Coffee, two streets from the clinic",
    "The staff room at {clinic}",
    "A video call",
    "The library at {clinic}",
    "A walk along the river",
    "The meeting room at {clinic}",
    "Lunch near {clinic}",
];

pub const VISION: &[&str] = &[
    "{mentee} becomes a confident, independent first-opinion vet, able to run the routine **{area}** work alone.",
    "{mentee} builds the skills and the network to move towards a certificate in **{area}** within two years.",
    "{mentee} keeps a full consulting day on time and handles the hardest conversations with clients with care.",
    "{mentee} grows into a team-leader role at {clinic}, with the confidence to run the rota and support new colleagues.",
    "{mentee} finds a sustainable way of working: good clinical practice, reasonable hours and time to learn.",
];

/// A goal: id, title, specific, measurable, achievable, relevant, milestone titles.
pub type GoalTemplate = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 3],
);

pub const GOALS: &[GoalTemplate] = &[
    (
        "lead-surgery",
        "Lead routine soft-tissue surgeries",
        "Perform spays, castrations and lump removals as lead surgeon.",
        "Ten supervised procedures logged with no major complication, then one full routine list without assistance.",
        "Two surgery days a week with {mentor} assisting, following the watch, assist, supervised, solo protocol.",
        "The first step towards running the surgical list, the heart of the vision.",
        [
            "First supervised spay",
            "Five supervised procedures logged",
            "First unassisted list",
        ],
    ),
    (
        "consult-timing",
        "Keep consulting sessions on time",
        "Finish fifteen-minute consultations within their slot, using a set structure.",
        "Four weeks in a row in which at least 90% of consultations end within twenty minutes.",
        "{mentor} sits in on two sessions; {mentee} trials a written consult structure.",
        "A full consulting day on time is half of the job.",
        [
            "Baseline report",
            "Two sessions observed, structure agreed",
            "Four weeks at 90% or better",
        ],
    ),
    (
        "client-conversations",
        "Lead difficult conversations with clients",
        "Lead euthanasia and bad-news conversations from start to finish.",
        "Five such conversations led with a senior colleague present, each followed by a debrief.",
        "{mentor} arranges to be available for these appointments; the nurses flag suitable cases.",
        "{mentee} named these conversations as the biggest worry at the start.",
        [
            "Watch two conversations",
            "First conversation led, with debrief",
            "Five conversations led",
        ],
    ),
    (
        "dental-charting",
        "Chart and plan dental procedures",
        "Complete full dental charts and treatment plans for routine dentals.",
        "Twenty charts reviewed by the dental lead with no major correction.",
        "Dental days at {clinic} twice a month.",
        "Dentistry is a large share of the caseload.",
        [
            "Five charts reviewed",
            "Twelve charts reviewed",
            "Twenty charts reviewed",
        ],
    ),
    (
        "anaesthesia-monitoring",
        "Monitor anaesthesia with confidence",
        "Run anaesthetic monitoring for routine and higher-risk patients.",
        "Fifteen anaesthetic records audited, with the plan written before induction.",
        "Theatre days with the anaesthesia nurse and a reading list.",
        "Safer anaesthesia protects patients and builds trust with the team.",
        [
            "Reading list done",
            "Eight records audited",
            "Fifteen records audited",
        ],
    ),
    (
        "clinical-club-talk",
        "Present a case at clinical club",
        "Write up an interesting case and present it as a short talk.",
        "Talk given and feedback collected from at least five colleagues.",
        "{mentor} has presented before and can review drafts.",
        "Builds confidence in speaking to peers.",
        ["Case chosen", "Draft slides reviewed", "Talk given"],
    ),
    (
        "certificate-plan",
        "Plan a certificate in the chosen field",
        "Choose a certificate course and plan the first year of study.",
        "A written study plan agreed with the practice, with funding confirmed.",
        "The practice funds one course a year; {mentor} knows the course leaders.",
        "A step towards specialising.",
        ["Courses compared", "Plan drafted", "Funding confirmed"],
    ),
    (
        "out-of-hours",
        "Cope with out-of-hours shifts",
        "Work a full out-of-hours rota with a clear plan for calling for help.",
        "Six shifts worked, each with a short reflection, and no shift ending with an unanswered question.",
        "An experienced colleague is on call for the first shifts.",
        "Out-of-hours work is where confidence is most tested.",
        [
            "First shift with back-up",
            "Three shifts reflected on",
            "Six shifts worked",
        ],
    ),
    (
        "team-leadership",
        "Lead the nursing team's morning huddle",
        "Run the daily huddle and the weekly rota meeting.",
        "Huddles run for a month, with feedback from the team at the end.",
        "The head nurse hands over gradually over six weeks.",
        "A step towards a team-leader role.",
        [
            "Watch five huddles",
            "Run huddles for two weeks",
            "Team feedback collected",
        ],
    ),
    (
        "referral-letters",
        "Write clear referral letters",
        "Write referral letters that the referral centre can act on without calling back.",
        "Ten letters reviewed, with no follow-up call needed for the last five.",
        "Templates from the referral centre and {mentor}'s review.",
        "Good referrals save time and help patients.",
        [
            "Template agreed",
            "Five letters reviewed",
            "Ten letters reviewed",
        ],
    ),
    (
        "work-life-balance",
        "Protect rest and study time",
        "Keep to contracted hours and set aside two hours a week for study.",
        "Eight weeks in a row within contracted hours, logged in a diary.",
        "The rota allows it; {mentor} helps say no to extra shifts.",
        "Burnout was the biggest risk named at the start.",
        [
            "Diary started",
            "Four weeks within hours",
            "Eight weeks within hours",
        ],
    ),
    (
        "audit-project",
        "Complete a clinical audit",
        "Audit post-operative complication rates for routine procedures at {clinic}.",
        "Audit report written and presented to the clinical team.",
        "The practice's audit template and two hours a month of protected time.",
        "Audit builds habits of looking at outcomes.",
        [
            "Audit question agreed",
            "Data collected",
            "Report presented",
        ],
    ),
];

pub const EXPECTATIONS: &[&str] = &[
    "- **{mentee}** owns the relationship: sets each agenda and sends it three days ahead, and says honestly when struggling.\n- **{mentor}** listens, asks hard questions and gives direct feedback.\n- Both of us do what we say we will do, and say so early when we can't.",
    "- **{mentee}** comes prepared with questions and a short update on the goals.\n- **{mentor}** makes time for the meetings and for the agreed theatre days.\n- We both treat the meetings as protected time.",
    "- We meet as planned and rebook in the same week if we have to move a meeting.\n- **{mentee}** keeps the log of meetings and follow-ups.\n- **{mentor}** shares experience, contacts and honest opinions.",
];

pub const BOUNDARIES: &[&str] = &[
    "We talk about work and career, and about life outside work when it affects work. No work messages after 8 pm or at weekends except in an emergency.",
    "{mentor} is not {mentee}'s line manager and the meetings are not appraisals. Personal matters are discussed only when {mentee} raises them.",
    "Meetings happen outside the clinic where possible. Clinical questions in the middle of a consult go to the senior on duty, not to {mentor}.",
];

pub const CONFIDENTIALITY: &[&str] = &[
    "What we discuss stays between us. The only exception is a risk to an animal's or a person's safety, and we would talk about it together before anything was shared.",
    "Nothing from our meetings is passed on without asking first. Notes are kept by {mentee} and not shared with the practice.",
];

pub const ETHICS: &[&str] = &[
    "{mentor} has no part in {mentee}'s appraisal. If asked for a reference, {mentor} will tell {mentee} first.",
    "We follow the group's clinical governance policies in every case we discuss, and declare any conflict of interest as it comes up.",
];

pub const CONFLICT_RESOLUTION: &[&str] = &[
    "We raise a problem at the next meeting at the latest, in private, and talk it through before anything else. If we can't resolve it, we ask a coordinator to help.",
    "Either of us can pause the relationship for a month to think. If it still isn't working, we end it kindly with the coordinator's help.",
];

pub const END_POINT: &[&str] = &[
    "{months} months. We review at the last-but-one meeting and decide whether to end or renew.",
    "The relationship ends after {months} months unless we both want to renew; we decide at the final evaluation.",
];

pub const CHANNELS: &[&str] = &[
    "Practice messaging app for quick questions; email for agendas and notes",
    "Email, and a phone call for anything urgent",
    "Video calls and the practice chat",
];

pub const RESPONSE_TIMES: &[&str] = &[
    "Within two working days; same day for clinical questions",
    "Within a week",
    "Within three working days",
];

pub const BETWEEN_MEETINGS: &[&str] = &[
    "Urgent clinical questions go to the senior on duty first, then {mentor} by phone.",
    "A message on the practice chat; {mentor} answers when free.",
];

pub const DURATIONS: &[&str] = &[
    "One hour",
    "Ninety minutes",
    "Forty-five minutes",
    "One hour, plus theatre days",
];

pub const EVALUATION_SUMMARIES: &[&str] = &[
    "Midpoint check-in.",
    "Quarterly check-in.",
    "Final evaluation.",
    "Check-in after the agreement.",
    "Check-in from the mentor.",
    "Short check-in after a difficult month.",
];

pub const COMMENTS: &[&str] = &[
    "Over coffee after a surgery day.",
    "Done together at the first meeting.",
    "Signed by both.",
    "A Saturday walk along the river.",
    "Took longer than planned.",
    "Agreed by email.",
    "Discussed with the coordinator.",
    "Cake in the staff room.",
    "On the video call.",
    "Written up in the shared notes.",
];

pub const CLOSURE_SUMMARY: &[&str] = &[
    "Over the relationship {mentee} went from first supervised procedures to running a routine list alone.",
    "{mentee} brought consultations back on time and now leads difficult conversations with confidence.",
    "We dropped one goal at the midpoint because it added stress without much benefit.",
    "The agreement held up well; we rebooked only two meetings in the whole relationship.",
    "{mentee} presented a case at clinical club and started a certificate in {area}.",
];

pub const NEXT_STEPS: &[&str] = &[
    "{mentee} will mentor a new graduate next year.",
    "{mentor} stays available as an informal contact.",
    "{mentee} starts a certificate in {area} in the spring.",
    "We meet for coffee every few months to keep in touch.",
];

pub const CLOSURE_REFLECTION: &[&str] = &[
    "{mentor}: mentoring made me look again at how I teach.",
    "{mentee}: having someone in my corner made the first year bearable, and then good.",
    "We both wish we had set the end point more clearly at the start.",
    "The hardest part was keeping the meetings when the clinic was short-staffed.",
];

pub const CONCERNS: &[&str] = &[
    "{mentee} said they had nearly left practice in the first month and still have bad weeks.",
    "{mentor} mentioned the group's confidential support line; {mentee} said they would think about it.",
    "{mentee} is worried about a complaint from a client and how it will be handled.",
    "There is tension with a colleague at {clinic} that {mentee} does not want raised yet.",
    "{mentee} is working many extra shifts to cover for a colleague on leave.",
];

/// Replaces the placeholders of `s`.
pub fn fill(s: &str, v: &Vars<'_>) -> String {
    if !s.contains('{') {
        return s.to_owned();
    }
    s.replace("{mentor}", v.mentor)
        .replace("{mentee}", v.mentee)
        .replace("{area}", v.area)
        .replace("{clinic}", v.clinic)
        .replace("{months}", &v.months.to_string())
}

/// What placeholders stand for in one pair's texts.
pub struct Vars<'a> {
    pub mentor: &'a str,
    pub mentee: &'a str,
    pub area: &'a str,
    pub clinic: &'a str,
    pub months: u32,
}

/// Sentences from `pool`, `lo` to `hi` of them, distinct where the pool allows, filled in.
pub fn sentences(rng: &mut Rng, pool: &[&str], lo: usize, hi: usize, v: &Vars<'_>) -> Vec<String> {
    let n = rng.between(lo as i64, hi as i64) as usize;
    rng.shuffled(pool.len(), n.min(pool.len()))
        .into_iter()
        .map(|i| fill(pool[i], v))
        .collect()
}

/// Paragraphs of Markdown: `lo` to `hi` paragraphs of 2 to 4 sentences from `pool` (no sentence
/// twice while the pool lasts), wrapped at 96 columns as people write YAML block text.
pub fn paragraphs(rng: &mut Rng, pool: &[&str], lo: usize, hi: usize, v: &Vars<'_>) -> String {
    let paras = rng.between(lo as i64, hi as i64) as usize;
    let sizes: Vec<usize> = (0..paras).map(|_| rng.between(2, 4) as usize).collect();
    let total: usize = sizes.iter().sum();
    let order = rng.shuffled(pool.len(), total.min(pool.len()));
    let mut next = order.iter().cycle();
    let mut out = Vec::with_capacity(paras);
    for n in sizes {
        let text: Vec<String> = (0..n)
            .filter_map(|_| next.next().map(|&i| fill(pool[i], v)))
            .collect();
        out.push(wrap(&text.join(" "), 96));
    }
    out.join("\n\n")
}

/// Wraps `text` at `width` columns on spaces.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut col = 0;
    for word in text.split(' ') {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
    }
    out
}

/// A person id from a name: lower-case ASCII letters, digits and dashes.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' => 'u',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
