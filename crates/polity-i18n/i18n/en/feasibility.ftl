# Whether each body's rules can be met by the people it has (`polity feasibility`, body pages),
# word for word as the engine says it in English. Twins in ../zh/feasibility.ftl.

feasibility-electorate = { $electorate }
feasibility-threshold = { $bound } { $fraction } of { $base ->
        [votes-cast] votes cast
        [ballots-cast] ballots cast
        [members] members
        [members-voted] members voted
       *[members-attend] members attend
    }
feasibility-passes = { $passesbound } { $passesfraction } of { $passesbase ->
        [votes-cast] votes cast
        [ballots-cast] ballots cast
        [members] members
        [members-voted] members voted
       *[members-attend] members attend
    }
feasibility-ptl = one PTL; { $stand } may stand ({ feasibility-electorate })
feasibility-members-short = { $must } member seat(s) must be filled; only { $stand } may stand ({ feasibility-electorate })
feasibility-members = { $must } to { $may } member seat(s); { $stand } may stand ({ feasibility-electorate })
feasibility-cap = at most { $cap } seat(s) per organisation, { $organisations } organisation(s) among those who may stand ({ $named ->
        [true] { $names }
       *[false] none
    }){ $withnone ->
        [true] { " and " }{ $unaffiliated } with no organisation
       *[false] {""}
    }: { $outcome ->
        [short] at most { $fillable } can be filled, fewer than the { $must } required
        [partial] at most { $fillable } of the { $may } can be filled
       *[all] all { $may } can be filled
    }
feasibility-no-voters = nobody may vote ({ feasibility-electorate }: 0 people)
feasibility-turnout = valid if { feasibility-threshold }: { $needed } of { $voters } voter(s) ({ feasibility-electorate }) must cast valid ballots
feasibility-voters = { $voters } may vote ({ feasibility-electorate })
feasibility-officers = officers ({ $seats }) need { $must } person(s); { $stand } may stand ({ feasibility-electorate }{ $members ->
        [true] {", who are members of the body"}
       *[false] {""}
    })
feasibility-officers-cap = officers need { $must } person(s), at most { $cap } per organisation: only { $fillable } can sit ({ $organisations } organisation(s))
feasibility-decisions-nobody = decisions by { $rule }: the body has no voting members (seat holders) to decide
feasibility-decisions-valid-if = decisions by { $rule }: passes with { feasibility-passes }, valid if { feasibility-threshold }: { $needed } of { $members } voting member(s) must take part
feasibility-decisions = decisions by { $rule }: passes with { feasibility-passes }; { $members } voting member(s)
feasibility-stagger-seats = staggered chair terms need two chair seats so that one stays filled; the body allows { $max }
feasibility-stagger = staggered chair terms need two chairs in office; { $pool } could hold a chair seat (its members, seat holders and proposed leads)
feasibility-liaisons-nobody = { $areas } liaison area(s) and nobody to cover them (no members, committers or seat holders)
feasibility-liaisons-one-organisation = { $areas } liaison area(s); all { $pool } who could cover them are from { $organisation }
feasibility-liaisons = { $areas } liaison area(s); { $pool } could cover them, from { $organisations } organisation(s)
