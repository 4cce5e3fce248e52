# polity's web UI in English. Every message here has its twin in ../zh/web.ftl (a test checks it).
# The terms follow docs/glossary.md.

## The frame of every page
site-tagline = every act is decided by the rules and kept in a hash-chained record
skip-to-content = Skip to content
nav-site = Site
nav-people = People
nav-record = Record
nav-rules = Rules
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-language = Language
as-of = As of { $date }
feed-title = The governance record
api = API

## Home
home-title = Governance
home-no-registry = No registry is recorded yet. Start the server with --registry DIR or run polity init.
home-bodies = Bodies
home-under-way = Under way
home-nothing-under-way = Nothing is under way.
home-elections = Elections
home-motions = Motions
home-meetings = Meetings

## Sign-in
signin-title = Sign in
signin-login = Login
signin-password = Password
signin-button = Sign in
signed-in-as = Signed in as { $login }.
signin-github = Sign in with GitHub

## Errors
error-not-allowed = Not allowed
error-sign-in = Please sign in
error-not-found = Not found
error-too-many = Too many attempts
error-failed = That did not work
error-refused-by = Refused by rule
error-to-proceed = To proceed:
back = Back

## Elections
election-title = Election { $id }
election-seats = { $seats } seat(s): { $seat } of
election-opened-by = opened by { $name }
election-deadline = Nominations close { $nominations } · voting closes { $closes } (the last day to vote is { $last }).
election-deadline-yours = In your time zone, { $zone }: nominations close { $nominations }, voting closes { $closes }.
election-phase-nominating = Nominations are open.
election-phase-voting = Voting is open.
election-phase-closed = This election is closed.
election-voted = { $voted } of { $eligible } eligible voters have voted.
election-valid-at-least = The result is valid only if at least { $fraction } of the { $eligible } eligible voters vote: { $needed } needed{ $more }.
election-valid-more-than = The result is valid only if more than { $fraction } of the { $eligible } eligible voters vote: { $needed } needed{ $more }.
election-reached = , reached
election-more-to-go = , { $more } more to go
election-sign-in-to-vote = Sign in to vote
election-candidates = Candidates
election-nobody-nominated = Nobody is nominated yet.
election-nominee-withdrawn = withdrawn
election-nominee-consented = consented
election-nominee-nominated = nominated
election-statement-publish = Publish your statement (nominees)
election-statement-label = Your statement to the voters
election-statement-button = Publish
election-nominations = Nominations
election-nominate-label = Nominate (id or @handle)
election-nominate-button = Nominate
election-consent = I consent to my nomination
election-withdraw = Withdraw my nomination
election-cannot-close-nominations = You cannot close the nominations yet:
election-close-nominations = Close nominations and open the vote
election-your-ballot = Your ballot
election-cannot-vote = You cannot vote in this election:
election-rule = rule
election-have-voted = You have voted. Your ballot is kept secret and counted at the close; you need do nothing more.
election-change-ballot = Change my ballot
election-change-how = To change your ballot, fill it in again and give the ballot key you were shown when you voted (not the receipt). Only your last ballot counts.
election-rank-how = Rank the candidates: 1 for your first choice, 2 for the next, and so on. Give two candidates the same number to rank them equal; leave a candidate unranked to place them below everyone you ranked.
election-not-ranked = not ranked
election-abstain = Abstain: rank nobody (a blank ballot counts toward turnout)
election-earlier-key = Ballot key of your earlier ballot
election-replace-ballot = Replace my ballot
election-cast-ballot = Cast my secret ballot
election-cannot-close = You cannot close the election yet:
election-close = Close the election and count…
election-result = Result
election-not-valid = Not valid: too few voters took part, so nobody is elected; the explanation below gives the figures.
election-nobody-elected = Nobody is elected.
election-elected = Elected:
election-elected-seat = { $seat } of the { $body }
election-term-until = term from { $from } until { $until }
election-term-open = term from { $from }, without an end date
election-how-counted = How it was counted
election-skipped-cap = Skipped for the cap on seats per organisation
election-skip = { $name } ({ $org }) was skipped: { $org } already holds { $held } of at most { $cap } seat(s).
election-skip-plain = { $name } was skipped for the cap on seats per organisation.
election-pairwise = Pairwise preferences
election-pairwise-how = Each cell: how many voters ranked the row's candidate above the column's. Rows and columns in the order of the result; a cell is marked as a win when the row's candidate beats the column's head to head, a loss when beaten, a tie when even.
election-win = win
election-loss = loss
election-tie = tie
election-candidate = Candidate
election-rounds = Rounds of the count
election-rounds-how = Single transferable vote: each round's quota and what it did, then each candidate's votes after every round.
election-round = Round { $n }
election-round-line = Quota { $quota }; exhausted { $exhausted }:
election-votes-per-round = Votes after each round
election-explanation = The count's explanation, step by step
election-receipt-check = Check your receipt
election-receipt = Receipt
election-find-ballot = Find my ballot
election-receipt-found = Found: receipt { $receipt } is on the tally sheet, ranking { $ranking }.
election-receipt-missing = Receipt { $receipt } is NOT on the tally sheet. Tell the election officers.
election-sheet = Tally sheet ({ $n } ballots)
election-sheet-how = Every ballot, sorted by receipt, without voters: anyone can count them again.
election-ranking = Ranking
method-schulze = Schulze method: the ballots are compared candidate by candidate; the winner is the candidate who beats every other head to head, and when wins go round in a circle, the one with the strongest chain of wins.
method-ranked-pairs = Ranked pairs: the head-to-head wins are fixed from the largest majority down, leaving out any that would go round in a circle; the candidate nobody beats in the fixed wins comes first.
method-copeland = Copeland: two points for each candidate beaten head to head and one for each tie; the most points come first.
method-plurality = Plurality: each ballot counts for the candidate it ranks first; the most first choices win.
method-approval = Approval: each ballot approves every candidate it ranks; the most approvals win.
method-stv = Single transferable vote: a candidate whose votes reach the quota is elected and the votes beyond it pass to the voters' next choices; when nobody reaches it, the candidate with the fewest votes is excluded and their votes pass on, until every seat is filled.
method-other = Counted by the method { $name }.

## The ballot's receipt
ballot-title = Your ballot is recorded
ballot-recorded = Your secret ballot in { $election } is recorded. This page is shown once: polity keeps neither of the two codes below next to your name.
ballot-receipt = Receipt (public)
ballot-receipt-how = After the count, find your ballot on the published tally sheet with it.
ballot-key = Ballot key (secret)
ballot-key-how = The only way to change your ballot before the close: give it when you vote again. Never share it: whoever holds it can replace your ballot.
ballot-back = Back to the election

## Asking before an act that cannot be undone
confirm-cannot-undo = This cannot be undone.
confirm-cancel = Cancel and go back
confirm-close-election = Close election { $id } and count the ballots?
confirm-close-election-button = Close the election and count
confirm-close-election-standing = { $voted } of { $eligible } eligible voters have voted; voting closes { $closes } (the last day to vote is { $last }).
confirm-close-election-counts = Closing now counts { $voted } ballot(s), publishes the result and the tally sheet, and starts the terms of those elected. Nobody can vote after it.
confirm-close-election-invalid = Only { $voted } have voted and the result is valid with { $needed }: closing now makes the result not valid, and nobody is elected.
confirm-close-motion = Close motion { $id }?
confirm-close-motion-button = Close the motion
confirm-final-say = Decide motion { $id } with the final say?
confirm-final-say-button = Record my final say
confirm-dissolve = Dissolve { $id }?
confirm-dissolve-button = Dissolve it
confirm-other = Confirm: { $id }
confirm-other-button = Confirm
confirm-records = Doing it now records this, and it cannot be undone:

## Success
done-vote = Your vote is recorded.
done-nomination = The nomination is recorded.
done-consent = Your consent is recorded.
done-statement = Your statement is published.
done-nominations-closed = Nominations are closed and voting is open.
done-election-closed = The election is closed and counted.
done = Done.

## The record
log-title = The record
log-intro = Every act, newest first, as it was recorded.
log-feed = Follow the record in a feed reader
log-intact = Intact: { $events } events, the hash chain recomputed up to head { $head }.
log-tampered = TAMPERED:
log-filter = Filter the record
log-body = Body
log-every-body = Every body
log-kind = What
log-every-kind = Every kind of act
log-from = From (YYYY-MM-DD)
log-until = Until (YYYY-MM-DD)
log-show = Show
log-clear = Clear
log-none = No act matches.
log-none-scanned = No act matches among the events read back to event { $seq }.
log-acts = Acts in the record
log-seq = #
log-date = Date
log-what = What happened
log-who = Who
log-raw = Raw
log-raw-label = Event { $seq } as JSON
log-scanned = Read back to event { $seq }; older matches may follow.
log-earlier = Earlier events
log-checkpoints = Signed checkpoints
log-no-checkpoint = No checkpoint has been signed for this record yet. The operator signs one with polity audit checkpoint, and polity serve --checkpoint-key signs one at every election and motion close. With a copy of the checkpoints, polity audit verify --checkpoint FILE proves that the record was not rewritten before it.
log-keep-checkpoints = Keep a copy of the checkpoints: polity audit verify --checkpoint FILE proves the record still extends them.
log-download-checkpoints = Download the checkpoints (JSON)
log-event = Event
log-signed-on = Signed on
log-hash = Hash
log-public-key = Public key
log-registry-recorded = The registry's files were recorded.
log-unreadable = { $kind } (not readable by this version)

## People
people-title = People
person-calendar = { $name }'s calendar
person-calendar-how = the elections they vote in, their bodies' meetings and deadlines, their terms' ends.
person-roles = Roles
person-no-role = No seat held or recorded.
person-body = Body
person-seat = Seat
person-from = From
person-until = Until
person-now = Now
yes = yes
no = no
person-liaison = Liaison
person-liaison-of = { $area } of
person-committer-of = Committer of
person-history = History in the record
person-nothing = Nothing recorded.

## The account
me-acts-as = Acts as
me-no-person = This account acts as no person of the registry.
me-admin = Administrator.
me-new-token = Your new API token (shown once):
me-tokens = API tokens
me-token-id = Id
me-token-for = For
me-token-created = Created
me-revoke = Revoke
me-token-label = New API token for
me-token-example = e.g. CI
me-create-token = Create a token

## Rules
rules-title = The rules
rules-intro = Every act on this site is decided by these rules, and every refusal, result and finding names one of them. The numbers in a rule are the defaults of the community it comes from; this community's registry may set its own, shown on each rule's page.
rules-rule = Rule
rules-says = What it says
rule-here = Here
rule-nothing-here = This community's registry sets nothing for { $id }: the defaults below apply.
rule-set-by = Set by
rule-key-in = in
rule-default = default: { $value }
rule-origin = Where it comes from and where it applies
rule-from = From: { $seeds }.
rule-all = All rules
rule-original = The rule in English, as the catalog words it

## Motions
motion-title = Motion { $id }
motion-in = In
motion-rule = rule { $rule }
motion-opened-by = opened by { $name }
motion-round = round { $n }
motion-votes = Votes
motion-tally = Yes { $yes } · No { $no } · Abstain { $abstain }
motion-member = Member
motion-vote = Vote
motion-cast-by = Cast by
motion-capacity = Capacity
motion-result = Result: { $outcome }
motion-your-vote = Your vote
choice-yes = Yes
choice-no = No
choice-abstain = Abstain
motion-capacity-label = Capacity (optional)
motion-vote-button = Vote
motion-consult = Record an advisory group's consultation
motion-advisory-group = Advisory group
motion-advised = What they advised
motion-consult-button = Record the consultation
motion-final-say = Decide a deadlock as the final-say holder
motion-decision = Decision
motion-reason = Reason
motion-decide = Decide
motion-stop = Stop this motion as the overseeing body
motion-stop-button = Stop the motion
motion-cannot-vote = You cannot vote on this motion:
motion-cannot-close = You cannot close the vote yet:
motion-close = Close the vote
rule-one = Rule
rule-many = Rules

## Meetings
meeting-title = Meeting { $id }
meeting-of = Of
meeting-on = on { $date }
meeting-chaired = chaired by { $name }
meeting-agenda = Agenda
meeting-no-item = No item yet.
meeting-added-by = (added by { $name })
meeting-requested = Requested items
meeting-requested-by = (by { $name })
meeting-requested-by-accepted = (by { $name }, accepted)
meeting-accept = Accept onto the agenda
meeting-attendance = Attendance and quorum
meeting-present = Present:
meeting-not-recorded = Attendance not recorded yet.
meeting-proxies = Proxies:
meeting-quorum = Quorum:
meeting-quorum-met = met
meeting-quorum-not-met = not met
meeting-quorum-unknown = not known until attendance is recorded
meeting-minutes = Minutes
meeting-no-minutes = Not published yet
act = Act
meeting-item = Agenda item
meeting-add = Add to the agenda
meeting-ask = Ask for an item
meeting-request = Request
meeting-proxy = I cannot attend; my proxy
meeting-name-proxy = Name my proxy
meeting-present-legend = Present
meeting-record-attendance = Record attendance
meeting-minutes-link = Minutes link
meeting-publish-minutes = Publish the minutes

## Bodies
body-overseen-by = overseen by
body-terms-of = terms of { $term }
body-follow = Follow this body:
body-calendar = its calendar
body-calendar-how = (deadlines, meetings; add it to a calendar program)
body-feed = its news feed
body-feed-how = (every act, for a feed reader)
body-seats = Seats and terms
body-no-seat = No seat is held today.
body-seat = Seat
body-person = Person
body-liaisons = Liaisons
body-nobody = nobody
body-emeritus = Emeritus leads
body-emeritus-how = Former leads, holding no seat today.
body-owners = Code owners
body-owners-how = Who reviews and approves this body's code is kept in these OWNERS files:
body-charter = Charter
body-in-scope = In scope
body-out-of-scope = Out of scope
body-approved = Approved { $date }.
body-timetable-ends = Timetable ends { $date }.
body-obligations = Obligations (next three months)
body-nothing-due = Nothing is due.
body-overdue = overdue
body-reports = Reports
body-health = Contributions and health
body-health-how = Who contributed over the last twelve months, by organisation (CHAOSS definitions).
body-chart-svg = The chart as an SVG image
body-feasibility = Can its rules be met?
body-feasibility-how = Whether the people this body has today can fill its seats under its rules at the next election or appointment (polity feasibility).
body-can = Can be met
body-warning = Warning
body-cannot = Cannot be met
body-processes = Elections, motions, meetings
body-election = Election
body-motion = Motion
body-meeting = Meeting
body-proposal = Proposal
body-object-or-conclude = Object or conclude
body-objection = Objection (the proposal becomes a vote)
body-object = Object
body-conclude = Conclude (after the deadline, without objection)
body-stop-reason = Stop it as the overseeing body: reason
body-stop-proposal = Stop the proposal
body-not-offered = Why some acts are not offered here
body-act-how = The rules decide who may do what; a refused act says which rule and why.
body-all-rules = all rules
body-open-election = Open an election
body-seats-to-fill = Seats to fill
body-stagger = Stagger the terms
body-open-election-button = Open the election
body-open-motion = Open a motion
body-title = Title
body-transition = Transition (BODY:STATE, optional)
body-open-motion-button = Open the motion
body-schedule = Schedule a meeting
body-date = Date
body-schedule-button = Schedule
body-propose = Propose by lazy consensus
body-objections-until = Objections until
body-propose-button = Propose
body-volunteer = Volunteer for { $area }
body-sign-off = Sign off in { $area }, as its liaison
body-sign-off-button = Sign off
body-choose = Choose the { $area } liaison among the volunteers, as the PTL
body-choose-button = Choose
body-roll = Record the roll of active members
body-roll-csv = Contributions as CSV (date,person,kind,link); git histories are counted by polity election roll --repo
body-roll-source = Where they come from
body-roll-button = Record the roll
body-dissolve = Dissolve this working group
body-dissolve-button = Dissolve
body-report = Submit a report
body-link = Link
body-annual = Annual report
body-submit = Submit

## Vocabularies
seat-member = member
seat-chair = chair
seat-co-chair = co-chair
seat-tech-lead = tech lead
seat-ptl = PTL
kind-board = board
kind-oversight-committee = oversight committee
kind-committee = committee
kind-sig = SIG
kind-sub-group = sub-group
kind-working-group = working group
kind-project = project
kind-advisory-group = advisory group
state-proposed = proposed
state-forming = forming
state-active = active
state-archived = archived
data = { $text }
status-election-title = { $seats } seat(s): { $seat ->
    [member] member
    [chair] chair
    [co-chair] co-chair
    [tech-lead] tech lead
    [ptl] PTL
   *[other] { $seat }
}
status-nominations-until = nominations until { $date }
status-voting-until = voting until { $date }
status-closed = closed
status-open = open
status-outcome = { $outcome }
status-stopped = stopped
status-passed = passed
status-objected = objected: vote { $motion }
status-open-until = open until { $date }
status-meeting-title = meeting on { $date }
status-minutes-published = minutes published
status-held = held
status-announced = announced

## Refusals (the engine's, for the refusals people meet most; the others stay in English)
refusal-voting-closed = voting closed on { $date }
refusal-voting-closed-hint = ballots are no longer accepted
refusal-not-a-voter = { $person } may not vote in { $election }: voters are the { $voters }
refusal-not-a-voter-hint = only eligible voters vote
refusal-not-the-opener = { $person } did not open { $election }
refusal-not-the-opener-hint = { $opener } closes the election
refusal-close-early = voting in { $election } is open until { $closes }: { $voted } of { $eligible } eligible voters have voted
refusal-close-early-hint = close on or after { $closes }; it closes earlier only when every eligible voter has voted (or when the body's election rule says early-close: true)
refusal-election-phase = election { $election } is { $now }; this can be done only while it is { $needed }
refusal-election-phase-hint = wait for the election's next phase
refusal-not-a-member = { $person } is not a member of { $body }
refusal-not-a-member-hint = only the body's members do this
refusal-motion-closed = motion { $motion } is closed
refusal-motion-closed-hint = open a new motion
refusal-may-not-open-motion = { $person } may not open this motion in { $body }
refusal-may-not-open-motion-hint = one of them opens it: { $voters }
refusal-may-not-vote-motion = { $person } may not vote on { $motion } of { $body }
refusal-may-not-vote-motion-hint = only they vote: { $voters }
refusal-may-not-close-motion = { $person } did not open this motion and does not chair { $body }
refusal-may-not-close-motion-hint = the chair or the member who opened it closes it

## The rules' titles (their texts are in rules.ftl)
rule-title-S1 = Bodies form a tree
rule-title-S2 = A SIG's leadership
rule-title-S3 = An executive-staff liaison owns a SIG's reports
rule-title-S4 = Working groups are time-limited
rule-title-S5 = Seats and officers of a steering committee
rule-title-S6 = At most N seats per organisation
rule-title-S7 = Committer rights are per project
rule-title-S8 = One PTL, who is a committer
rule-title-S9 = Every liaison area is filled
rule-title-S10 = Named roles are approved by the chairs
rule-title-S11 = Advisory groups
rule-title-S12 = A final say, explicit and recorded
rule-title-L1 = Every change of state is voted
rule-title-L2 = What a new sub-group needs
rule-title-L3 = What a new SIG needs
rule-title-L4 = Charters are reviewed every year
rule-title-L5 = A SIG that stops reporting is retired
rule-title-L6 = No confidence
rule-title-L7 = An archived group can come back
rule-title-L8 = SIGs report quarterly and annually
rule-title-E1 = Elections of the steering committee
rule-title-E2 = Who is an active member
rule-title-E3 = Electing the committee's chairs
rule-title-E4 = PTL elections
rule-title-E5 = SIG chairs are appointed for staggered terms
rule-title-E6 = Technical leads need two majorities
rule-title-E7 = Removing a chair or technical lead
rule-title-E8 = Chairs take turns running meetings
rule-title-E9 = Liaisons volunteer; the PTL picks
rule-title-E10 = Term limits warn, never block
rule-title-E11 = Committers promote committers
rule-title-D1 = A meeting decides only with a quorum
rule-title-D2 = Proxies
rule-title-D3 = How a decision is taken
rule-title-D4 = Ties
rule-title-D5 = Who sets the agenda
rule-title-D6 = Meetings are public
rule-title-D7 = Lazy consensus
rule-title-D8 = Large decisions consult the advisory groups
rule-title-D9 = Voting capacity
rule-title-D10 = Delegated authority
rule-title-D11 = The TOC may intervene
rule-title-C1 = Kinds of contribution
rule-title-C2 = Contribution history is visible
rule-title-C3 = Health checks
rule-title-T1 = Everything is on the record
rule-title-R-SYNTAX = Registry files are YAML
rule-title-R-SCHEMA = Registry files have the registry's shape
rule-title-R-VALUE = Values parse and stay within bounds
rule-title-R-REF = References name something
rule-title-R-DUP = Ids are used once
rule-title-R-INIT = A record starts from one registry
refusal-blank-ballot = the ballot ranks no candidate
refusal-blank-ballot-hint = rank at least one candidate, or abstain explicitly (a blank ballot counts toward turnout)
refusal-abstain-and-rank = a ballot that abstains ranks no candidate
refusal-abstain-and-rank-hint = either rank candidates or abstain
refusal-already-voted = { $person } has already voted
refusal-already-voted-hint = to vote again, give the ballot key you were shown with your earlier ballot
refusal-wrong-ballot-key = that is not the key of your ballot
refusal-wrong-ballot-key-hint = give the ballot key you were shown when you last voted (a receipt is not a key)
refusal-self-nomination = { $person } may not nominate { $candidate }: candidates nominate themselves
refusal-self-nomination-hint = let the candidate nominate themselves
refusal-not-a-nominator = { $person } may not nominate in this election: nominators are the { $nominators ->
    [members] members
    [active-members] active members
    [committers] committers
    [overseer] members of the overseeing body
    [chairs] chairs
   *[other] { $nominators }
}
refusal-not-a-nominator-hint = ask one of them to nominate
refusal-may-not-stand = { $candidate } may not stand: candidates must be { $candidates ->
    [members] members
    [active-members] active members
    [committers] committers
    [overseer] members of the overseeing body
    [chairs] chairs
   *[other] { $candidates }
}
refusal-may-not-stand-hint = nominate one of them
refusal-already-nominated = { $candidate } is already nominated
refusal-already-nominated-hint = nothing to do
refusal-not-nominated = { $person } is not nominated in { $election }
refusal-not-nominated-hint = only a nominee consents or withdraws, for themselves
refusal-agenda-closed = { $person } may not add items to the agenda of { $meeting } directly
refusal-agenda-closed-hint = ask the body first: request the item
refusal-not-at-meeting = { $person } neither chairs { $meeting } nor is a member
refusal-not-at-meeting-hint = the chair or a member does this
refusal-objection-late = the review period of { $proposal } ended on { $date }
refusal-objection-late-hint = conclude it; object to the next proposal in time
refusal-conclude-early = the review period of { $proposal } runs until { $date }
refusal-conclude-early-hint = conclude it after the deadline

## Kinds of act (the record's filter)
act-kind-registry-recorded = Registry recorded
act-kind-report-submitted = Report submitted
act-kind-motion-opened = Motion opened
act-kind-vote-cast = Vote cast on a motion
act-kind-motion-revote = Motion revoted
act-kind-motion-closed = Motion closed
act-kind-body-transitioned = Body changed state
act-kind-committer-promoted = Committer promoted
act-kind-term-ended = Term ended
act-kind-meeting-scheduled = Meeting scheduled
act-kind-agenda-item-added = Agenda item added
act-kind-agenda-item-requested = Agenda item requested
act-kind-proxy-declared = Proxy named
act-kind-attendance-recorded = Attendance recorded
act-kind-minutes-published = Minutes published
act-kind-proposal-opened = Proposal opened
act-kind-proposal-objected = Proposal objected to
act-kind-proposal-accepted = Proposal accepted
act-kind-final-say-recorded = Final say recorded
act-kind-intervened = Overseeing body intervened
act-kind-roll-recorded = Roll of active members recorded
act-kind-consultation-recorded = Consultation recorded
act-kind-liaison-volunteered = Liaison volunteered
act-kind-liaison-chosen = Liaison chosen
act-kind-signed-off = Signed off
act-kind-working-group-dissolved = Working group dissolved
act-kind-no-confidence = No confidence
act-kind-election-opened = Election opened
act-kind-candidate-nominated = Candidate nominated
act-kind-candidate-consented = Candidate consented
act-kind-candidate-withdrew = Candidate withdrew
act-kind-statement-published = Statement published
act-kind-nominations-closed = Nominations closed
act-kind-ballot-cast = Ballot cast
act-kind-election-closed = Election closed
act-kind-term-started = Term started

## Refusals: references, motions, meetings
refusal-no-such-person = "{ $person }" is not a person of the registry
refusal-no-such-person-hint = act as a person of people.yaml (by id or @handle)
refusal-no-such-body = there is no body "{ $body }"
refusal-no-such-body-hint = name a body of the registry
refusal-already-recorded = this record already holds a registry
refusal-already-recorded-hint = use a new database for another registry
refusal-no-registry = the record holds no registry yet
refusal-no-registry-hint = run `polity init --registry DIR` first
refusal-one-subject = a motion has one subject: a transition, a promotion, a removal, an appointment or no confidence
refusal-one-subject-hint = open one motion for each
refusal-no-such-meeting = there is no meeting "{ $meeting }"
refusal-no-such-meeting-hint = name a meeting shown by `polity log`
refusal-no-such-proposal = there is no proposal "{ $proposal }"
refusal-no-such-proposal-hint = name a proposal shown by `polity log`
refusal-no-such-target = there is no proposal or motion "{ $target }"
refusal-no-such-target-hint = name one shown by `polity log`
refusal-no-such-motion = there is no motion "{ $motion }"
refusal-no-such-motion-hint = name a motion shown by `polity log`
refusal-meeting-of-another-body = meeting { $meeting } is a meeting of { $of }, not of { $body }
refusal-meeting-of-another-body-hint = vote in a meeting of the deciding body
refusal-no-decision-rule = { $body } names no decision rule
refusal-no-decision-rule-hint = pass --rule NAME, or set `decides-by:` in the body's file
refusal-no-such-decision-rule = there is no decision rule "{ $rule }"
refusal-no-such-decision-rule-hint = name one of the constitution's `decision-rules`
refusal-not-in-a-meeting = { $motion } is not voted in a meeting
refusal-not-in-a-meeting-hint = proxies attend meetings: vote yourself in an electronic vote
refusal-no-such-proxy = { $absent } named no proxy { $person } for { $meeting }
refusal-no-such-proxy-hint = { $absent } names the proxy before the meeting: `polity meeting proxy { $meeting } { $person } --as { $absent }`
refusal-did-not-attend = { $person } did not attend { $meeting }, in person or by proxy
refusal-did-not-attend-hint = only those attending vote in a meeting
refusal-not-the-chair = { $person } is not the chair of { $body }
refusal-not-the-chair-hint = only the chair casts the deciding vote
refusal-no-attendance = the attendance of { $meeting } is not recorded
refusal-no-attendance-hint = record who attends before the vote is closed
refusal-not-deadlocked = { $motion } is not deadlocked
refusal-not-deadlocked-hint = the final say decides only a deadlock, explicitly
refusal-not-an-advisory-group = { $group } is not an advisory group of { $body }
refusal-not-an-advisory-group-hint = consult the groups that advise the body
refusal-not-in-either = { $person } is neither in { $body } nor in { $group }
refusal-not-in-either-hint = a member of either records the consultation
