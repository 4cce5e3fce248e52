# 命令行自身的消息（简体中文）。英文见 ../en/cli.ftl；术语见 docs/glossary.md。

cli-error = polity：错误：{ $error }
cli-apply-refused = polity apply：{ $lines } 行中有 { $refused } 行被拒绝；其余各行已执行
cli-due-incomplete = polity：警告：读取 { $dir } 时有 { $errors } 个问题；义务列表可能不完整（请运行 `polity check`）

## 操作
cli-refused = 被规则 { $rule }（{ $title }）拒绝：{ $message }（如何继续：{ $hint }）；参见 `polity rules { $rule }`
cli-recorded = 已记录 { $kind }：{ $sentence }
cli-say-who = 请说明由谁执行：--as 人员ID
cli-no-registry = 记录 { $db } 中还没有注册表：请先运行 `polity init`
cli-not-a-date = { $flag } { $text } 不是有效的日期：请按年、月、日的顺序书写，例如 2026-06-30、2026/6/30 或 2026年6月30日，且该日须存在
cli-kept-moving = 决定期间记录一直在变化；请重试

## polity rules
cli-rules-explain-one = 查看一条规则：polity rules ID [--registry DIR]
cli-rules-from = 出处：{ $seeds }
cli-rules-set-by = 由以下键设置：
cli-rules-key = { $file } 中的 `{ $key }`（默认：{ $default }）
cli-rules-here-nothing = 此处（{ $dir }）：注册表没有为 { $rule } 设置任何值；使用默认值。
cli-rules-here = 此处（{ $dir }）：
cli-rules-enforced-by = 执行于：
cli-rules-tested-by = 测试：{ $tests }
cli-no-such-rule = 没有规则 { $id }；`polity rules` 列出全部规则（S1–S12、L1–L8、E1–E11、D1–D11、C1–C3、T1、R-*）

## 选举
cli-not-consented = { $person }（未同意提名，而本次选举要求同意）
cli-nobody = 无人
cli-nominations-closed = { $election } 的提名已截止：选票上的候选人为 { $candidates }
cli-dropped = ；未列入：{ $dropped }
cli-receipt = 你的回执：{ $receipt }（公开：计票后可凭它在计票单上找到你的选票）
cli-ballot-key = 你的选票密钥：{ $key }（秘密：截止前替换这张选票的唯一方式，使用 --replace KEY；它不会被保存，只显示这一次；切勿与人分享）

## 注册表与记录
cli-init-done = 已将注册表 { $registry }（{ $bodies } 个机构，{ $people } 名人员）记录到 { $db }
cli-export-same = { $dir } 与记录一致（截至事件 { $seq }）
cli-export-differs = { $dir } 中有 { $files } 个文件与记录不同（截至事件 { $seq }）；`polity export DIR` 会写出记录中的版本：
cli-export-done = 已将记录（截至事件 { $seq }）导出到 { $dir }

## polity due
cli-due-head = 截至 { $at } 的义务，向后看 { $within }：
cli-due-nothing = 没有到期事项
cli-due-overdue = 已逾期

## polity check
cli-check-error = 错误
cli-check-warning = 警告
cli-check-hint = 提示：{ $hint }
cli-check-summary = polity check：{ $dir } 截至 { $at } 有 { $errors } 个错误、{ $warnings } 个警告

## polity feasibility
cli-feasibility-head = { $at } 的可行性：{ $verdict }
cli-feasibility-all = 每个机构的规则都能由其现有人员满足
cli-feasibility-warnings = 每个机构的规则都能满足；{ $warnings } 个警告
cli-feasibility-infeasible = { $infeasible } 条规则无法满足，{ $warnings } 个警告
cli-feasibility-what-to-do = 怎么办：从其他组织引入可以参选的人（成员、提交者），或按规则规定的程序更改该机构的席位或上限；`polity rules ID` 解释每条规则。
cli-verdict-ok = 可行
cli-verdict-warning = 警告
cli-verdict-infeasible = 不可行

## polity tally
cli-tally-election = 选举
cli-tally-head = { $title }：{ $ballots } 张选票，{ $candidates } 名候选人，计票方法 { $method }，未排序的候选人视为 { $unranked }
cli-tally-warning = 警告：{ $warning }
cli-tally-skipped = 跳过了 { $skipped } 张有问题的选票：
cli-tally-skip = 跳过：{ $organisation } 已占 { $count } 个席位，每个组织至多 { $cap } 个
cli-tally-ranking = 排名：
cli-tally-winners = 当选者（{ $seats } 个席位）：
cli-tally-not-valid = 无：选举无效（投票率不足）
cli-tally-unfilled = { $unfilled } 个席位空缺
cli-tally-explanation = 说明：
cli-tally-pairwise = 两两比较矩阵：偏好行候选人胜过列候选人的投票人数
cli-tally-strongest = 最强路径（{ $strength }）：行候选人的路径强于反向路径时，排在列候选人之前
cli-tally-too-many = 两两比较矩阵与最强路径矩阵：{ $candidates } 名候选人；请用 --json 查看
cli-tally-rounds = 各轮计票（{ $rule }，保留 { $digits } 位小数）：
cli-tally-votes-after = 每轮之后的票数（* 已当选，- 已淘汰）：

## polity audit
cli-audit-intact = 完好：{ $events } 个事件，最新事件 { $head } { $hash }
cli-audit-checkpoints = 延续 { $checkpoints } 个已签名的检查点，最新的在事件 { $newest }
cli-audit-tampered = 已被篡改：{ $events } 个事件中有 { $problems } 个问题：

## polity notify、polity outbox
cli-notify-nothing = { $at } 没有需要通知任何人的消息。
cli-notify-owed = { $at } 有 { $count } 条待发消息：
cli-notify-no-address = { $person }（无地址）
cli-notify-unreachable = 无法通过电子邮件联系 { $people }：请在 people.yaml 中为其添加 `emails:`。
cli-notify-dry-run = 试运行：没有写入或发送任何内容。
cli-notify-queued = 发件箱新增 { $queued } 条（已有 { $already } 条）。由 `polity serve --smtp URL` 或 `polity notify --smtp URL` 发送。
cli-notify-sent = 发件箱新增 { $queued } 条；已发送 { $sent } 条，失败 { $failed } 条（稍后重试；`polity outbox` 会列出）。
cli-outbox-empty = 发件箱为空：目前还没有需要通知的消息（见 `polity notify --dry-run`）。
cli-tally-round = 当选基数 { $quota }，耗尽 { $exhausted }：{ $action }
