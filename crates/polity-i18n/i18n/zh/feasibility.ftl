# 每个机构的规则能否由其现有人员满足（`polity feasibility`、机构页面）。英文见 ../en/feasibility.ftl。

feasibility-electorate = { $electorate ->
        [members] 成员
        [active-members] 活跃成员
        [committers] 提交者
        [overseer] 监督机构成员
        [chairs] 主席
        [self] 本人
       *[other] { $electorate }
    }
feasibility-threshold = { $base ->
        [votes-cast] 赞成票占赞成与反对票的 { $bound } { $fraction }
        [ballots-cast] 赞成票占所投票数的 { $bound } { $fraction }
        [members] 赞成票占成员人数的 { $bound } { $fraction }
        [members-voted] 投票人数占成员人数的 { $bound } { $fraction }
       *[members-attend] 出席人数占成员人数的 { $bound } { $fraction }
    }
feasibility-passes = { $passesbase ->
        [votes-cast] 赞成票占赞成与反对票的 { $passesbound } { $passesfraction }
        [ballots-cast] 赞成票占所投票数的 { $passesbound } { $passesfraction }
        [members] 赞成票占成员人数的 { $passesbound } { $passesfraction }
        [members-voted] 投票人数占成员人数的 { $passesbound } { $passesfraction }
       *[members-attend] 出席人数占成员人数的 { $passesbound } { $passesfraction }
    }
feasibility-ptl = 一名项目技术负责人；{ $stand } 人可以参选（{ feasibility-electorate }）
feasibility-members-short = 须填补 { $must } 个成员席位；只有 { $stand } 人可以参选（{ feasibility-electorate }）
feasibility-members = { $must } 至 { $may } 个成员席位；{ $stand } 人可以参选（{ feasibility-electorate }）
feasibility-cap = 每个组织至多 { $cap } 个席位，可参选者来自 { $organisations } 个组织（{ $named ->
        [true] { $names }
       *[false] 无
    }）{ $withnone ->
        [true] ，另有 { $unaffiliated } 人无所属组织
       *[false] {""}
    }：{ $outcome ->
        [short] 至多能填补 { $fillable } 个，少于所需的 { $must } 个
        [partial] { $may } 个中至多能填补 { $fillable } 个
       *[all] { $may } 个都能填补
    }
feasibility-no-voters = 没有人可以投票（{ feasibility-electorate }：0 人）
feasibility-turnout = 有效条件为{ feasibility-threshold }：{ $voters } 名投票人（{ feasibility-electorate }）中须有 { $needed } 人投出有效选票
feasibility-voters = { $voters } 人可以投票（{ feasibility-electorate }）
feasibility-officers = 负责人（{ $seats }）需要 { $must } 人；{ $stand } 人可以参选（{ feasibility-electorate }{ $members ->
        [true] ，且须为该机构的成员
       *[false] {""}
    }）
feasibility-officers-cap = 负责人需要 { $must } 人，每个组织至多 { $cap } 人：只有 { $fillable } 人能任职（{ $organisations } 个组织）
feasibility-decisions-nobody = 按 { $rule } 作决定：该机构没有有表决权的成员（席位持有人）来作决定
feasibility-decisions-valid-if = 按 { $rule } 作决定：通过条件为{ feasibility-passes }，有效条件为{ feasibility-threshold }：{ $members } 名有表决权成员中须有 { $needed } 人参与
feasibility-decisions = 按 { $rule } 作决定：通过条件为{ feasibility-passes }；{ $members } 名有表决权成员
feasibility-stagger-seats = 主席任期交错需要两个主席席位，才能始终有一席有人担任；该机构只允许 { $max } 个
feasibility-stagger = 主席任期交错需要两名主席同时在任；{ $pool } 人可以担任主席（其成员、席位持有人和拟议的负责人）
feasibility-liaisons-nobody = { $areas } 个联络领域，却没有人可以负责（没有成员、提交者或席位持有人）
feasibility-liaisons-one-organisation = { $areas } 个联络领域；可以负责的 { $pool } 人都来自 { $organisation }
feasibility-liaisons = { $areas } 个联络领域；{ $pool } 人可以负责，来自 { $organisations } 个组织
