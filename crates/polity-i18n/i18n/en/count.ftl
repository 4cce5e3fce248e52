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
