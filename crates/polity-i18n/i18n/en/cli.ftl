# The command line's own messages in English. Twins in ../zh/cli.ftl.

cli-error = polity: error: { $error }
cli-apply-refused = polity apply: { $refused } of { $lines } line(s) refused; the others were applied
cli-due-incomplete = polity: warning: { $errors } problem(s) reading { $dir }; obligations may be incomplete (run `polity check`)

## Acts
cli-refused = refused by { $rule }: { $message } (to proceed: { $hint }); see `polity rules { $rule }`
cli-recorded = recorded { $kind }: { $json }
cli-say-who = say who acts: --as PERSON
cli-no-registry = the record { $db } holds no registry: run `polity init` first
cli-not-a-date = { $flag } { $text } is not a date: { $problem }
cli-kept-moving = the record kept moving while deciding; try again

## polity rules
cli-rules-explain-one = Explain one: polity rules ID [--registry DIR]
cli-rules-from = From: { $seeds }
cli-rules-set-by = Set by:
cli-rules-key = { $file } `{ $key }` (default: { $default })
cli-rules-here-nothing = Here ({ $dir }): the registry sets nothing for { $rule }; the defaults apply.
cli-rules-here = Here ({ $dir }):
cli-rules-enforced-by = Enforced by:
cli-rules-tested-by = Tested by: { $tests }
cli-no-such-rule = there is no rule { $id }; `polity rules` lists them all (S1–S12, L1–L8, E1–E11, D1–D11, C1–C3, T1, R-*)

## Elections
cli-not-consented = { $person } (did not consent, which this election requires)
cli-nobody = nobody
cli-nominations-closed = nominations of { $election } closed: on the ballot { $candidates }
cli-dropped = ; dropped: { $dropped }
cli-receipt = your receipt: { $receipt } (public: after the count it finds your ballot on the tally sheet)
cli-ballot-key = your ballot key: { $key } (secret: the only way to replace this ballot before the close, with --replace KEY; it is stored nowhere and shown only now; never share it)

## The registry and the record
cli-init-done = recorded the registry { $registry } ({ $bodies } bodies, { $people } people) in { $db }
cli-export-same = { $dir } says what the record says (after event { $seq })
cli-export-differs = { $files } file(s) of { $dir } differ from the record (after event { $seq }); `polity export DIR` writes the record's:
cli-export-done = exported the record (after event { $seq }) to { $dir }

## polity due
cli-due-head = obligations as of { $at }, looking { $within } ahead:
cli-due-nothing = nothing is due
cli-due-overdue = OVERDUE

## polity check
cli-check-error = error
cli-check-warning = warning
cli-check-hint = hint: { $hint }
cli-check-summary = polity check: { $errors } error(s), { $warnings } warning(s) in { $dir } as of { $at }

## polity feasibility
cli-feasibility-head = Feasibility on { $at }: { $verdict }
cli-feasibility-all = every body's rules can be met by the people it has
cli-feasibility-warnings = every body's rules can be met; { $warnings } warning(s)
cli-feasibility-infeasible = { $infeasible } rule(s) cannot be met, { $warnings } warning(s)
cli-feasibility-what-to-do = What to do: bring in people who may stand (members, committers) from other organisations, or change the body's seats or cap by the process its rules give; `polity rules ID` explains each rule.
cli-verdict-ok = ok
cli-verdict-warning = warning
cli-verdict-infeasible = infeasible

## polity tally
cli-tally-election = Election
cli-tally-head = { $title }: { $ballots } ballot(s), { $candidates } candidate(s), method { $method }, unranked means { $unranked }
cli-tally-warning = warning: { $warning }
cli-tally-skipped = { $skipped } bad ballot(s) skipped:
cli-tally-skip = skipped: { $organisation } already holds { $count } of at most { $cap } seat(s)
cli-tally-ranking = Ranking:
cli-tally-winners = Winners ({ $seats } seat(s)):
cli-tally-not-valid = none: the election is not valid (turnout)
cli-tally-unfilled = { $unfilled } seat(s) unfilled
cli-tally-explanation = Explanation:
cli-tally-pairwise = Pairwise matrix: voters preferring the row to the column
cli-tally-strongest = Strongest paths ({ $strength }): the row is ranked above the column when its path is stronger than the way back
cli-tally-too-many = Pairwise and strongest-path matrices: { $candidates } candidates; use --json to see them.
cli-tally-rounds = Rounds ({ $rule }, { $digits } decimal places):
cli-tally-votes-after = Votes after each round (* elected, - excluded):

## polity audit
cli-audit-intact = intact: { $events } events, head { $head } { $hash }
cli-audit-checkpoints = extends { $checkpoints } signed checkpoint(s), the newest at event { $newest }
cli-audit-tampered = TAMPERED: { $problems } problem(s) in { $events } events:

## polity notify, polity outbox
cli-notify-nothing = Nothing is owed to anyone on { $at }.
cli-notify-owed = { $count } messages owed on { $at }:
cli-notify-no-address = { $person } (no address)
cli-notify-unreachable = { $people } cannot be reached by e-mail: add `emails:` to them in people.yaml.
cli-notify-dry-run = Dry run: nothing was written or sent.
cli-notify-queued = { $queued } new in the outbox ({ $already } were there already). They are sent by `polity serve --smtp URL` or `polity notify --smtp URL`.
cli-notify-sent = { $queued } new in the outbox; { $sent } sent, { $failed } failed (retried later; `polity outbox` lists them).
cli-outbox-empty = The outbox is empty: nothing was owed yet (see `polity notify --dry-run`).
cli-tally-round = quota { $quota }, exhausted { $exhausted }: { $action }
