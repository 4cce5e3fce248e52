## 机构的结构（S1–S12）
finding-no-parent = { finding-kind-name } { $body } 没有上级机构
finding-no-parent-hint = 请将 `parent:` 设为监督它的机构（以下类型之一：{ $allowed }）
finding-wrong-parent = { finding-kind-name } { $body } 不能隶属于 { finding-parent-kind-name } { $parent }
finding-wrong-parent-hint = { finding-kind-name }应隶属于以下类型之一：{ $allowed }
finding-parent-cycle = 机构 { $body } 是自己的上级：`parent:` 链接形成了循环
finding-parent-cycle-hint = 机构构成一棵树：请修正其中一个 `parent:` 以打破循环
finding-no-toc-liaison = 特别兴趣小组 { $body } 没有 TOC 联络人
finding-no-toc-liaison-hint = 请将 `toc-liaison:` 设为监督委员会的一名有表决权成员
finding-toc-liaison-not-member = 特别兴趣小组 { $body } 的 TOC 联络人是 { $person }，但其在 { $date } 不是 { $toc } 的有表决权成员
finding-toc-liaison-not-member-hint = 请指定 { $toc } 的一名成员：{ $members }
finding-no-staff-liaison = 特别兴趣小组 { $body } 没有负责其报告的执行人员联络人
finding-no-staff-liaison-hint = 请将 `staff-liaison:` 设为负责季度和年度报告的执行人员
finding-no-timetable = 工作组 { $body } 没有时间表
finding-no-timetable-hint = 工作组有时限：请将 `charter.timetable.end:` 设为其结束日期
finding-past-timetable = 工作组 { $body } 已超过其时间表（于 { $date } 结束）
finding-past-timetable-hint = 请通过动议将其归档（解散），或由监督机构通过动议延长时间表
finding-long-timetable = 工作组 { $body } 的时间表到 { $end }，比其 { $start } 成立时晚了超过 { due-period }
finding-long-timetable-hint = 工作组有时限：请缩短时间表，或改为设立特别兴趣小组
finding-delivered-still-live = 工作组 { $body } 已完成全部交付成果，但仍在存续
finding-delivered-still-live-hint = 工作组在交付成果完成后即解散：请通过动议将其归档
finding-seat-count = { $body } 在 { $date } 有 { $count } 名成员；须有 { $seats } 个席位
finding-seat-count-hint = { $short ->
        [true] 有 { $vacant } 个席位空缺：请举行选举，或记录其结果
       *[other] 请结束部分任期，或通过修改章程更改 `seats:`
    }
finding-officer-count = { $body } 在 { $date } 有 { $count } 名{ finding-seat-name }；须有 { $range } 名
finding-officer-count-hint = { $short ->
        [true] 请填补空缺的{ finding-seat-name }席位：选举或任命，并记录任职者
       *[other] 请结束一个{ finding-seat-name }任期，或更改 `officers:`
    }
finding-no-affiliation = { $person } 在 { $body } 担任席位，但在 { $date } 没有所属组织
finding-no-affiliation-hint = 请在 people.yaml 中记录此人的所属组织（独立成员自成一个组织）
finding-over-cap = { $organisation } 在 { $date } 占 { $body } 的 { $count } 个席位（{ $people }）；每个组织至多 { $cap } 个
finding-over-cap-hint = 有席位持有人更换了雇主，或当选时超出了上限：其中一人须卸任，或重新选举一个席位
finding-no-ptl = { finding-kind-name } { $body } 在 { $date } 没有项目技术负责人
finding-no-ptl-hint = 每个项目恰有一名项目技术负责人：请在 `holders:` 中记录其选举结果
finding-ptl-not-committer = { $body } 的项目技术负责人 { $person } 不是其提交者
finding-ptl-not-committer-hint = 项目技术负责人须为该项目的提交者：请将其加入 `committers:`（经提拔，E11），或另选项目技术负责人
finding-many-ptls = { $body } 在 { $date } 有 { $count } 名项目技术负责人
finding-many-ptls-hint = 一个项目恰有一名项目技术负责人：请只保留一个任期
finding-no-liaison = { finding-kind-name } { $body } 没有{ $area }联络人
finding-no-liaison-hint = 请在 `liaisons: {"{"} { $area }: ... {"}"}` 下指定一名志愿者（多人报名时由项目技术负责人选定，E9）
finding-unknown-area = “{ $area }”不是章程中的联络领域
finding-unknown-area-hint = 请使用以下之一：{ $areas }
finding-liaisons-one-organisation = { $body } 的全部 { $count } 名联络人都在 { $organisation } 工作
finding-liaisons-one-organisation-hint = 避免所有联络人来自同一公司（E9）：请邀请其他组织的志愿者
finding-role-is-seat = “{ $role }”不是指定角色：主席和技术负责人是席位
finding-role-is-seat-hint = 请在 `holders:` 下记录主席和技术负责人
finding-role-not-approved = { $body } 的角色“{ $role }”在 { $date } 获得 { $chairs } 名主席中 { $approving } 名的批准；需要半数以上
finding-role-not-approved-hint = 请在 `approved-by:` 下列出批准的主席（当日的主席：{ $names }）
finding-partner-no-maintainer = { $body } 的行业伙伴 { $organisation } 没有指定全职维护者
finding-partner-no-maintainer-hint = 行业伙伴须至少雇用一名全职维护者：请设置 `maintainer:`
finding-maintainer-elsewhere = { $person } 被列为 { $organisation } 的维护者，但在 { $date } 不在 { $organisation } 工作
finding-maintainer-elsewhere-hint = 请指定该伙伴雇用的维护者，或在 people.yaml 中更正所属组织
finding-final-say-vacant = { $body } 的最终决定权属于其{ finding-seat-name }，而该席位在 { $date } 空缺
finding-final-say-vacant-hint = 请填补该席位，或明确指定最终决定权持有人

## 席位、任期与生命周期（E*、L*）
finding-officer-not-member = { $person } 是 { $body } 的{ finding-seat-name }，但在 { $date } 不是其成员
finding-officer-not-member-hint = 主席和联席主席从委员会成员中选举产生
finding-chairs-not-staggered = 特别兴趣小组 { $body } 的所有主席任期都在 { $date } 结束：换届时没有主席席位延续
finding-chairs-not-staggered-hint = 请让主席任期交错（`class:` a 和 b），使每次任期结束时至少有一名主席留任
finding-no-successor = { $person } 在 { $body } 的{ finding-seat-name }任期已于 { $date } 结束，且没有记录继任者
finding-no-successor-hint = 请举行选举（见 `polity due`），并在 `holders:` 中记录新的任期
finding-term-limit = { $person } 在 { $body } 连续担任 { $run } 个{ finding-seat-name }任期；任期限制为 { $limit }
finding-term-limit-hint = 鼓励但不强制轮换：这只是警告，不会阻止任何操作
finding-missing-electorate = { $body } 将 { $electorate } 作为选民范围，但{ $missing ->
        [overseer] 它上面没有监督委员会
        [committers] 它没有列出提交者
       *[other] 章程没有定义 `active-member` 规则（E2）
    }
finding-missing-electorate-hint = 请指定该机构具有的选民范围，或补充所需内容
finding-history-order = { $body } 的历史倒退：{ $date } 的{ finding-state-name }排在 { $previous } 之后
finding-history-order-hint = 请按日期顺序列出历史
finding-history-transition = { $body } 不能从{ refusal-from-name }变为{ refusal-to-name }
finding-history-transition-hint = 小组按 筹建中 → 活跃 → 已归档 的顺序变更，已归档的小组可以恢复（L7）
finding-transition-without-motion = { $body } 于 { $date } 变为{ finding-state-name }，但没有记录相应的动议
finding-transition-without-motion-hint = 每次状态变更都需要监督机构的审查和表决：请将 `motion:` 设为通过它的动议
finding-state-not-history = { $body } 声明的状态是{ finding-state-name }，但其历史以 { $last } 结束
finding-state-not-history-hint = 请将该状态变更连同其动议加入 `history:`，或更正 `state:`
finding-no-charter = 特别兴趣小组 { $body } 没有章程
finding-no-charter-hint = 请添加 `charter:`，写明范围内外、重叠之处、偏离之处及其批准日期
finding-charter-not-approved = 特别兴趣小组 { $body } 的章程没有记录 TOC 的批准
finding-charter-not-approved-hint = 请将 `charter.approved:` 设为 TOC 最近一次批准的日期
finding-charter-review-overdue = 特别兴趣小组 { $body } 的章程审查已逾期：上次批准于 { $approved }，应于 { $due } 审查
finding-charter-review-overdue-hint = TOC 每 { due-period }审查一次特别兴趣小组的章程：请审查并记录新的批准日期
finding-charter-scope = 特别兴趣小组 { $body } 的章程没有同时写明范围之内和范围之外
finding-charter-scope-hint = 请填写 `charter.scope.in:` 和 `charter.scope.out:`
finding-deviation-unexplained = { $body } 章程中的偏离“{ $deviation }”缺少理由或批准
finding-deviation-unexplained-hint = 每一处偏离标准指南的地方都须写明理由和批准
finding-report-dissolve = 特别兴趣小组 { $body } { finding-last-report }：已 { due-period }或更久未提交报告（自 { $date } 起）
finding-report-dissolve-hint = 必须解散：请记录 TOC 的解散动议，或记录缺失的报告
finding-report-warning = 特别兴趣小组 { $body } { finding-last-report }：已 { due-period }或更久未提交报告（自 { $date } 起）
finding-report-warning-hint = TOC 可以考虑将其撤销；除非提交报告，否则自 { $dissolve } 起必须解散

## 检查结果中用到的词（由上面的消息引用，取同样的值）
finding-kind-name = { $kind ->
        [board] 董事会
        [oversight-committee] 监督委员会
        [committee] 委员会
        [sig] 特别兴趣小组
        [sub-group] 子工作组
        [working-group] 工作组
        [project] 项目
        [advisory-group] 咨询小组
       *[other] { $kind }
    }
finding-parent-kind-name = { $parentkind ->
        [board] 董事会
        [oversight-committee] 监督委员会
        [committee] 委员会
        [sig] 特别兴趣小组
        [sub-group] 子工作组
        [working-group] 工作组
        [project] 项目
        [advisory-group] 咨询小组
       *[other] { $parentkind }
    }
finding-seat-name = { $seat ->
        [member] 成员
        [chair] 主席
        [co-chair] 联席主席
        [tech-lead] 技术负责人
        [ptl] 项目技术负责人
       *[other] { $seat }
    }
finding-state-name = { $state ->
        [proposed] 已提议
        [forming] 筹建中
        [active] 活跃
        [archived] 已归档
       *[other] { $state }
    }
finding-last-report = { $reported ->
        [false] 自 { $since } 成立以来从未提交报告
       *[true] 上次报告于 { $last }
    }

## 拟议的子工作组（L2）或特别兴趣小组（L3）尚缺什么
finding-sub-group-gap = 子工作组 { $body } { $gap ->
        [committers] 只有 { $count } 名提交者；至少需要 { $needed } 名
        [organisations] 在 { $date } 的提交者只来自 { $count } 个组织；至少需要 { $needed } 个
        [ptl] 没有商定的项目技术负责人
        [scope] 没有明确的范围
        [plan] 没有计划
        [page] 没有公开页面
        [announcement] 没有在邮件列表上通知
       *[review] 没有记录使其变为{ finding-state-name }的 TSC 审查与表决
    }
finding-sub-group-gap-hint = { $gap ->
        [committers] 请在 `committers:` 下列出初始提交者
        [organisations] 子工作组需要来自不同组织的提交者
        [ptl] 请在 `holders:` 下以 ptl 席位记录项目技术负责人
        [scope] 请在 `charter.scope.in:` 下写明范围
        [plan] 请在 `proposal.plan:` 下写明计划
        [page] 请在 `proposal.page:` 下链接其公开页面
        [announcement] 请在 `proposal.announcement:` 下链接通知
       *[review] 请将这一步连同通过它的动议加入 `history:`
    }
finding-sig-proposal-gap = 拟议的特别兴趣小组 { $body } { $gap ->
        [purpose] 没有说明目的
        [leads] 自愿担任的负责人少于两名
       *[resources] 没有说明所需资源
    }
finding-sig-proposal-gap-hint = { $gap ->
        [purpose] 请在 `proposal.purpose:` 下说明
        [leads] 请在 `proposal.leads:` 下列出两名或以上
       *[resources] 请在 `proposal.resources:` 下说明
    }

## 引用（R-REF）
finding-unknown-person = { $body } 中引用的人员“{ $person }”不存在{ $hasnear ->
        [true] ；是否是指 { $near }？
       *[false] {""}
    }
finding-unknown-person-hint = { $handle ->
        [true] 请在 people.yaml 中添加使用此 GitHub 账号的人员，或更正账号
       *[false] 请将此人加入 people.yaml，或更正 ID（用 @账号 按 GitHub 账号引用）
    }
finding-unknown-body = 机构 { $body } 引用的机构“{ $unknown }”不存在{ $hasnear ->
        [true] ；是否是指 { $near }？
       *[false] {""}
    }
finding-unknown-body-hint = 请在 bodies/ 下添加使用此 ID 的文件，或更正 ID
finding-unknown-decision-rule = 机构 { $body } 使用的决定规则“{ $rule }”不存在
finding-unknown-decision-rule-hint = 请指定章程 `decision-rules` 中的一条，或在其中添加
finding-unknown-organisation = 组织“{ $organisation }”不存在
finding-unknown-organisation-hint = 请将其加入 organisations.yaml，或更正 ID

## 重复（R-DUP）
finding-alias-is-organisation = { $organisation } 的别名“{ $alias }”是另一个组织（{ $other }）的 ID
finding-alias-is-organisation-hint = 请合并两者：保留一个条目，把另一个 ID 列在其 `aliases` 下
finding-alias-twice = { $organisation } 的别名“{ $alias }”已经是 { $earlier } 的别名
finding-alias-twice-hint = 一个别名只属于一个组织
finding-look-alike-organisations = { $earlier } 和 { $organisation } 看起来是同一个组织（去掉大小写、标点和公司形式后都是“{ $key }”）
finding-look-alike-organisations-hint = 如果是同一个组织，请保留 { $earlier }，并在 organisations.yaml 中把“{ $organisation }”加入其 `aliases`

## 重复（R-DUP，续）
finding-shared-domain = { $earlier } 和 { $organisation } 使用同一个电子邮件域名 { $domain }
finding-shared-domain-hint = 一个域名只对应一个雇主：请合并两者（`aliases`），或从其中一个删除该域名
finding-used-again = { $kindkey ->
        [person-id] 人员 ID
        [github-handle] GitHub 账号
        [body-id] 机构 ID
       *[organisation-id] 组织 ID
    }“{ $key }”被重复使用（第一次在第 { $line } 行）
finding-used-again-hint = { $kindkey ->
        [person-id] 请给每个人员一个唯一的 ID
        [github-handle] GitHub 账号比较时不区分大小写：请合并这两个人员，或更正账号
        [body-id] 请给每个机构一个唯一的 ID
       *[organisation-id] 请给每个组织一个唯一的 ID
    }
finding-identity-claimed = { $kindkey ->
        [e-mail] 电子邮件
        [merged-github-account] 合并的 GitHub 账号
       *[merged-git-name] 合并的 git 名字
    }“{ $key }”（属于 { $person }）已经属于 { $earlier }
finding-identity-claimed-hint = 一个身份只属于一个人：请合并这两个人员，或从其中一人删除该身份

## 无法读取的文件（R-SYNTAX、R-SCHEMA）
finding-unknown-key = 未知的键 `{ $key }`：此文件没有这个键；{ $file } 的其余部分未被读取{ finding-hidden }
finding-unknown-key-hint = { finding-schema-hint }
finding-unknown-key-near = 未知的键 `{ $key }`；您是否想写 { $nearzh }？{ $file } 的其余部分未被读取{ finding-hidden }
finding-unknown-key-near-hint = { finding-schema-hint }
finding-missing-key = 缺少键 `{ $key }`；{ $file } 的其余部分未被读取{ finding-hidden }
finding-missing-key-hint = { finding-schema-hint }
finding-schema-other = { $file } 不符合注册表的格式（{ $message }）；其余部分未被读取{ finding-hidden }
finding-schema-other-hint = { finding-schema-hint }
finding-syntax = { $file } 不是有效的 YAML（{ $message }）；其余部分未被读取{ finding-hidden }
finding-syntax-hint = 此文件不是有效的 YAML：请检查此位置附近的缩进、引号和冒号
finding-schema-hint = 此文件可用的键和类型见 docs/registry-format.md 和 schema/
finding-hidden = { $hidden ->
        [none] {""}
       *[other] （另有 { $hidden } 个由此引起的问题未显示：请先修正这一个）
    }

## 值不符合其键的要求（R-VALUE）
finding-value-zone = { $value } 不是 polity 认识的时区{ $nearzh }
finding-value-zone-hint = 请写 IANA 时区名，如 `Asia/Shanghai` 或 `Europe/Berlin`，或者 `UTC`、`AoE`
finding-value-date = { $value } 不是有效的日期：{ $problem ->
        [month] 没有 { $month } 月：月份为 01 到 12
        [days] { $year } 年 { $month } 月只有 { $days } 天
       *[other] 请按 YYYY-MM-DD 书写，例如 2026-06-30
    }
finding-value-date-hint = 请按 YYYY-MM-DD 书写日历日期
finding-value-period = { $value } 不是有效的时长：请写一个数字和一个单位，如 "2 weeks"、"12 months"、"400d" 或 "1y"（d 天、w 周、mo 月、y 年；单独的 m 可能指分钟也可能指月，不被接受）
finding-value-period-hint = 请写成 "2 weeks" 或 "12 months" 这样的时长
finding-value-threshold = 无法读取阈值 { $value }：请写成 "> 1/2 of votes cast" 或 ">= 2/3 of members" 这样的形式
finding-value-threshold-hint = 阈值是精确的：一个界限（> 或 >=）、一个分数 n/d，以及它是什么的分数
finding-value-count = { $value } 不是有效的数量或范围：请写 3 这样的数量或 "1..2" 这样的范围
finding-value-count-hint = 请写成 3 这样的数量或 "1..2" 这样的范围
finding-value-method = { $value } 不是 polity 的计票方法：可用 schulze、schulze-margins、ranked-pairs、meek、scottish-stv、copeland、plurality 或 approval
finding-value-method-hint = 请写一种计票方法
finding-value-compat = 未知的 compat 值 { $value }：人选选举按 `strict` 的 Schulze 方法或按 `elekto` 的顺序计票
finding-value-compat-hint = 请写 strict 或 elekto
finding-value-bot-pattern = 机器人模式 { $value } 太短：几乎会匹配所有人
finding-value-bot-pattern-hint = 请至少写三个字符，例如 `ci@acme.example` 或 `[bot]`
finding-value-deadline-time = `deadline-time:` 的值 { $value } 不是一天中的时刻：请写成 HH:MM（24 小时制），例如 18:00
finding-value-deadline-time-hint = 请把截止时刻写成 `deadline-time: "18:00"`（加引号，24 小时制），或省略以使用午夜
finding-value-webhook-url = Webhook 地址 { $value } 不是 https 链接
finding-value-webhook-url-hint = 请写接收方的 https:// 地址（纯 http 仅限本机，用于测试）
finding-value-webhook-secret = { $value } 不是环境变量的名称
finding-value-webhook-secret-hint = 请写保存密钥的环境变量名（大写，如 `POLITY_WEBHOOK_SECRET`）；切勿写密钥本身
finding-value-affiliation-order = 与 { $organisation } 的所属关系在开始之前就结束了
finding-value-affiliation-order-hint = `until` 是不再受雇的第一天，应在 `from` 之后
finding-value-identity = { $person } 的一个身份没有恰好给出 email、name、github 中的一项
finding-value-identity-hint = 请把每条合并规则写成 `{"{"} email: ... {"}"}`、`{"{"} name: ... {"}"}` 或 `{"{"} github: ... {"}"}`
finding-value-lang = { $value } 不是 polity 使用的语言
finding-value-lang-hint = 请写 `lang: en`（英文）或 `lang: zh`（简体中文）
finding-value-notice-kind = { $value } 不是一种通知{ $nearzh }
finding-value-notice-kind-hint = 可静音的有：voting-reminder、election-result、term-ending、motion-awaiting-vote
finding-value-notice-required = { $kind } 不能被静音：章程要求发送它（{ $rule }）
finding-value-notice-required-hint = 请把它从 `mute:` 中删除；只有 voting-reminder、election-result、term-ending 和 motion-awaiting-vote 是可选的
finding-value-seats-range = seats 的最小值 { $min } 大于最大值 { $max }
finding-value-seats-range-hint = 请使 min <= max
finding-value-term-order = { $person } 的 { $seat } 任期在开始之前就结束了
finding-value-term-order-hint = `until` 是任期结束之日，应在 `from` 之后
finding-value-report-link = 报告的链接 { $value } 不是 https: 或 http: 链接
finding-value-report-link-hint = 请给出以 https:// 开头的网址
finding-value-final-say = { $body } 的 final-say 必须指定一个人或一个席位
finding-value-final-say-hint = 请写 `final-say: {"{"} person: ID {"}"}` 或 `final-say: {"{"} seat: ptl {"}"}`
