# Each act of the record as a sentence in English (feeds, webhooks, pages, the command line).
# Twins in ../zh/acts.ftl. Values are names (people, bodies), ids and dates.

## Motions, proposals, interventions
act-motion-opened = { $by } opened the motion "{ $title }" in { $body }.
act-vote-cast = { $member } voted on motion { $motion }.
act-motion-revote = The vote on motion { $motion } was tied; round { $round } begins.
act-motion-closed = { $by } closed motion { $motion }: { $outcome } ({ $yes } yes, { $no } no, { $abstain } abstain).
act-proposal-opened = { $by } proposed "{ $title }" in { $body } by lazy consensus; objections until { $deadline }.
act-proposal-objected = { $by } objected to proposal { $proposal }; it goes to a vote (motion { $motion }).
act-proposal-accepted = Proposal { $proposal } was accepted: nobody objected in time.
act-final-say-recorded = { $by } gave the final say on motion { $motion }: { $decision }.
act-intervened = { $by } intervened in { $target }.
act-consultation-recorded = { $by } recorded { $group }'s advice on motion { $motion }.

## Meetings
act-meeting-scheduled = { $by } announced a meeting of { $body } on { $on }.
act-agenda-item-added = { $by } added "{ $item }" to the agenda of meeting { $meeting }.
act-agenda-item-requested = { $by } asked for "{ $item }" on the agenda of meeting { $meeting }.
act-proxy-declared = { $member } named { $holder } as proxy for meeting { $meeting }.
act-attendance-recorded-quorum = Attendance of meeting { $meeting }: { $attending } attending; the quorum was met.
act-attendance-recorded-no-quorum = Attendance of meeting { $meeting }: { $attending } attending; the quorum was not met.
act-minutes-published = { $by } published the minutes of meeting { $meeting }.

## Elections
act-election-opened = { $by } opened an election of { $seats } { $seat } seat(s) of { $body }: nominations until { $nominations }, voting until { $voting }.
act-candidate-nominated = { $by } nominated { $candidate } in election { $election }.
act-candidate-consented = { $candidate } accepted the nomination in election { $election }.
act-candidate-withdrew = { $candidate } withdrew from election { $election }.
act-statement-published = { $candidate } published a statement in election { $election }.
act-nominations-closed = Nominations closed in election { $election }; candidates: { $candidates }.
act-ballot-cast = { $voter } voted in election { $election }.
act-election-closed-not-valid = { $by } closed election { $election }: not valid (too few voted).
act-election-closed-no-one = { $by } closed election { $election }: no one was elected.
act-election-closed = { $by } closed election { $election }: elected { $winners }.

## The registry, reports, seats, liaisons, lifecycles
act-registry-recorded = { $by } recorded the registry ({ $files } files).
act-registry-amended = Commit { $commit } by { $author } amended the registry: { $subject } ({ $changes } changes, { $findings } without a recorded process).
act-registry-amended-unreadable = Commit { $commit } by { $author } changed the registry files, but they could not be read; nothing of it applies: { $subject }.
act-report-submitted = { $by } submitted { $body }'s { $report } report of { $on }.
act-roll-recorded = { $by } recorded the roll of active members on { $on } ({ $members } people).
act-liaison-volunteered = { $person } volunteered as { $area } liaison of { $body }.
act-liaison-chosen = { $by } chose { $person } as { $area } liaison of { $body }.
act-signed-off = { $by } signed off "{ $subject }" for { $area } in { $body }.
act-working-group-dissolved = { $by } dissolved the working group { $body } on { $on }.
act-term-ended = { $person }'s term as { $seat } of { $body } ended on { $on }.
act-no-confidence = { $body } lost a vote of no confidence (motion { $motion }).
act-committer-promoted = { $person } became a committer of { $body }.
act-body-transitioned = { $body } became { $state } on { $on }.
act-term-started = { $person } became { $seat } of { $body } from { $from }.
act-term-started-until = { $person } became { $seat } of { $body } from { $from } until { $until }.

## Words inside the sentences (English sentences use the record's own words)
outcome-carried = carried
outcome-failed = failed
outcome-no-quorum = no quorum
outcome-invalid = invalid
outcome-tied-vote-again = tied: vote again
outcome-tied-the-chair-s-casting-vote-decides = tied: the chair's casting vote decides
outcome-deadlocked = deadlocked
choice-word-yes = yes
choice-word-no = no
choice-word-abstain = abstain
report-quarterly = quarterly
report-annual = annual
