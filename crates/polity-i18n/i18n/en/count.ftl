# A motion's count, step by step, in English: the same words `polity_count::motion` writes into
# the record (pages show those lines as they are). Twins in ../zh/count.ftl.

count-step = { $label }: { $what }; { $threshold } needs { $needed }: { $met }
count-label-quorum = quorum (D1)
count-label-participation = participation
count-label-majority = majority
count-met = met
count-not-met = not met
count-what-yes-of-votes-cast = { $part } yes of votes cast { $whole }
count-what-yes-of-ballots-cast = { $part } yes of ballots cast { $whole }
count-what-yes-of-members = { $part } yes of members { $whole }
count-what-voted-of-members = { $part } voted of members { $whole }
count-what-attending-of-members = { $part } attending of members { $whole }
count-threshold-votes-cast = { $bound } { $fraction } of votes cast
count-threshold-ballots-cast = { $bound } { $fraction } of ballots cast
count-threshold-members = { $bound } { $fraction } of members
count-threshold-members-voted = { $bound } { $fraction } of members voted
count-threshold-members-attend = { $bound } { $fraction } of members attend
count-no-quorum = the meeting may discuss but not decide
count-tie = yes { $yes } and no { $no }: a tie (round { $round })
count-casting-vote = the chair's casting vote: { $choice }
count-every-body = every body must carry it: { $outcome }

## An election's count (the lines most counts have)
count-ballots = { $ballots } ballot(s) over { $candidates } candidate(s); method { $method }; unranked means { $unranked }
count-unranked-below = below
count-unranked-no-preference = no-preference
count-turnout = turnout: { $voters } of { $eligible } eligible cast valid ballots; { $threshold } needs { $needed }: { $verdict }
count-turnout-valid = valid
count-turnout-not-valid = not valid, nobody is elected
count-schulze-winning-votes = Schulze (winning votes) over the pairwise matrix
count-schulze-margins = Schulze (margins) over the pairwise matrix
count-ranked-pairs = ranked pairs: majorities locked strongest first, cycles skipped
count-plurality = plurality: each ballot counts for its single best-ranked candidate; { $none } ballot(s) counted for none
count-approval = approval: each ballot approves every candidate it ranks
count-condorcet-winner = { $name } beats every other candidate head to head (Condorcet winner)
count-seat = seat { $seat }: { $name }
count-seat-held = seat { $seat }: { $name } ({ $organisation }: now { $count })
count-skipped = skipped { $name }: { $organisation } already holds { $count } of at most { $cap } seat(s)
count-cap = cap: at most { $cap } seat(s) per organisation, counting sitting members ({ $sitting })
count-nobody = none
count-tie-seats = tie for the last { $left } seat(s) among { $tied }: { $how }
count-tie-report = left open (tie-break: report); decide it by the body's rule and record the choice
count-tie-seed = broken by a random draw from the published seed { $seed }
count-tie-officer = broken by { $officer }'s choice
count-tie-officer-incomplete = left open: { $officer }'s order does not name every tied candidate
count-unfilled = { $unfilled } seat(s) left unfilled: not enough eligible candidates
count-meek = Meek STV: each elected candidate keeps a fraction of every vote that reaches them (their keep factor) so that they hold just a quota, and passes the rest on; quota = votes held by candidates / (seats + 1), plus 10^-9; a candidate with at least the quota (>=) is elected; the lowest is excluded when the surplus is spent; { $digits } decimal places, votes kept rounded up
count-scottish = Scottish STV (Scottish Local Government Elections Order 2007, rules 45-52): quota = valid ballots / (seats + 1), ignoring decimals, plus 1; a candidate with at least the quota (>=) is elected; the largest surplus is transferred first at (surplus x ballot value / votes), 5 decimal places, remainder ignored; when no surplus is left, the lowest candidate is excluded and their ballots move on at their value
count-stv-valid = { $ballots } valid ballot(s) counted
count-stv-empty = { $ballots } ballot(s) rank nobody: not valid votes, not counted
count-stv-truncated = { $ballots } ballot(s) give two candidates the same rank: each counts up to the repeated rank

## An STV count's rounds
count-round-first = first preferences
count-round-elected = elected with at least the quota { $quota }: { $elected }
count-round-elected-meek = elected with at least the quota { $quota }: { $elected } (after { $iterations } iteration(s))
count-round-excluded = excluded: { $excluded } (lowest); ballots moved on at their value
count-round-excluded-meek = excluded: { $excluded } (lowest; surplus spent after { $iterations } iteration(s))
count-round-surplus = surplus of { $name } transferred: { $surplus } at { $value } per vote
count-round-moved-on = ballots of { $names } moved on (may not take a seat)
count-round-filled = elected: { $names } (as many hopeful candidates as seats left)

## The rarer lines (count/rare.rs)
count-devotee-failed = devotee's rules could not be applied: { $error }; strict Schulze instead
count-ranked-pairs-unlocked = equal majorities that close a cycle in one order and not in another are not locked (the result never depends on the order of the candidates): { $pairs }; the candidates they would separate stay tied
count-schulze-elekto-winning-votes = Schulze (winning votes) over the pairwise matrix; candidates in Elekto's order: fewest defeats on strongest paths first
count-schulze-elekto-margins = Schulze (margins) over the pairwise matrix; candidates in Elekto's order: fewest defeats on strongest paths first
count-devotee-default = devotee (Debian constitution §A.6): the default option is { $name } ({ $by })
count-devotee-by-as-given = as given
count-devotee-by-by-its-name = by its name
count-devotee-by-the-last-option-where-devotee-puts-it = the last option, where devotee puts it
count-devotee-kept = kept { $name }: { $over } to { $under } over { $default } passes its { $ratio } majority
count-devotee-dropped-quorum = dropped { $name }: quorum: { $over } voter(s) rank it above { $default }; the quorum needs at least { $quorum }
count-devotee-dropped-majority = dropped { $name }: majority: it needs { $ratio } over { $default } and has { $over } to { $under } ({ $over } is not more than { $factor } × { $under })
count-devotee-schulze = Schulze (winning votes) over the { $left } option(s) left
count-devotee-schulze-default = Schulze (winning votes) over the { $left } option(s) left: the default option wins
count-passed-over-holds = passed over { $name }: already holds a { $seat } seat of { $body } on { $date }
count-passed-over-not-member = passed over { $name }: not a member of { $body } on { $date }, when the term starts (E3)
count-purpose-which-to-exclude = which to exclude
count-purpose-whose-surplus-first = whose surplus first
count-stv-stopped = the count stopped: left open: { $names } are equal at every round, and only a lot could choose ({ $purpose }); give the election a tie-break (a published seed or an officer's order) and count again
count-stv-how-seed = a random draw from the published seed { $seed }
count-stv-how-officer = { $officer }'s choice
count-stv-tie-lot = tie ({ $purpose }) among { $names }, equal at every round: { $chosen } by { $how }
count-stv-tie-round = tie ({ $purpose }) among { $names }: { $chosen } by the votes at round { $round }
count-composite-part = { $body }: { $steps }: { $outcome }
count-round-excluded-tied = excluded: { $excluded } (tied lowest; together with the surplus they hold { $together }, less than the next candidate's { $next }, so excluding them one by one in any order would exclude them all); ballots moved on at their value
count-round-excluded-tied-meek = excluded: { $excluded } (tied lowest; together with the surplus they hold { $together }, less than the next candidate's { $next }, so excluding them one by one in any order would exclude them all; surplus spent after { $iterations } iteration(s))
count-method-as = { $method } as { $compat } counts
count-compat-unused = {" "}(compat { $compat } applies to schulze only; not used)
