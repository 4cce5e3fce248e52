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
cli-export-into-done = 已将 { $dir } 的 { $files } 个文件更新为记录的内容（截至事件 { $seq }），只改动不同之处：
cli-export-into-same = { $dir } 已与记录一致（截至事件 { $seq }）；未写入任何内容
cli-export-into-edited = { $path }：原地修改（{ $keys }）
cli-export-into-new = { $path }：新文件
cli-export-into-whole = { $path }：整体重写（原地修改无法与记录一致；其注释已丢失）
cli-export-into-not-a-registry = { $dir } 中没有 polity.yaml：--into 用于修改已有的注册表文件夹；要写入新的文件夹，请不加 --into 直接给出文件夹
cli-sync-commit = { $commit } { $subject }：{ $changes } 处变更，其中 { $findings } 处没有已记录的流程
cli-sync-unreadable = { $commit } { $subject }：注册表文件无法读取（{ $problems } 个问题）；已记录，其内容均未生效
cli-sync-no-process = 没有已记录的流程完成它
cli-sync-done = 已将 { $commits } 个提交同步到 { $db }；记录已同步到 { $synced }
cli-sync-none = 无需同步：记录（{ $db }）已同步到 { $synced }
cli-sync-stopped = 在被拒绝的提交处停止：它及其后的提交均未记录（之前已记录 { $commits } 个提交）；记录已同步到 { $synced }
cli-sync-no-commit = 初始化时的注册表（尚未同步任何提交）
cli-sync-no-base = { $repo } 中 { $reference } 的提交里，没有哪个提交的 { $path } 与记录中的注册表相同：此记录并非由这段历史初始化。请从其中某个提交初始化记录（`git checkout COMMIT`，`polity init --registry { $path }`），再同步
cli-sync-recorded-finding = 随提交 { $commit }（{ $subject }）记录，但没有流程：{ $what }
cli-sync-recorded-hint = 记录会随做出变更的提交保留这条发现；请审阅它，若应有流程（选举、任命、动议），请在记录中运行

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

## polity affiliations、polity import
cli-cannot-read = 无法读取 { $path }
cli-cannot-create = 无法创建 { $path }
cli-cannot-read-checkpoint = 无法读取检查点 { $path }
cli-cannot-start = 无法启动运行时
cli-cannot-write-output = 无法写出结果
cli-cannot-read-stdin = 无法读取标准输入
cli-cannot-render-manual = 无法生成手册页
cli-audit-no-checkpoint = 记录已损坏；未签署检查点：
cli-roll-no-contributions = 没有给出贡献数据：请传入 --repo（可重复多次）或 --contributions
cli-smtp-both = 请同时设置 POLITY_SMTP_USERNAME 和 POLITY_SMTP_PASSWORD，或都不设置
cli-render-both = 请给出注册表文件夹或 --record，不要同时给出：记录中已含有其来源的注册表
cli-aff-unclean = { $dir }：注册表未能无误地载入（{ $rule }：{ $message }）；请先运行 `polity check` 并修正
cli-aff-no-files = 没有给出文件：请传入 --email-map、--domain-map、--aliases 或 --cncf
cli-aff-problems = { $count } 个问题；什么也没有导入：
cli-aff-warnings = { $count } 个警告：
cli-aff-more = …… 另有 { $count } 个
cli-aff-from = { $count } 人来自 { $source }
cli-aff-none = 无
cli-aff-dry-run = 演练：
cli-aff-summary = { $people } 人获得了所属组织（{ $sources }）；{ $merged } 个地址并入了人员；新增 { $added } 个组织{ $names }；{ $unmatched } 个条目未匹配到注册表中的任何人
cli-aff-written-error = 写入的注册表有错误：{ $rule }：{ $message }
cli-imported = 已将 { $summary } 导入 { $out }

## polity backup、polity restore
cli-not-a-store = { $url } 不是存储地址：请使用 sqlite:路径 或 postgres://用户@主机/数据库
cli-cannot-open-store = 无法打开存储 { $db }
cli-cannot-write = 无法写入 { $path }
cli-backup-not-verified = 副本未通过校验（记录本身可能已损坏；请运行 `polity audit verify`）：
cli-restore-missing = { $path } 不存在：请指定由 `polity backup` 生成的文件
cli-restore-not-empty = { $db } 中已有记录：请恢复到一个新的空数据库
cli-restore-exists = { $path } 已存在：请恢复到一个新文件，再在服务器停止后将其移到原位
cli-restore-not-verified = { $path } 未通过校验；什么也没有恢复：
cli-restored-not-verified = 恢复后的记录未通过校验：
cli-tool-missing = 无法运行 { $tool }（{ $error }）：请安装与服务器版本相同的 PostgreSQL 客户端工具
cli-tool-failed = { $tool } 失败：{ $error }
cli-backup-exists = { $path } 已存在：备份从不覆盖文件；请另取一个新文件名
cli-backup-pg = 已用 pg_dump 将记录（至少 { $events } 个事件；开始时的最新事件哈希为 { $hash }）备份到 { $out }；用 `polity restore --db postgres://…/空数据库 { $out }` 恢复
cli-backup-done = 已将记录备份到 { $out }（一致的副本；校验结果：{ $verified }）
cli-restore-done = 已将 { $from } 恢复到 { $db }；校验结果：{ $verified }
cli-not-utf8 = { $path } 不是 UTF-8 路径

## polity serve、polity account
cli-serve-key-created = polity serve：已创建检查点密钥 { $path }（公钥 { $key }）；请在安全之处保留一份副本
cli-serve-github-both = GitHub 登录需要同时提供 --github-client-id 和 --github-client-secret
cli-serve-github-app-all = GitHub App 需要同时提供 --github-app-id、--github-app-key 和 --github-webhook-secret
cli-serve-github-app-key = 无法读取 GitHub App 密钥 { $path }
cli-serve-github-app-bad = GitHub App 设置无法使用：{ $error }
cli-serve-webhook-no-secret = polity serve：Webhook { $url } 在环境中没有密钥（请设置 { $variable }），因此不会向其推送
cli-serve-listening = polity serve：http://{ $address }/（记录 { $db }，{ $events } 个事件，日期 { $today }）
cli-serve-demo = polity serve：演示账户：每个人的 ID（alice、bob、chen……）以及 `admin`，密码 `{ $password }`；alice 是进行中的主席选举 tsc/e2 的主持人
cli-serve-cannot-listen = 无法在 { $address } 上监听
cli-serve-history-failed = polity serve：读取 { $body } 的历史时出错：{ $error }
cli-serve-repo-no-body = --repo { $repo }：记录中没有机构 { $body }；请写成 --repo 机构=路径，机构为以下之一：{ $bodies }
cli-serve-repo-missing = --repo { $repo }：{ $path } 不存在；请给出一个 git 仓库的路径
cli-account-added = 账户 { $login }（{ $who }）
cli-account-added-admin = 账户 { $login }（{ $who }，管理员）
cli-account-acts-as = 以 { $person } 的身份行事
cli-account-no-person = 未关联人员
cli-account-no-such = 没有账户 { $login }：请用 `polity account add` 创建
cli-account-password-stdin = 无法从标准输入读取密码
cli-config-cannot-read = 无法读取配置文件 { $file }
cli-config-unknown = { $file }：`{ $key }` 不是 polity serve 的设置{ $near }；可用的设置有：{ $settings }
cli-config-flag = { $file }：`{ $key }` 只能是 true 或 false
cli-config-scalar = { $value } 不是文本、数字或 true/false

## 用法错误（英文由 clap 自己表述；两种语言的目录都保留，以便对照）
cli-usage-unknown-argument = 未知参数 { $arg }
cli-usage-unknown-command = 未知命令 { $command }
cli-usage-invalid-value = { $value } 不是 { $arg } 的可用值；可用的值为：{ $valid }
cli-usage-needs-value = { $arg } 需要一个值
cli-usage-bad-value = 参数 { $arg } 的值 { $value } 无效：{ $reason }
cli-usage-missing = 缺少：{ $args }
cli-usage-missing-command = 请说明要运行哪个命令
cli-usage-conflict = { $arg } 不能与 { $prior } 同时给出
cli-usage-other = 命令行有误：{ $error }
cli-usage-did-you-mean = 您是否想用 { $suggested }？
cli-usage-line = 用法：{ $usage }
cli-usage-help = 更多信息请运行 `polity --help`（或 `polity 命令 --help`）。
cli-not-a-language = { $text } 不是 polity 所说的语言：请使用 en 或 zh

## polity stats
cli-stats-same-repo = { $repo }：与 { $first } 是同一个仓库（给出了两次）：只读取一次
cli-stats-read = { $repo }：读取了 { $read } 个提交，其中 { $cached } 个来自缓存{ $note }
cli-stats-again = { $repo }：{ $again } 个提交已从给出的另一个仓库计入（克隆、派生或同一历史的一部分）：每个只计一次
cli-stats-electorate-head = 截至 { $at } 的活跃成员（E2：在 [{ $from }, { $at }) 内按{ $basis }日期至少有 { $contributions } 次贡献）；排除了 { $bots } 个机器人身份；AI 合著者（Claude、Copilot）{ $ai }（见 polity.yaml 中的 `ai-co-authors:`）
cli-stats-basis-commit = 提交
cli-stats-basis-author = 作者
cli-stats-ai-counted = 计入
cli-stats-ai-not-counted = 不计入
cli-stats-active = 活跃
cli-stats-not-active = 不活跃：{ $needed } 次贡献中只有 { $count } 次
cli-stats-not-in-registry = 不在注册表中：请添加此人（或把该电子邮件地址加给某人）以计入
cli-stats-csv-problems = 贡献文件中有 { $count } 个问题；其中的内容一概未导入：
cli-health-the-project = 本项目
cli-health-title = { $title } 截至 { $at } 的健康状况（C3）
cli-health-columns = 指标 | 数值
cli-health-active = 活跃贡献者，30 / 90 / 365 天
cli-health-contributions = 贡献数，365 天
cli-health-absence = 贡献者缺席因子（完成 50 % 工作的最少人数）
cli-health-elephant = 大象因子（完成已知所属组织工作 50 % 的最少组织数）
cli-health-no-known = 无（没有所属组织已知的贡献）
cli-health-organisations = 参与贡献的组织数
cli-health-unknown = 所属组织不明的贡献
cli-health-top = 贡献最多者的份额
cli-health-last = 最近的活动
cli-health-none = 无
cli-health-organisations-title = 各组织，365 天
cli-health-organisations-columns = 组织 | 贡献数
cli-health-unknown-org = 所属组织不明
cli-person-head = { $name }（{ $id }），截至 { $at }
cli-person-affiliation = 所属组织：{ $organisation }
cli-person-none-recorded = 无记录
cli-person-range = { $organisation }，自 { $from } 至 { $until }
cli-person-now = 现在
cli-person-first-record = 最早的记录
cli-person-bot = 机器人：从不算作成员或贡献者
cli-person-identities = 历史中的身份：{ $identities }
cli-person-all = 贡献总数：{ $count }
cli-person-verdict-bot = 不活跃：机器人
cli-person-verdict-more = 不活跃：还需要 { $more } 次
cli-person-e2 = E2：在 [{ $from }, { $at }) 内按{ $basis }日期至少 { $contributions } 次贡献：{ $counted } 次 —— { $verdict }
cli-person-no-rule = E2：章程没有设定活跃成员规则
cli-person-list = 贡献（最新的在前）：

## polity check --record-api
cli-api-not-a-url = { $url } 不是服务器的地址：请写成 https://主机（本机上也可以是 http://127.0.0.1:端口）
cli-api-unreachable = 无法读取 { $url }：{ $error }；那里是否在运行 `polity serve`？
cli-api-too-large = { $url } 的回应超过 64 MB：那不是注册表
cli-api-refused = { $url } 的回应为 { $status }：{ $error }
cli-api-no-registry = { $url } 没有给出 polity.yaml：服务器的记录中还没有注册表
cli-api-unreadable = { $url } 给出的注册表无法读取：{ $error }
