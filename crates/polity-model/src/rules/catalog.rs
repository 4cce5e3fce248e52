//! The catalog's entries, in [`RuleId::ALL`] order (a test keeps the two in step).

use super::Enforced::{Check, Count, Decide, DecideAny, Load, Record, Stats};
use super::Seed::{Cfn, Dask, OpenStack, Paddle, Polity};
use super::{Key, Rule, RuleId};

const fn key(file: &'static str, key: &'static str, default: &'static str) -> Key {
    Key { file, key, default }
}

const POLITY: &str = "polity.yaml";
const BODY: &str = "bodies/<id>.yaml";

/// Every rule polity enforces.
pub static CATALOG: &[Rule] = &[
    Rule {
        id: RuleId::S1,
        title: "Bodies form a tree",
        text: "Bodies form one tree: the board, then the oversight committee (TOC or TSC), then SIGs \
               and sub-groups, then working groups and projects. Every body but the top one has \
               exactly one parent of an allowed kind, and every project belongs to exactly one SIG.",
        seeds: &[Paddle, Cfn],
        keys: &[key(BODY, "parent", "none (only the top body may have none)")],
        enforced: &[Check("s1_tree")],
        tests: &["s1_bodies_form_a_tree_under_the_right_kinds"],
    },
    Rule {
        id: RuleId::S2,
        title: "A SIG's leadership",
        text: "A SIG has its chairs (three co-chairs by default), one TOC liaison who must be a \
               voting member of the TOC, any number of technical leads and named roles, and \
               members who join by themselves.",
        seeds: &[Paddle],
        keys: &[
            key(POLITY, "sigs.chairs", "no required number"),
            key(POLITY, "sigs.toc-liaison", "false"),
            key(BODY, "officers", "none"),
            key(BODY, "toc-liaison", "none"),
        ],
        enforced: &[Check("s2_sig_leadership")],
        tests: &["s2_sig_has_its_chairs_and_a_voting_toc_liaison"],
    },
    Rule {
        id: RuleId::S3,
        title: "An executive-staff liaison owns a SIG's reports",
        text: "Each SIG names a liaison from the executive staff, who owns its quarterly and annual \
               reports.",
        seeds: &[Paddle],
        keys: &[
            key(POLITY, "sigs.staff-liaison", "false"),
            key(BODY, "staff-liaison", "none"),
        ],
        enforced: &[Check("s3_staff_liaison")],
        tests: &["s3_sig_has_an_executive_staff_liaison"],
    },
    Rule {
        id: RuleId::S4,
        title: "Working groups are time-limited",
        text: "A working group has a charter, deliverables and a timetable that ends at most a few \
               quarters after it forms. It is dissolved when its timetable ends or when all its \
               deliverables are delivered.",
        seeds: &[Paddle],
        keys: &[
            key(POLITY, "working-groups.max-timetable", "no limit"),
            key(POLITY, "working-groups.timetable-required", "true"),
            key(BODY, "charter.timetable.end", "none"),
        ],
        enforced: &[Check("s4_working_group_timetable"), Decide("dissolve")],
        tests: &[
            "s4_a_working_group_is_dissolved_when_its_timetable_ends",
            "s4_working_group_past_its_timetable",
        ],
    },
    Rule {
        id: RuleId::S5,
        title: "Seats and officers of a steering committee",
        text: "A steering committee has as many seats as its registry says (7 to 9 in the CFN \
               model), among them one chair and one or two co-chairs.",
        seeds: &[Cfn],
        keys: &[
            key(BODY, "seats.min, seats.max", "no bounds"),
            key(BODY, "officers", "none"),
        ],
        enforced: &[Check("s5_seats_and_officers")],
        tests: &["s5_oversight_committee_seats_and_officers"],
    },
    Rule {
        id: RuleId::S6,
        title: "At most N seats per organisation",
        text: "A body may cap how many of its seats people of one organisation hold (one in the CFN \
               model). Affiliations are taken as of the day in question. An election skips a \
               candidate whose election would break the cap and says so.",
        seeds: &[Cfn],
        keys: &[key(BODY, "seats.per-organisation", "no cap")],
        enforced: &[Check("s6_organisation_cap"), Decide("close-election"), Count],
        tests: &[
            "s6_at_most_one_seat_per_company_as_of_the_check_date",
            "s6_cap_skips_the_candidate_who_would_break_it",
        ],
    },
    Rule {
        id: RuleId::S7,
        title: "Committer rights are per project",
        text: "A committer of one project has no rights on another: only the committers of a \
               project vote on its committers and its PTL.",
        seeds: &[Cfn],
        keys: &[key(BODY, "committers", "none")],
        enforced: &[Decide("open-motion")],
        tests: &["s7_committer_rights_are_per_project"],
    },
    Rule {
        id: RuleId::S8,
        title: "One PTL, who is a committer",
        text: "Every project with a single leader has exactly one project technical lead (PTL), \
               who must be a committer of that project.",
        seeds: &[Cfn],
        keys: &[key(BODY, "leadership", "ptl")],
        enforced: &[Check("s8_one_ptl_who_commits")],
        tests: &["s8_exactly_one_ptl_who_is_a_committer"],
    },
    Rule {
        id: RuleId::S9,
        title: "Every liaison area is filled",
        text: "Every project names a liaison for each liaison area (bugs, security, release, docs, \
               CI, …). One person may hold several areas. A project whose liaisons all come from \
               one organisation is warned.",
        seeds: &[OpenStack],
        keys: &[
            key(POLITY, "liaison-areas", "none"),
            key(POLITY, "liaison-default", "none (an unfilled area is a finding)"),
            key(BODY, "liaisons", "none"),
        ],
        enforced: &[Check("s9_liaisons")],
        tests: &[
            "s9_every_liaison_area_is_filled",
            "s9_liaisons_all_from_one_company_warn",
        ],
    },
    Rule {
        id: RuleId::S10,
        title: "Named roles are approved by the chairs",
        text: "A named role other than chair and technical lead (a docs coordinator, say) is created \
               by the SIG and approved by more than half of its chairs. Members without a named \
               role hold no authority.",
        seeds: &[Paddle],
        keys: &[key(BODY, "roles", "none")],
        enforced: &[Check("s10_named_roles")],
        tests: &["s10_named_roles_need_a_majority_of_chairs"],
    },
    Rule {
        id: RuleId::S11,
        title: "Advisory groups",
        text: "A project may declare advisory groups (user representatives, industry partners) that \
               must be consulted before large decisions. An industry partner must employ at least \
               one full-time maintainer.",
        seeds: &[Dask],
        keys: &[key(BODY, "advises, consult-before, partners", "none")],
        enforced: &[Check("s11_advisory_partners")],
        tests: &["s11_industry_partners_employ_a_full_time_maintainer"],
    },
    Rule {
        id: RuleId::S12,
        title: "A final say, explicit and recorded",
        text: "A body may name someone with the final say (a BDFL, or the PTL for deadlocks). Using \
               it is possible, but only explicitly, with a reason, on the record.",
        seeds: &[Dask, OpenStack],
        keys: &[key(BODY, "final-say", "none")],
        enforced: &[Check("s12_final_say"), Decide("final-say")],
        tests: &["s12_final_say_holder_exists"],
    },
    Rule {
        id: RuleId::L1,
        title: "Every change of state is voted",
        text: "A group moves forming → active → archived, and back, only by a review and vote of the \
               overseeing committee (a simple majority of its voting members by default).",
        seeds: &[Cfn],
        keys: &[
            key(BODY, "state, history", "active"),
            key(BODY, "decisions.transition", "the overseer's rule"),
        ],
        enforced: &[Check("l1_transitions"), Decide("open-motion"), Decide("close-motion")],
        tests: &["l1_every_transition_names_its_motion"],
    },
    Rule {
        id: RuleId::L2,
        title: "What a new sub-group needs",
        text: "To create a sub-group: aligned goals, a defined scope and plan, at least two \
               committers from different organisations, an initial committer list, an agreed PTL, \
               a public page and a mailing-list notice; then a review and a simple-majority vote. \
               It enters forming; a second review makes it active.",
        seeds: &[Cfn],
        keys: &[
            key(POLITY, "sub-groups.min-committers", "2"),
            key(POLITY, "sub-groups.min-organisations", "2"),
            key(BODY, "proposal", "none"),
        ],
        enforced: &[Check("l2_sub_group_criteria"), Decide("open-motion")],
        tests: &["l2_l1_l7_cfn_sub_group_refused_then_forming_active_archived_reactivated"],
    },
    Rule {
        id: RuleId::L3,
        title: "What a new SIG needs",
        text: "To create a SIG: a stated purpose, two or more volunteer leads, the resources needed, \
               and the TOC's approval. Until a proposed SIG is formed, the TOC does its duties.",
        seeds: &[Paddle],
        keys: &[key(BODY, "proposal", "none")],
        enforced: &[Check("l3_sig_proposal"), Decide("open-motion")],
        tests: &["l3_sig_proposal_needs_purpose_two_leads_and_resources"],
    },
    Rule {
        id: RuleId::L4,
        title: "Charters are reviewed every year",
        text: "The TOC reviews and approves each SIG charter every year. A charter says what is in \
               and out of scope, where it overlaps other groups, and every deviation from the \
               standard guidelines with its reason.",
        seeds: &[Paddle],
        keys: &[
            key(POLITY, "charter-review.every", "no review required"),
            key(BODY, "charter", "none"),
        ],
        enforced: &[Check("l4_charter_review")],
        tests: &["l4_charter_review_overdue_and_deviations_need_reasons"],
    },
    Rule {
        id: RuleId::L5,
        title: "A SIG that stops reporting is retired",
        text: "A SIG that has not reported for three months may be considered for retirement (a \
               warning); after six months it must be dissolved (an error). Both bounds are `>=`: \
               on that very day.",
        seeds: &[Paddle],
        keys: &[
            key(POLITY, "reports.warn-after", "no warning"),
            key(POLITY, "reports.dissolve-after", "no error"),
        ],
        enforced: &[Check("l5_reports")],
        tests: &["l5_warning_at_three_months_error_at_six"],
    },
    Rule {
        id: RuleId::L6,
        title: "No confidence",
        text: "The TOC may pass no confidence in a SIG by a two-thirds majority; it may then vote to \
               dissolve or reorganise it.",
        seeds: &[Paddle],
        keys: &[key(BODY, "decisions.no-confidence", "the overseer's rule")],
        enforced: &[Decide("open-motion"), Decide("close-motion")],
        tests: &["l6_no_confidence_in_a_sig_by_two_thirds_of_the_toc"],
    },
    Rule {
        id: RuleId::L7,
        title: "An archived group can come back",
        text: "An archived group is reactivated by a review and vote of the overseeing committee.",
        seeds: &[Cfn],
        keys: &[key(BODY, "decisions.transition", "the overseer's rule")],
        enforced: &[Check("l1_transitions"), Decide("open-motion")],
        tests: &["l7_an_archived_group_is_reactivated_by_the_tsc"],
    },
    Rule {
        id: RuleId::L8,
        title: "SIGs report quarterly and annually",
        text: "Each SIG reports every quarter and every year to the board and the TOC. Its chairs or \
               its staff liaison submit the report.",
        seeds: &[Paddle],
        keys: &[key(POLITY, "reports.every", "no cadence"), key(BODY, "reports", "none")],
        enforced: &[Check("l5_reports"), Decide("submit-report")],
        tests: &["l8_a_chair_submits_the_report_and_a_member_may_not"],
    },
    Rule {
        id: RuleId::E1,
        title: "Elections of the steering committee",
        text: "The steering committee is elected every year after a two-week nomination window. \
               Active members nominate, stand and vote; at most one seat per organisation (S6). A \
               term that ends with no successor is warned.",
        seeds: &[Cfn],
        keys: &[
            key(POLITY, "elections.nomination", "2 weeks"),
            key(POLITY, "elections.voting", "1 week"),
            key(
                BODY,
                "elections",
                "the constitution's windows; members nominate, stand and vote",
            ),
            key(BODY, "term", "none"),
        ],
        enforced: &[
            Check("expired_terms"),
            Decide("open-election"),
            Decide("cast-ballot"),
            Count,
        ],
        tests: &[
            "e1_s6_cfn_tsc_election_under_one_seat_per_company",
            "e1_expired_term_without_successor_warns",
            "e1_e3_windows_close_at_the_constitutions_deadline_time",
        ],
    },
    Rule {
        id: RuleId::E2,
        title: "Who is an active member",
        text: "An active member has made at least N contributions within a period; both numbers are \
               the registry's. The roll is computed from contribution history and recorded.",
        seeds: &[Cfn],
        keys: &[
            key(
                POLITY,
                "active-member.contributions, active-member.within",
                "the roll as listed",
            ),
            key(
                POLITY,
                "active-member.date",
                "commit (a commit counts when it was merged)",
            ),
        ],
        enforced: &[Stats, Decide("record-roll")],
        tests: &[
            "e2_only_active_members_on_the_roll_take_part_in_elections",
            "e2_the_window_counts_by_commit_date_unless_the_registry_says_author",
        ],
    },
    Rule {
        id: RuleId::E3,
        title: "Electing the committee's chairs",
        text: "After each committee election its chair and co-chairs are elected: a two-week \
               nomination window, candidates who are members and consent, only members nominate and \
               vote, and the vote is valid only if at least two thirds of the members cast valid \
               ballots.",
        seeds: &[Cfn],
        keys: &[key(
            BODY,
            "officer-elections",
            "members nominate, stand and vote; no validity threshold",
        )],
        enforced: &[Check("e3_officers_are_members"), Decide("close-election")],
        tests: &[
            "e3_cfn_chair_election_is_invalid_at_5_of_9_then_valid",
            "e3_a_candidate_consents_before_nominations_close",
        ],
    },
    Rule {
        id: RuleId::E4,
        title: "PTL elections",
        text: "A project's PTL is elected every year: candidates are the project's committers, who \
               nominate themselves, and only its committers vote. A majority of the committers can \
               call a new election at any time.",
        seeds: &[Cfn],
        keys: &[
            key(BODY, "elections", "committers stand and vote"),
            key(BODY, "decisions.recall-ptl", "none"),
        ],
        enforced: &[
            Check("authorities_exist"),
            Decide("open-election"),
            Decide("open-motion"),
        ],
        tests: &[
            "e4_openstack_ptl_candidates_nominate_themselves_and_committers_vote",
            "e4_a_majority_of_the_committers_recalls_the_ptl",
        ],
    },
    Rule {
        id: RuleId::E5,
        title: "SIG chairs are appointed for staggered terms",
        text: "The TOC nominates a SIG's chairs and appoints them by a two-thirds vote, for two-year \
               terms staggered so that at least one chair seat stays filled across every change.",
        seeds: &[Paddle],
        keys: &[
            key(POLITY, "sigs.staggered-chairs", "false"),
            key(BODY, "decisions.appoint-chairs", "none"),
            key(BODY, "term", "none"),
        ],
        enforced: &[
            Check("e5_staggered_chairs"),
            Decide("open-motion"),
            Decide("close-election"),
        ],
        tests: &["e5_a_chair_seat_continues_across_every_term_end"],
    },
    Rule {
        id: RuleId::E6,
        title: "Technical leads need two majorities",
        text: "A technical lead is nominated by the TOC and the SIG's chairs and needs both a \
               two-thirds majority of the TOC and a two-thirds majority of the chairs.",
        seeds: &[Paddle],
        keys: &[key(BODY, "decisions.appoint-tech-leads", "none")],
        enforced: &[Decide("open-motion"), Decide("close-motion")],
        tests: &["e6_a_tech_lead_needs_two_thirds_of_the_toc_and_two_thirds_of_the_sig_chairs"],
    },
    Rule {
        id: RuleId::E7,
        title: "Removing a chair or technical lead",
        text: "The TOC can remove a SIG chair or technical lead at any time by a two-thirds vote.",
        seeds: &[Paddle],
        keys: &[key(BODY, "decisions.remove-leads", "none")],
        enforced: &[Decide("open-motion"), Decide("close-motion")],
        tests: &["e7_a_sig_chair_is_removed_by_two_thirds_of_the_toc"],
    },
    Rule {
        id: RuleId::E8,
        title: "Chairs take turns running meetings",
        text: "A SIG's chairs take turns running its meetings, in a rotation the registry sets \
               (each meeting, monthly, or none).",
        seeds: &[Paddle],
        keys: &[key(BODY, "meetings.rotation", "none")],
        enforced: &[Decide("schedule-meeting")],
        tests: &["e8_sig_chairs_take_turns_running_meetings"],
    },
    Rule {
        id: RuleId::E9,
        title: "Liaisons volunteer; the PTL picks",
        text: "Liaisons are volunteers. Where several volunteer for one area, the PTL picks one. \
               Avoid all liaisons coming from one organisation.",
        seeds: &[OpenStack],
        keys: &[key(BODY, "liaisons", "none")],
        enforced: &[Decide("volunteer-liaison"), Decide("choose-liaison")],
        tests: &["e9_committers_volunteer_and_the_ptl_chooses_among_them"],
    },
    Rule {
        id: RuleId::E10,
        title: "Term limits warn, never block",
        text: "Rotation of leaders is encouraged but not required: a term limit, where set, warns \
               about someone past it and never stops them from serving.",
        seeds: &[Dask],
        keys: &[
            key(POLITY, "term-limit", "none"),
            key(BODY, "term-limit", "the constitution's"),
        ],
        enforced: &[Check("e10_term_limits")],
        tests: &["e10_term_limits_warn_and_never_block"],
    },
    Rule {
        id: RuleId::E11,
        title: "Committers promote committers",
        text: "A contributor becomes a committer of a project when that project's committers promote \
               them, after a history of contributions.",
        seeds: &[Cfn],
        keys: &[key(BODY, "decisions.promote-committer", "none")],
        enforced: &[
            Check("authorities_exist"),
            Decide("open-motion"),
            Decide("close-motion"),
        ],
        tests: &["e11_electorates_named_in_decisions_must_exist"],
    },
    Rule {
        id: RuleId::D1,
        title: "A meeting decides only with a quorum",
        text: "A meeting can take decisions only when more than half of the members attend (in \
               person or by proxy); otherwise it may discuss but not decide.",
        seeds: &[Cfn],
        keys: &[key(BODY, "meetings.quorum", "> 1/2 of members attend")],
        enforced: &[Decide("record-attendance"), Decide("close-motion")],
        tests: &["d1_a_meeting_without_quorum_cannot_decide"],
    },
    Rule {
        id: RuleId::D2,
        title: "Proxies",
        text: "A member who cannot attend may name a proxy before the meeting; the proxy attends \
               and votes for them.",
        seeds: &[Cfn],
        keys: &[key(BODY, "meetings.proxies", "false")],
        enforced: &[Decide("declare-proxy"), Decide("vote")],
        tests: &["d2_proxies_attend_and_vote_for_absent_members"],
    },
    Rule {
        id: RuleId::D3,
        title: "How a decision is taken",
        text: "Decisions are taken in a meeting, on the mailing list or by a public electronic vote; \
               each member votes yes, no or abstain. A decision is valid only if more than half of \
               the members voted, and it passes by the body's decision rule.",
        seeds: &[Cfn],
        keys: &[
            key(
                POLITY,
                "decision-rules.NAME.passes, decision-rules.NAME.valid-if",
                "none",
            ),
            key(BODY, "decides-by", "none"),
        ],
        enforced: &[Decide("open-motion"), Decide("vote"), Decide("close-motion"), Count],
        tests: &["d3_a_vote_is_valid_only_if_more_than_half_voted"],
    },
    Rule {
        id: RuleId::D4,
        title: "Ties",
        text: "On a tie the body discusses and votes again; if it is still tied, the chair has a \
               casting vote.",
        seeds: &[Cfn],
        keys: &[key(POLITY, "decision-rules.NAME.tie", "no tie-break: a tie fails")],
        enforced: &[Decide("close-motion"), Count],
        tests: &["d4_tie_then_revote_then_casting_vote"],
    },
    Rule {
        id: RuleId::D5,
        title: "Who sets the agenda",
        text: "Members, PTLs and sub-group members may add agenda items; anyone else asks, and a \
               member accepts the request.",
        seeds: &[Cfn],
        keys: &[key(BODY, "meetings.agenda-open-to", "members")],
        enforced: &[Decide("add-agenda-item"), Decide("accept-agenda-request")],
        tests: &["d5_only_a_member_accepts_an_agenda_request"],
    },
    Rule {
        id: RuleId::D6,
        title: "Meetings are public",
        text: "Meetings are announced in public and their minutes are published.",
        seeds: &[Paddle, Cfn],
        keys: &[key(BODY, "meetings.every, meetings.first", "no schedule")],
        enforced: &[Decide("schedule-meeting"), Decide("publish-minutes")],
        tests: &["d6_a_member_schedules_a_meeting_and_e8_names_its_chair"],
    },
    Rule {
        id: RuleId::D7,
        title: "Lazy consensus",
        text: "A proposal passes after its review period if nobody objects. An objection turns it \
               into a vote; a deadlock goes to whoever has the final say (S12).",
        seeds: &[Dask, OpenStack],
        keys: &[key(BODY, "decides-by", "none")],
        enforced: &[Decide("propose"), Decide("object"), Decide("conclude-proposal")],
        tests: &[
            "d7_a_proposal_passes_without_objection_and_only_members_object",
            "d7_the_review_period_ends_at_the_constitutions_deadline_time",
        ],
    },
    Rule {
        id: RuleId::D8,
        title: "Large decisions consult the advisory groups",
        text: "A large decision records the consultation of the body's advisory groups (S11) before \
               its vote closes.",
        seeds: &[Dask],
        keys: &[key(BODY, "consult-before", "none")],
        enforced: &[Decide("consult"), Decide("close-motion")],
        tests: &["d8_dask_large_decisions_consult_the_advisory_groups_first"],
    },
    Rule {
        id: RuleId::D9,
        title: "Voting capacity",
        text: "A voter may declare in which capacity they vote: personally or on behalf of an \
               employer.",
        seeds: &[Dask],
        keys: &[],
        enforced: &[Decide("vote")],
        tests: &["d9_a_voter_declares_the_capacity_they_vote_in"],
    },
    Rule {
        id: RuleId::D10,
        title: "Delegated authority",
        text: "Authority can be delegated: a liaison decides within their area (the release liaison \
               signs off a release) without the PTL.",
        seeds: &[OpenStack],
        keys: &[key(BODY, "liaisons", "none")],
        enforced: &[Decide("sign-off")],
        tests: &["d10_sign_off_and_e2_roll_through_the_forms"],
    },
    Rule {
        id: RuleId::D11,
        title: "The TOC may intervene",
        text: "The overseeing committee may always intervene in and reject a group's proposal or \
               motion.",
        seeds: &[Paddle],
        keys: &[],
        enforced: &[Decide("intervene")],
        tests: &["d11_the_toc_may_always_intervene_in_a_sig_proposal"],
    },
    Rule {
        id: RuleId::C1,
        title: "Kinds of contribution",
        text: "Contributions are of several kinds: code, reviews, use cases, requirements, documents \
               and other artefacts. Work outside git counts when it is recorded. Automation is no \
               contributor; a co-author counts only from the commit's trailer block; an AI assistant \
               named as co-author counts only where the registry says so.",
        seeds: &[Cfn],
        keys: &[
            key(
                POLITY,
                "bots",
                "polity's own patterns (GitHub apps, Dependabot, Renovate, OpenStack's and Kubernetes' bots)",
            ),
            key(POLITY, "ai-co-authors", "not-counted"),
        ],
        enforced: &[Stats],
        tests: &[
            "c1_contributions_outside_git_count_and_bad_files_import_nothing",
            "c1_registry_bots_and_ai_co_authors",
            "c1_a_registry_names_its_bots_and_whether_ai_co_authors_count",
        ],
    },
    Rule {
        id: RuleId::C2,
        title: "Contribution history is visible",
        text: "Each person's contribution history is visible and decides active membership (E2) and \
               promotion to committer (E11).",
        seeds: &[Cfn],
        keys: &[],
        enforced: &[Stats],
        tests: &["c2_a_persons_history_says_why_they_are_or_are_not_active"],
    },
    Rule {
        id: RuleId::C3,
        title: "Health checks",
        text: "The TOC runs health checks on projects: how active they are, how concentrated the \
               maintenance is, how many organisations take part.",
        seeds: &[Paddle, Dask],
        keys: &[],
        enforced: &[Stats],
        tests: &["c3_health_figures_and_chart_of_a_project"],
    },
    Rule {
        id: RuleId::T1,
        title: "Everything is on the record",
        text: "Every decision, vote, appointment and transition is recorded with its reason, in \
               public. Ballots of secret elections are public only as an anonymous tally sheet \
               that every voter can check their own ballot against; only the holder of a ballot's \
               key can replace it.",
        seeds: &[Paddle, Cfn],
        keys: &[],
        enforced: &[Record, Decide("cast-ballot"), Decide("close-election")],
        tests: &[
            "t1_a_ballot_that_is_accepted_can_always_be_counted",
            "t1_a_checkpoint_verifies_and_a_changed_one_does_not",
        ],
    },
    Rule {
        id: RuleId::RSyntax,
        title: "Registry files are YAML",
        text: "A registry file that is not YAML is reported at the position of its first problem \
               and left out; every other file is still read.",
        seeds: &[Polity],
        keys: &[],
        enforced: &[Load],
        tests: &["r_syntax_a_file_that_is_not_yaml_is_reported_and_the_rest_is_read"],
    },
    Rule {
        id: RuleId::RSchema,
        title: "Registry files have the registry's shape",
        text: "A key of the wrong type, an unknown key or a missing one is reported at its position; \
               the file is left out and every other file is still read.",
        seeds: &[Polity],
        keys: &[],
        enforced: &[Load],
        tests: &["r_schema_unknown_and_mistyped_keys_are_reported_where_they_are"],
    },
    Rule {
        id: RuleId::RValue,
        title: "Values parse and stay within bounds",
        text: "Dates, periods, thresholds, counts and links must parse, and every text has a bound. \
               A value that does not is reported with its position (in a file) or refused (in an \
               act), and the rest is kept.",
        seeds: &[Polity],
        keys: &[],
        enforced: &[Load, DecideAny],
        tests: &["r_value_every_field_is_bounded_and_no_input_panics"],
    },
    Rule {
        id: RuleId::RRef,
        title: "References name something",
        text: "A reference to a person, body, organisation, decision rule, motion or election that \
               does not exist is an error.",
        seeds: &[Polity],
        keys: &[],
        enforced: &[Check("references"), DecideAny],
        tests: &["r_ref_unknown_people_bodies_and_rules_are_reported"],
    },
    Rule {
        id: RuleId::RDup,
        title: "Ids are used once",
        text: "An id, a GitHub handle (without regard to case) or an address belongs to one person, \
               body or organisation. One company is one organisation: other ids it goes by are its \
               aliases, and two organisations that look like one are warned about.",
        seeds: &[Polity],
        keys: &[],
        enforced: &[Check("duplicates")],
        tests: &[
            "r_dup_github_handles_are_compared_without_regard_to_case",
            "r_dup_an_identity_belongs_to_one_person",
            "r_dup_one_company_under_two_ids",
        ],
    },
    Rule {
        id: RuleId::RInit,
        title: "A record starts from one registry",
        text: "A record starts with the registry it was made from, once, and only from a registry \
               that `polity check` accepts; every act comes after it.",
        seeds: &[Polity],
        keys: &[],
        enforced: &[Decide("record-registry")],
        tests: &["r_init_a_record_is_made_once_and_acts_need_one"],
    },
];
