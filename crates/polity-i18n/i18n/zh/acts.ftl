# 记录中的每项操作，以一句简体中文表述（页面、命令行）。英文见 ../en/acts.ftl；术语见 docs/glossary.md。

## 动议、提案、介入
act-motion-opened = { $by } 在 { $body } 发起了动议“{ $title }”。
act-vote-cast = { $member } 对动议 { $motion } 进行了表决。
act-motion-revote = 动议 { $motion } 的表决出现平局；第 { $round } 轮开始。
act-motion-closed = { $by } 结束了动议 { $motion } 的表决：{ $outcome }（赞成 { $yes }，反对 { $no }，弃权 { $abstain }）。
act-proposal-opened = { $by } 在 { $body } 以惰性共识提出“{ $title }”；异议截止于 { $deadline }。
act-proposal-objected = { $by } 对提案 { $proposal } 提出异议；该提案转为表决（动议 { $motion }）。
act-proposal-accepted = 提案 { $proposal } 已通过：期限内无人提出异议。
act-final-say-recorded = { $by } 对动议 { $motion } 行使了最终决定权：{ $decision }。
act-intervened = { $by } 介入了 { $target }。
act-consultation-recorded = { $by } 记录了 { $group } 对动议 { $motion } 的意见。

## 会议
act-meeting-scheduled = { $by } 通知了 { $body } 于 { $on } 召开的会议。
act-agenda-item-added = { $by } 将“{ $item }”加入会议 { $meeting } 的议程。
act-agenda-item-requested = { $by } 请求将“{ $item }”加入会议 { $meeting } 的议程。
act-proxy-declared = { $member } 指定 { $holder } 为会议 { $meeting } 的代理人。
act-attendance-recorded-quorum = 会议 { $meeting } 的出席情况：{ $attending } 人出席；达到法定人数。
act-attendance-recorded-no-quorum = 会议 { $meeting } 的出席情况：{ $attending } 人出席；未达到法定人数。
act-minutes-published = { $by } 发布了会议 { $meeting } 的会议纪要。

## 选举
act-election-opened = { $by } 发起了 { $body } 的 { $seats } 个{ $seat }席位的选举：提名截止于 { $nominations }，投票截止于 { $voting }。
act-candidate-nominated = { $by } 在选举 { $election } 中提名了 { $candidate }。
act-candidate-consented = { $candidate } 接受了选举 { $election } 中的提名。
act-candidate-withdrew = { $candidate } 退出了选举 { $election }。
act-statement-published = { $candidate } 在选举 { $election } 中发布了竞选声明。
act-nominations-closed = 选举 { $election } 的提名已截止；候选人：{ $candidates }。
act-ballot-cast = { $voter } 在选举 { $election } 中投了票。
act-election-closed-not-valid = { $by } 结束了选举 { $election }：结果无效（投票人数不足）。
act-election-closed-no-one = { $by } 结束了选举 { $election }：无人当选。
act-election-closed = { $by } 结束了选举 { $election }：{ $winners } 当选。

## 注册表、报告、席位、联络人、生命周期
act-registry-recorded = { $by } 记录了注册表（{ $files } 个文件）。
act-registry-amended = { $author } 的提交 { $commit } 修改了注册表：{ $subject }（{ $changes } 处变更，其中 { $findings } 处没有已记录的流程）。
act-registry-amended-unreadable = { $author } 的提交 { $commit } 修改了注册表文件，但文件无法读取，其内容均未生效：{ $subject }。
act-report-submitted = { $by } 提交了 { $body } { $on } 的{ $report }报告。
act-roll-recorded = { $by } 记录了截至 { $on } 的活跃成员名册（{ $members } 人）。
act-liaison-volunteered = { $person } 报名担任 { $body } 的{ $area }联络人。
act-liaison-chosen = { $by } 选定 { $person } 为 { $body } 的{ $area }联络人。
act-signed-off = { $by } 在 { $body } 以{ $area }联络人身份批准了“{ $subject }”。
act-working-group-dissolved = { $by } 于 { $on } 解散了工作组 { $body }。
act-term-ended = { $person } 作为 { $body } { $seat }的任期于 { $on } 结束。
act-no-confidence = { $body } 在不信任表决中失利（动议 { $motion }）。
act-committer-promoted = { $person } 成为 { $body } 的提交者。
act-body-transitioned = { $body } 于 { $on } 变为{ $state }。
act-term-started = { $person } 自 { $from } 起担任 { $body } 的{ $seat }。
act-term-started-until = { $person } 自 { $from } 起至 { $until } 担任 { $body } 的{ $seat }。

## 句中用词
outcome-carried = 通过
outcome-failed = 未通过
outcome-no-quorum = 未达到法定人数
outcome-invalid = 无效
outcome-tied-vote-again = 平局：重新表决
outcome-tied-the-chair-s-casting-vote-decides = 平局：由主席投决定票
outcome-deadlocked = 僵局
choice-word-yes = 赞成
choice-word-no = 反对
choice-word-abstain = 弃权
report-quarterly = 季度
report-annual = 年度
