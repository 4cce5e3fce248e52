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
cli-export-into-done = brought { $files } file(s) of { $dir } up to the record (after event { $seq }), touching only what differs:
cli-export-into-same = { $dir } already says what the record says (after event { $seq }); nothing written
cli-export-into-edited = { $path }: edited in place ({ $keys })
cli-export-into-new = { $path }: new file
cli-export-into-whole = { $path }: written whole (an edit in place could not say what the record says; its comments are gone)
cli-export-into-not-a-registry = { $dir } has no polity.yaml: --into edits an existing registry folder; to write a new one, give the folder without --into
cli-sync-commit = { $commit } { $subject }: { $changes } change(s), { $findings } without a recorded process
cli-sync-unreadable = { $commit } { $subject }: the registry files cannot be read ({ $problems } problem(s)); recorded, nothing of it applies
cli-sync-no-process = no recorded process did it
cli-sync-done = synced { $commits } commit(s) into { $db }; the record is synced up to { $synced }
cli-sync-none = nothing to sync: the record ({ $db }) is synced up to { $synced }
cli-sync-stopped = stopped at the refused commit: nothing of it or of a later commit is recorded ({ $commits } commit(s) before it recorded); the record is synced up to { $synced }
cli-sync-no-commit = the registry as initialised (no commit synced yet)
cli-sync-no-base = no commit of { $reference } in { $repo } has { $path } as the record's registry: the record was not initialised from this history. Initialise it from a commit of it (`git checkout COMMIT`, `polity init --registry { $path }`), then sync
cli-sync-recorded-finding = recorded with commit { $commit } ({ $subject }) without a process: { $what }
cli-sync-recorded-hint = the record keeps this finding with the commit that made the change; review it, and where a process is owed (an election, an appointment, a motion) run it in the record

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

## polity affiliations, polity import
cli-cannot-read = cannot read { $path }
cli-cannot-create = cannot create { $path }
cli-cannot-read-checkpoint = cannot read the checkpoint { $path }
cli-cannot-start = cannot start the runtime
cli-cannot-write-output = cannot write the output
cli-cannot-read-stdin = cannot read standard input
cli-cannot-render-manual = cannot render the manual page
cli-audit-no-checkpoint = the record is broken; no checkpoint signed:
cli-roll-no-contributions = no contributions given: pass --repo (repeat for several) or --contributions
cli-smtp-both = set both POLITY_SMTP_USERNAME and POLITY_SMTP_PASSWORD, or neither
cli-render-both = give the registry folder or --record, not both: a record holds the registry it was made from
cli-aff-unclean = { $dir }: the registry does not load cleanly ({ $rule }: { $message }); run `polity check` and fix it first
cli-aff-no-files = no files given: pass --email-map, --domain-map, --aliases or --cncf
cli-aff-problems = { $count } problem(s); nothing was imported:
cli-aff-warnings = { $count } warning(s):
cli-aff-more = … and { $count } more
cli-aff-from = { $count } from { $source }
cli-aff-none = none
cli-aff-dry-run = dry run:
cli-aff-summary = { $people } people given affiliations ({ $sources }); { $merged } addresses merged into people; { $added } organisations added{ $names }; { $unmatched } entries matched no person of the registry
cli-aff-written-error = the registry written has an error: { $rule }: { $message }
cli-imported = imported { $summary } into { $out }

## polity backup, polity restore
cli-not-a-store = { $url } is not a store URL: use sqlite:PATH or postgres://USER@HOST/DATABASE
cli-cannot-open-store = cannot open the store { $db }
cli-cannot-write = cannot write { $path }
cli-backup-not-verified = the copy does not verify (the record itself may be broken; run `polity audit verify`):
cli-restore-missing = { $path } does not exist: name a file made by `polity backup`
cli-restore-not-empty = { $db } holds a record already: restore into a new, empty database
cli-restore-exists = { $path } exists already: restore into a new file, then move it into place with the servers stopped
cli-restore-not-verified = { $path } does not verify; nothing was restored:
cli-restored-not-verified = the restored record does not verify:
cli-tool-missing = cannot run { $tool } ({ $error }): install the PostgreSQL client tools of your server's version
cli-tool-failed = { $tool } failed: { $error }
cli-backup-exists = { $path } exists already: a backup never overwrites a file; name a new one
cli-backup-pg = backed up the record (at least { $events } events; head { $hash } when it started) to { $out } with pg_dump; restore it with `polity restore --db postgres://…/EMPTY_DATABASE { $out }`
cli-backup-done = backed up the record to { $out } (a consistent copy; it verifies: { $verified })
cli-restore-done = restored { $from } into { $db }; it verifies: { $verified }
cli-not-utf8 = { $path } is not a UTF-8 path

## polity serve, polity account
cli-serve-key-created = polity serve: created the checkpoint key { $path } (public key { $key }); keep a copy somewhere safe
cli-serve-github-both = GitHub sign-in needs both --github-client-id and --github-client-secret
cli-serve-github-app-all = the GitHub App needs all three of --github-app-id, --github-app-key and --github-webhook-secret
cli-serve-github-app-key = cannot read the GitHub App key { $path }
cli-serve-github-app-bad = the GitHub App settings cannot be used: { $error }
cli-serve-webhook-no-secret = polity serve: the webhook { $url } has no secret in the environment (set { $variable }) and is not posted to
cli-serve-listening = polity serve: http://{ $address }/ (record { $db }, { $events } events, date { $today })
cli-serve-demo = polity serve: demo accounts: every person's id (alice, bob, chen, …) and `admin`, password `{ $password }`; alice is the officer of the open chair election tsc/e2
cli-serve-cannot-listen = cannot listen on { $address }
cli-serve-history-failed = polity serve: reading the history of { $body }: { $error }
cli-serve-repo-no-body = --repo { $repo }: there is no body { $body } in the record; write --repo BODY=PATH with one of: { $bodies }
cli-serve-repo-missing = --repo { $repo }: { $path } does not exist; give the path of a git repository
cli-account-added = account { $login } ({ $who })
cli-account-added-admin = account { $login } ({ $who }, administrator)
cli-account-acts-as = acts as { $person }
cli-account-no-person = no person
cli-account-no-such = there is no account { $login }: create it with `polity account add`
cli-account-password-stdin = cannot read the password from standard input
cli-config-cannot-read = cannot read the configuration { $file }
cli-config-unknown = { $file }: `{ $key }` is not a setting of polity serve{ $near }; the settings are: { $settings }
cli-config-flag = { $file }: `{ $key }` is true or false
cli-config-scalar = { $value } is not a text, a number or true/false

## Usage errors (Chinese only: English is clap's own wording; kept in both catalogs for parity)
cli-usage-unknown-argument = unknown argument { $arg }
cli-usage-unknown-command = unknown command { $command }
cli-usage-invalid-value = { $value } is not a value of { $arg }; the values are: { $valid }
cli-usage-needs-value = { $arg } needs a value
cli-usage-bad-value = argument { $arg }: the value { $value } is not valid: { $reason }
cli-usage-missing = missing: { $args }
cli-usage-missing-command = say which command to run
cli-usage-conflict = { $arg } cannot be given together with { $prior }
cli-usage-other = the command line is not right: { $error }
cli-usage-did-you-mean = did you mean { $suggested }?
cli-usage-line = Usage: { $usage }
cli-usage-help = For more, run `polity --help` (or `polity COMMAND --help`).
cli-not-a-language = { $text } is not a language polity speaks: use en or zh

## polity stats
cli-stats-same-repo = { $repo }: the same repository as { $first } (given twice): read once
cli-stats-read = { $repo }: { $read } commits read, { $cached } from the cache{ $note }
cli-stats-again = { $repo }: { $again } commit(s) already counted from another repository given (a clone, fork or part of the same history): each counted once
cli-stats-electorate-head = active members as of { $at } (E2: at least { $contributions } contributions in [{ $from }, { $at }) by { $basis } date); { $bots } bot identities left out; AI co-authors (Claude, Copilot) { $ai } (`ai-co-authors:` in polity.yaml)
cli-stats-basis-commit = commit
cli-stats-basis-author = author
cli-stats-ai-counted = counted
cli-stats-ai-not-counted = not counted
cli-stats-active = active
cli-stats-not-active = not active: { $count } of { $needed } contributions
cli-stats-not-in-registry = not in the registry: add the person (or the e-mail to a person) to count them
cli-stats-csv-problems = { $count } problem(s) in the contributions file; nothing of it was imported:
cli-health-the-project = the project
cli-health-title = Health of { $title } as of { $at } (C3)
cli-health-columns = figure | value
cli-health-active = active contributors, 30 / 90 / 365 days
cli-health-contributions = contributions, 365 days
cli-health-absence = contributor absence factor (fewest people making 50 %)
cli-health-elephant = elephant factor (fewest organisations making 50 % of known work)
cli-health-no-known = none (no contribution of known affiliation)
cli-health-organisations = organisations contributing
cli-health-unknown = contributions of unknown affiliation
cli-health-top = top contributor's share
cli-health-last = last activity
cli-health-none = none
cli-health-organisations-title = Organisations, 365 days
cli-health-organisations-columns = organisation | contributions
cli-health-unknown-org = unknown affiliation
cli-person-head = { $name } ({ $id }) as of { $at }
cli-person-affiliation = affiliation: { $organisation }
cli-person-none-recorded = none recorded
cli-person-range = { $organisation } from { $from } until { $until }
cli-person-now = now
cli-person-first-record = the first record
cli-person-bot = a bot: never a member or a contributor
cli-person-identities = identities in the history: { $identities }
cli-person-all = contributions in all: { $count }
cli-person-verdict-bot = not active: a bot
cli-person-verdict-more = not active: { $more } more needed
cli-person-e2 = E2: at least { $contributions } contributions in [{ $from }, { $at }) by { $basis } date: { $counted } — { $verdict }
cli-person-no-rule = E2: the constitution sets no active-member rule
cli-person-list = contributions (newest first):

## polity check --record-api
cli-api-not-a-url = { $url } is not a server's address: give it as https://HOST (or http://127.0.0.1:PORT on this machine)
cli-api-unreachable = cannot read { $url }: { $error }; is `polity serve` running there?
cli-api-too-large = { $url } answered with more than 64 MB: that is not a registry
cli-api-refused = { $url } answered { $status }: { $error }
cli-api-no-registry = { $url } gave no polity.yaml: the server's record holds no registry
cli-api-unreadable = { $url } gave a registry that cannot be read: { $error }
