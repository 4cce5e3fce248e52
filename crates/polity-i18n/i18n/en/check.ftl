## The shape of the bodies (S1–S12)
finding-no-parent = { $kind } { $body } has no parent body
finding-no-parent-hint = set `parent:` to the body that oversees it (one of: { $allowed })
finding-wrong-parent = { $kind } { $body } cannot hang under { $parentkind } { $parent }
finding-wrong-parent-hint = a { $kind } belongs under one of: { $allowed }
finding-parent-cycle = body { $body } is its own ancestor: the parent links form a cycle
finding-parent-cycle-hint = bodies form a tree: break the cycle by correcting one `parent:`
finding-no-toc-liaison = SIG { $body } has no TOC liaison
finding-no-toc-liaison-hint = set `toc-liaison:` to a voting member of the overseeing committee
finding-toc-liaison-not-member = the TOC liaison of SIG { $body } is { $person }, who is not a voting member of { $toc } on { $date }
finding-toc-liaison-not-member-hint = name one of { $toc }'s members: { $members }
finding-no-staff-liaison = SIG { $body } has no executive-staff liaison to own its reports
finding-no-staff-liaison-hint = set `staff-liaison:` to the staff member who owns the quarterly and annual reports
finding-no-timetable = working group { $body } has no timetable
finding-no-timetable-hint = a working group is time-limited: set `charter.timetable.end:` to its end date
finding-past-timetable = working group { $body } is past its timetable, which ended on { $date }
finding-past-timetable-hint = archive it (dissolve) by a motion, or extend the timetable by a motion of the overseeing body
finding-long-timetable = working group { $body } has a timetable to { $end }, more than { due-period } after it started on { $start }
finding-long-timetable-hint = working groups are time-limited: shorten the timetable or charter a SIG instead
finding-delivered-still-live = working group { $body } has delivered all its deliverables and is still live
finding-delivered-still-live-hint = a working group is dissolved once its deliverables are delivered: archive it by a motion
finding-seat-count = { $body } has { $count } members on { $date }; it must have { $seats } seats
finding-seat-count-hint = { $short ->
        [true] { $vacant } seat(s) are vacant: run an election, or record its result
       *[other] end some terms, or change `seats:` by amending the constitution
    }
finding-officer-count = { $body } has { $count } { $seat } seat holder(s) on { $date }; it must have { $range }
finding-officer-count-hint = { $short ->
        [true] fill the vacant { $seat } seat: elect or appoint and record the holder
       *[other] end a { $seat } term, or change `officers:`
    }
finding-no-affiliation = { $person } holds a seat in { $body } but has no affiliation on { $date }
finding-no-affiliation-hint = record the person's affiliation in people.yaml (an independent member gets an organisation of their own)
finding-over-cap = { $organisation } holds { $count } seats in { $body } on { $date } ({ $people }); at most { $cap } per organisation
finding-over-cap-hint = a seat holder changed employer or was seated over the cap: one of them must step down or a seat be re-run
finding-no-ptl = { $kind } { $body } has no PTL on { $date }
finding-no-ptl-hint = every project has exactly one PTL: record the PTL election's result in `holders:`
finding-ptl-not-committer = the PTL of { $body }, { $person }, is not one of its committers
finding-ptl-not-committer-hint = the PTL must be a committer of the project: add them to `committers:` (by promotion, E11) or elect another PTL
finding-many-ptls = { $body } has { $count } PTLs on { $date }
finding-many-ptls-hint = a project has exactly one PTL: end all but one term
finding-no-liaison = { $kind } { $body } has no { $area } liaison
finding-no-liaison-hint = name a volunteer under `liaisons: {"{"} { $area }: ... {"}"}` (the PTL picks when several volunteer, E9)
finding-unknown-area = "{ $area }" is not a liaison area of the constitution
finding-unknown-area-hint = use one of: { $areas }
finding-liaisons-one-organisation = all { $count } liaisons of { $body } work for { $organisation }
finding-liaisons-one-organisation-hint = avoid all liaisons coming from one company (E9): invite volunteers from other organisations
finding-role-is-seat = "{ $role }" is not a named role: chairs and technical leads are seats
finding-role-is-seat-hint = record chairs and technical leads under `holders:`
finding-role-not-approved = role "{ $role }" in { $body } is approved by { $approving } of { $chairs } chairs on { $date }; it needs more than half
finding-role-not-approved-hint = list the approving chairs under `approved-by:` (chairs on that date: { $names })
finding-partner-no-maintainer = industry partner { $organisation } in { $body } names no full-time maintainer
finding-partner-no-maintainer-hint = an industry partner must employ at least one full-time maintainer: set `maintainer:`
finding-maintainer-elsewhere = { $person } is named as { $organisation }'s maintainer but does not work for { $organisation } on { $date }
finding-maintainer-elsewhere-hint = name a maintainer employed by the partner, or correct the affiliation in people.yaml
finding-final-say-vacant = the final say in { $body } belongs to its { $seat }, and that seat is vacant on { $date }
finding-final-say-vacant-hint = fill the seat, or name the final-say holder explicitly

## Seats, terms and lifecycles (E*, L*)
finding-officer-not-member = { $person } is { $seat } of { $body } but not one of its members on { $date }
finding-officer-not-member-hint = chair and co-chairs are elected from the committee's members
finding-chairs-not-staggered = every chair term in SIG { $body } ends on { $date }: no chair seat continues across that change
finding-chairs-not-staggered-hint = stagger the chair terms (`class:` a and b) so at least one chair stays in office across every term end
finding-no-successor = the { $seat } term of { $person } in { $body } ended on { $date } and no successor is recorded
finding-no-successor-hint = run the election (see `polity due`) and record the new term in `holders:`
finding-term-limit = { $person } is in { $run } consecutive { $seat } terms in { $body }; the term limit is { $limit }
finding-term-limit-hint = rotation is encouraged, not mandatory: this is a warning and blocks nothing
finding-missing-electorate = { $body } names { $electorate } as an electorate, but { $missing ->
        [overseer] it has no oversight committee above it
        [committers] it lists no committers
       *[other] the constitution defines no `active-member` rule (E2)
    }
finding-missing-electorate-hint = name an electorate the body has, or add what it needs
finding-history-order = history of { $body } goes back in time: { $state } on { $date } comes after { $previous }
finding-history-order-hint = list the history in date order
finding-history-transition = { $body } cannot move from { $from } to { $to }
finding-history-transition-hint = groups move forming → active → archived, and archived groups are reactivated (L7)
finding-transition-without-motion = { $body } became { $state } on { $date } without a recorded motion
finding-transition-without-motion-hint = every transition needs a review and vote of the overseeing body: set `motion:` to the motion that passed it
finding-state-not-history = { $body } declares state { $state } but its history ends in { $last }
finding-state-not-history-hint = add the transition to `history:` with its motion, or correct `state:`
finding-no-charter = SIG { $body } has no charter
finding-no-charter-hint = add `charter:` with scope in and out, overlaps and deviations, and its approval date
finding-charter-not-approved = the charter of SIG { $body } records no TOC approval
finding-charter-not-approved-hint = set `charter.approved:` to the date the TOC last approved it
finding-charter-review-overdue = the charter review of SIG { $body } is overdue: last approved { $approved }, due { $due }
finding-charter-review-overdue-hint = the TOC reviews every SIG charter every { due-period }: review it and record the new approval date
finding-charter-scope = the charter of SIG { $body } does not state both what is in and what is out of scope
finding-charter-scope-hint = fill `charter.scope.in:` and `charter.scope.out:`
finding-deviation-unexplained = deviation "{ $deviation }" in the charter of { $body } lacks its reason or approval
finding-deviation-unexplained-hint = every deviation from the standard guidelines states its reason and its approval
finding-report-dissolve = SIG { $body } { finding-last-report }: { due-period } or more without a report (since { $date })
finding-report-dissolve-hint = it must be dissolved: record the TOC's dissolution motion, or record the missing report
finding-report-warning = SIG { $body } { finding-last-report }: { due-period } or more without a report (since { $date })
finding-report-warning-hint = the TOC may consider retiring it; it must be dissolved from { $dissolve } unless it reports

## Words inside findings (referenced by the messages above, with the same values)
finding-kind-name = { $kind }
finding-parent-kind-name = { $parentkind }
finding-seat-name = { $seat }
finding-state-name = { $state }
finding-last-report = { $reported ->
        [false] has not reported since it formed on { $since }
       *[true] last reported on { $last }
    }

## What a proposed sub-group (L2) or SIG (L3) still lacks
finding-sub-group-gap = sub-group { $body } { $gap ->
        [committers] has { $count } committer(s); it needs at least { $needed }
        [organisations] has committers from { $count } organisation(s) on { $date }; it needs at least { $needed }
        [ptl] has no agreed PTL
        [scope] has no defined scope
        [plan] has no plan
        [page] has no public page
        [announcement] was not announced on the mailing list
       *[review] has no recorded TSC review and vote that made it { $state }
    }
finding-sub-group-gap-hint = { $gap ->
        [committers] list the initial committers under `committers:`
        [organisations] a sub-group needs committers from different organisations
        [ptl] record the PTL under `holders:` with seat ptl
        [scope] state the scope under `charter.scope.in:`
        [plan] state the plan under `proposal.plan:`
        [page] link its public page under `proposal.page:`
        [announcement] link the notice under `proposal.announcement:`
       *[review] add the step to `history:` with the motion that passed it
    }
finding-sig-proposal-gap = proposed SIG { $body } { $gap ->
        [purpose] states no purpose
        [leads] has fewer than two volunteer leads
       *[resources] states no resources needed
    }
finding-sig-proposal-gap-hint = { $gap ->
        [purpose] state it under `proposal.purpose:`
        [leads] list two or more under `proposal.leads:`
       *[resources] state them under `proposal.resources:`
    }

## References (R-REF)
finding-unknown-person = { $what } refers to unknown person "{ $person }"{ $didyoumean }
finding-unknown-person-hint = { $handle ->
        [true] add a person with this GitHub handle to people.yaml, or correct the handle
       *[false] add the person to people.yaml, or correct the id (write @handle to refer by GitHub handle)
    }
finding-unknown-body = body { $body } refers to unknown body "{ $unknown }"{ $didyoumean }
finding-unknown-body-hint = add a file under bodies/ with this id, or correct the id
finding-unknown-decision-rule = body { $body } decides by unknown decision rule "{ $rule }"
finding-unknown-decision-rule-hint = name one of the constitution's `decision-rules`, or add it there
finding-unknown-organisation = unknown organisation "{ $organisation }"
finding-unknown-organisation-hint = add it to organisations.yaml, or correct the id

## Duplicates (R-DUP)
finding-alias-is-organisation = alias "{ $alias }" of { $organisation } is the id of another organisation, { $other }
finding-alias-is-organisation-hint = merge the two: keep one entry and list the other id under its `aliases`
finding-alias-twice = alias "{ $alias }" of { $organisation } is already an alias of { $earlier }
finding-alias-twice-hint = an alias belongs to one organisation
finding-look-alike-organisations = { $earlier } and { $organisation } look like one organisation (both are "{ $key }" without case, punctuation and legal form)
finding-look-alike-organisations-hint = if they are one, keep { $earlier } and add "{ $organisation }" to its `aliases` in organisations.yaml

## Duplicates (R-DUP), continued
finding-shared-domain = { $earlier } and { $organisation } share the e-mail domain { $domain }
finding-shared-domain-hint = a domain names one employer: merge the two (`aliases`) or remove the domain from one
finding-used-again = { $kind } "{ $key }" is used again (first at line { $line })
finding-used-again-hint = { $kindkey ->
        [person-id] give every person a unique id
        [github-handle] GitHub handles are compared without regard to case: merge the two people or correct the handle
        [body-id] give every body a unique id
       *[organisation-id] give every organisation a unique id
    }
finding-identity-claimed = { $kind } "{ $key }" of { $person } is already { $earlier }'s
finding-identity-claimed-hint = an identity belongs to one person: merge the two people or remove the identity from one

## Files that cannot be read (R-SYNTAX, R-SCHEMA)
finding-unknown-key = unknown key `{ $key }`: this file has no such key; the rest of { $file } was not read{ finding-hidden }
finding-unknown-key-hint = { finding-schema-hint }
finding-unknown-key-near = unknown key `{ $key }`; did you mean { $near }? The rest of { $file } was not read{ finding-hidden }
finding-unknown-key-near-hint = { finding-schema-hint }
finding-missing-key = missing field `{ $key }`; the rest of { $file } was not read{ finding-hidden }
finding-missing-key-hint = { finding-schema-hint }
finding-schema-other = { $message }; the rest of { $file } was not read{ finding-hidden }
finding-schema-other-hint = { finding-schema-hint }
finding-syntax = { $message }; the rest of { $file } was not read{ finding-hidden }
finding-syntax-hint = this file is not valid YAML: check the indentation, quotes and colons near this position
finding-schema-hint = see docs/registry-format.md and schema/ for the keys and types this file takes
finding-hidden = { $hidden ->
        [none] {""}
       *[other] {" "}({ $hidden } finding(s) elsewhere that follow from this one are not shown: fix this first)
    }

## Values that are not what their key takes (R-VALUE)
finding-value-zone = { $reason }
finding-value-zone-hint = write an IANA zone name such as `Asia/Shanghai` or `Europe/Berlin`, `UTC`, or `AoE`
finding-value-date = { $value } is not a valid date{ $reason }
finding-value-date-hint = write a calendar date as YYYY-MM-DD
finding-value-period = { $reason }
finding-value-period-hint = write a period like "2 weeks" or "12 months"
finding-value-threshold = { $reason }
finding-value-threshold-hint = thresholds are exact: a bound (> or >=), a fraction n/d, and what it is of
finding-value-count = { $reason }
finding-value-count-hint = write a count like 3 or a range like "1..2"
finding-value-method = { $reason }
finding-value-method-hint = name a counting method
finding-value-compat = unknown compat { $value }: an election of people counts as `strict` Schulze or in `elekto`'s order
finding-value-compat-hint = write strict or elekto
finding-value-bot-pattern = bot pattern { $value } is too short: it would match almost everyone
finding-value-bot-pattern-hint = write at least three characters, e.g. `ci@acme.example` or `[bot]`
finding-value-deadline-time = { $reason }
finding-value-deadline-time-hint = write the time deadlines fall at as `deadline-time: "18:00"` (quoted, 24-hour), or leave it out for midnight
finding-value-webhook-url = webhook URL { $value } is not an https link
finding-value-webhook-url-hint = write the receiver's https:// address (plain http only to this machine, for testing)
finding-value-webhook-secret = { $value } is not the name of an environment variable
finding-value-webhook-secret-hint = name the variable that holds the secret, in capitals (e.g. `POLITY_WEBHOOK_SECRET`); never the secret itself
finding-value-affiliation-order = the affiliation with { $organisation } ends before it starts
finding-value-affiliation-order-hint = `until` is the first day no longer employed and comes after `from`
finding-value-identity = an identity of { $person } does not give exactly one of email, name, github
finding-value-identity-hint = write each merge rule as `{"{"} email: ... {"}"}`, `{"{"} name: ... {"}"}` or `{"{"} github: ... {"}"}`
finding-value-lang = { $value } is not a language polity writes in
finding-value-lang-hint = write `lang: en` (English) or `lang: zh` (Simplified Chinese)
finding-value-notice-kind = { $value } is not a kind of notice{ $near }
finding-value-notice-kind-hint = mute one of: voting-reminder, election-result, term-ending, motion-awaiting-vote
finding-value-notice-required = { $kind } cannot be muted: the constitution requires it ({ $rule })
finding-value-notice-required-hint = remove it from `mute:`; only voting-reminder, election-result, term-ending and motion-awaiting-vote are optional
finding-value-seats-range = seats min { $min } is above max { $max }
finding-value-seats-range-hint = set min <= max
finding-value-term-order = the { $seat } term of { $person } ends before it starts
finding-value-term-order-hint = `until` is the day the term ends and comes after `from`
finding-value-report-link = the report's link { $value } is not an https: or http: link
finding-value-report-link-hint = give a web address starting with https://
finding-value-final-say = final-say of { $body } must name either a person or a seat
finding-value-final-say-hint = write `final-say: {"{"} person: ID {"}"}` or `final-say: {"{"} seat: ptl {"}"}`
