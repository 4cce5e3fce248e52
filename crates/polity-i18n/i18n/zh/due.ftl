# 到期事项（`polity due`、机构页面、日历）：每项义务以一句简体中文表述。英文见 ../en/due.ftl。

due-period = { $amount } { $unit ->
        [day] 天
        [days] 天
        [week] 周
        [weeks] 周
        [month] 个月
        [months] 个月
        [year] 年
        [years] 年
       *[other] { $unit }
    }
due-seat = { $seat ->
        [member] 成员
        [chair] 主席
        [co-chair] 联席主席
        [tech-lead] 技术负责人
        [ptl] 项目技术负责人
       *[other] { $seat }
    }
due-term-ends = { $body }：{ $name } 的{ due-seat }任期结束
due-nominations-open = { $body }：{ $end } 到期的 { $seats } 个{ due-seat }席位开始提名（提名期 { due-period }；现任：{ $holders }）
due-voting-opens = { $body }：{ $seats } 个{ due-seat }席位开始投票，{ $end } 前结束（投票期 { due-period }）
due-report = { $body }：须向董事会和 TOC 提交报告（每 { due-period } 一次）
due-report-warning = { $body }：已 { due-period } 未提交报告；TOC 可以考虑将其撤销
due-report-dissolve = { $body }：已 { due-period } 未提交报告；必须解散
due-charter-review = { $body }：TOC 审查并批准其章程（上次批准于 { $approved }）
due-timetable = { $body }：工作组的时间表结束；除非延期，否则解散
due-meeting = { $body }：会议，由 { $chair } 主持
due-meeting-vacant = { $body }：会议，主席席位空缺
