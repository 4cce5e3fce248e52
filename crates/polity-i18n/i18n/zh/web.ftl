# polity 网页界面的简体中文。每条消息在 ../en/web.ftl 中都有对应的英文（由测试检查）。
# 术语以 docs/glossary.md 为准。

## 每页的框架
site-tagline = 每项行动都依规则决定，并记入哈希链记录
skip-to-content = 跳到正文
nav-site = 站点
nav-people = 成员
nav-record = 记录
nav-rules = 规则
nav-sign-in = 登录
nav-sign-out = 退出
nav-language = 语言
as-of = 截至 { $date }
feed-title = 治理记录
api = API

## 首页
home-title = 治理
home-no-registry = 尚未记录任何注册表。请用 --registry DIR 启动服务器，或运行 polity init。
home-bodies = 机构
home-under-way = 进行中
home-nothing-under-way = 目前没有进行中的事项。
home-elections = 选举
home-motions = 动议
home-meetings = 会议

## 登录
signin-title = 登录
signin-login = 登录名
signin-password = 密码
signin-button = 登录
signed-in-as = 已登录为 { $login }。
signin-github = 使用 GitHub 登录

## 错误
error-not-allowed = 不允许
error-sign-in = 请先登录
error-not-found = 未找到
error-too-many = 尝试次数过多
error-failed = 操作未成功
error-refused-by = 依据规则拒绝：
error-to-proceed = 下一步：
back = 返回

## 选举
election-title = 选举 { $id }
election-seats = { $seats } 个席位：{ $seat }，所属机构
election-opened-by = 由 { $name } 发起
election-deadline = 提名截止于 { $nominations } · 投票截止于 { $closes }（投票最后一天为 { $last }）。
election-deadline-yours = 按你的时区（{ $zone }）：提名截止于 { $nominations }，投票截止于 { $closes }。
election-phase-nominating = 正在接受提名。
election-phase-voting = 投票进行中。
election-phase-closed = 本次选举已结束。
election-voted = { $eligible } 名合格选民中已有 { $voted } 人投票。
election-valid-at-least = 只有当 { $eligible } 名合格选民中至少 { $fraction } 投票时，结果才有效：需要 { $needed } 人{ $more }。
election-valid-more-than = 只有当 { $eligible } 名合格选民中超过 { $fraction } 投票时，结果才有效：需要 { $needed } 人{ $more }。
election-reached = ，已达到
election-more-to-go = ，还差 { $more } 人
election-sign-in-to-vote = 登录后投票
election-candidates = 候选人
election-nobody-nominated = 尚无人被提名。
election-nominee-withdrawn = 已撤回
election-nominee-consented = 已同意
election-nominee-nominated = 已提名
election-statement-publish = 发布你的竞选声明（被提名人）
election-statement-label = 你对选民的声明
election-statement-button = 发布
election-nominations = 提名
election-nominate-label = 提名
election-nominate-button = 提名
election-consent = 我同意接受提名
election-withdraw = 撤回我的提名
election-cannot-close-nominations = 你现在还不能结束提名：
election-cannot-nominate = 你目前不能在本次选举中提名任何人：
election-close-nominations = 结束提名并开始投票
election-your-ballot = 你的选票
election-cannot-vote = 你不能在本次选举中投票：
election-rule = 规则
election-have-voted = 你已投票。你的选票保密，并在选举结束时计票；你无需再做任何事。
election-change-ballot = 修改我的选票
election-change-how = 如需修改选票，请重新填写，并输入投票时显示给你的选票密钥（不是回执）。只有你最后一张选票计数。
election-rank-how = 为候选人排序：1 表示第一选择，2 表示下一个，依此类推。给两名候选人相同的数字表示并列；不排序的候选人排在你已排序的所有人之后。
election-not-ranked = 不排序
election-abstain = 弃权：不为任何人排序（空白选票计入投票率）
election-earlier-key = 你之前选票的选票密钥
election-replace-ballot = 替换我的选票
election-cast-ballot = 投出我的秘密选票
election-cannot-close = 你现在还不能结束选举：
election-close = 结束选举并计票…
election-result = 结果
election-not-valid = 无效：参与投票的人数太少，因此无人当选；下面的说明给出了具体数字。
election-nobody-elected = 无人当选。
election-elected = 当选：
election-elected-seat = { $body } 的 { $seat }
election-term-until = 任期自 { $from } 至 { $until }
election-term-open = 任期自 { $from } 起，无结束日期
election-how-counted = 计票方法
election-skipped-cap = 因每个组织席位上限而跳过
election-skip = { $name }（{ $org }）被跳过：{ $org } 已占 { $held } 个席位，上限为 { $cap } 个。
election-skip-plain = { $name } 因每个组织的席位上限而被跳过。
election-pairwise = 两两比较
election-pairwise-how = 每格表示：把该行候选人排在该列候选人之前的选民人数。行与列按结果顺序排列；该行候选人一对一胜过该列候选人时标为胜，落败时标为负，相同时标为平。
election-win = 胜
election-loss = 负
election-tie = 平
election-candidate = 候选人
election-rounds = 计票轮次
election-rounds-how = 单记可转移投票：每轮的当选基数及其结果，以及每名候选人在每轮之后的票数。
election-round = 第 { $n } 轮
election-round-line = 当选基数 { $quota }；耗尽 { $exhausted }：
election-votes-per-round = 每轮后的票数
election-explanation = 计票说明（逐步）
election-receipt-check = 核对你的回执
election-receipt = 回执
election-find-ballot = 查找我的选票
election-receipt-found = 已找到：回执 { $receipt } 在计票单上，排序为 { $ranking }。
election-receipt-missing = 回执 { $receipt } 不在计票单上。请告知选举负责人。
election-sheet = 计票单（{ $n } 张选票）
election-sheet-how = 所有选票，按回执排序，不含选民：任何人都可以重新计票。
election-ranking = 排序
method-schulze = 舒尔茨法：逐对比较每两名候选人；一对一胜过所有其他候选人者当选；当胜负形成循环时，取胜链最强者。
method-ranked-pairs = 排序对法：从最大多数开始依次锁定一对一的胜负，跳过会形成循环的；在锁定的胜负中无人胜过的候选人排第一。
method-copeland = 科普兰法：每一对一胜过一名候选人得两分，平局得一分；得分最多者排前。
method-plurality = 相对多数法：每张选票计给其排第一的候选人；第一选择最多者当选。
method-approval = 认可投票法：每张选票认可其排序的所有候选人；获认可最多者当选。
method-stv = 单记可转移投票：票数达到当选基数的候选人当选，超出的票转给选民的下一选择；若无人达到，则淘汰票数最少的候选人并转移其选票，直到所有席位填满。
method-other = 按 { $name } 方法计票。

## 选票回执
ballot-title = 你的选票已记录
ballot-recorded = 你在 { $election } 中的秘密选票已记录。本页只显示一次：polity 不会把下面两个代码与你的名字保存在一起。
ballot-receipt = 回执（公开）
ballot-receipt-how = 计票后，用它在公布的计票单上找到你的选票。
ballot-key = 选票密钥（保密）
ballot-key-how = 这是结束前修改选票的唯一方式：再次投票时输入它。切勿分享：持有它的人可以替换你的选票。
ballot-back = 返回选举

## 不可撤销行动前的确认
confirm-cannot-undo = 此操作无法撤销。
confirm-cancel = 取消并返回
confirm-close-election = 结束选举 { $id } 并计票？
confirm-close-election-button = 结束选举并计票
confirm-close-election-standing = { $eligible } 名合格选民中已有 { $voted } 人投票；投票截止于 { $closes }（投票最后一天为 { $last }）。
confirm-close-election-counts = 现在结束将计算 { $voted } 张选票，公布结果和计票单，并开始当选者的任期。结束后任何人都不能再投票。
confirm-close-election-invalid = 只有 { $voted } 人投票，而结果需要 { $needed } 人才有效：现在结束会使结果无效，无人当选。
confirm-close-motion = 结束动议 { $id }？
confirm-close-motion-button = 结束动议
confirm-final-say = 以最终决定权决定动议 { $id }？
confirm-final-say-button = 记录我的最终决定
confirm-dissolve = 解散 { $id }？
confirm-dissolve-button = 解散
confirm-other = 确认：{ $id }
confirm-other-button = 确认
confirm-records = 现在执行将记录以下内容，且无法撤销：

## 成功
done-vote = 你的投票已记录。
done-nomination = 提名已记录。
done-consent = 你的同意已记录。
done-statement = 你的声明已发布。
done-nominations-closed = 提名已结束，投票已开始。
done-election-closed = 选举已结束并完成计票。
done = 完成。

## 记录
log-title = 记录
log-intro = 所有行动，按记录时间从新到旧。
log-feed = 用订阅阅读器关注记录
log-intact = 完好：{ $events } 个事件，哈希链已重新计算至第 { $head } 号。
log-tampered = 已被篡改：
log-filter = 筛选记录
log-body = 机构
log-every-body = 所有机构
log-kind = 类型
log-every-kind = 所有行动类型
log-from = 起始（YYYY-MM-DD）
log-until = 截止（YYYY-MM-DD）
log-show = 显示
log-clear = 清除
log-none = 没有符合条件的行动。
log-none-scanned = 回溯至第 { $seq } 号事件，没有符合条件的行动。
log-acts = 记录中的行动
log-seq = 编号
log-date = 日期
log-what = 发生了什么
log-who = 执行者
log-raw = 原始数据
log-raw-label = 第 { $seq } 号事件的 JSON
log-scanned = 已回溯至第 { $seq } 号事件；更早的可能还有符合条件的行动。
log-earlier = 更早的事件
log-checkpoints = 已签名的检查点
log-no-checkpoint = 本记录尚未签署任何检查点。运维人员用 polity audit checkpoint 签署检查点，polity serve --checkpoint-key 会在每次选举和动议结束时签署一个。保存一份检查点后，polity audit verify --checkpoint FILE 可以证明记录在此之前没有被改写。
log-keep-checkpoints = 请保存一份检查点：polity audit verify --checkpoint FILE 可以证明记录仍然延续它们。
log-download-checkpoints = 下载检查点（JSON）
log-event = 事件
log-signed-on = 签署日期
log-hash = 哈希
log-public-key = 公钥
log-registry-recorded = 注册表文件已记录。
log-unreadable = { $kind }（此版本无法读取）

## 成员
people-title = 成员
person-calendar = { $name } 的日历
person-calendar-how = 其可投票的选举、所属机构的会议与截止日期、任期结束日期。
person-roles = 职务
person-no-role = 没有担任或记录任何席位。
person-body = 机构
person-seat = 席位
person-from = 起始
person-until = 截止
person-now = 当前
yes = 是
no = 否
person-liaison = 联络人
person-liaison-of = { $area } 联络人，所属
person-committer-of = 提交者
person-history = 记录中的历史
person-nothing = 没有记录。

## 账户
me-acts-as = 代表
me-no-person = 此账户不代表注册表中的任何人。
me-admin = 管理员。
me-new-token = 你的新 API 令牌（只显示一次）：
me-tokens = API 令牌
me-token-id = ID
me-token-for = 用途
me-token-created = 创建时间
me-revoke = 吊销
me-token-label = 新 API 令牌的用途
me-token-example = 例如 CI
me-create-token = 创建令牌

## 规则
rules-title = 规则
rules-intro = 本站的每项行动都依这些规则决定，每次拒绝、结果和发现都会指明其中一条。规则中的数字是其来源社区的默认值；本社区的注册表可以设定自己的数值，显示在每条规则的页面上。
rules-rule = 规则
rules-says = 内容
rule-here = 本社区
rule-nothing-here = 本社区的注册表没有为 { $id } 设定任何值：适用下面的默认值。
rule-set-by = 设定位置
rule-key-in = 位于
rule-default-label = 默认值：
rule-origin = 来源与适用范围
rule-from = 来源：{ $seeds }。
rule-all = 所有规则
rule-original = 英文原文

## 动议
motion-title = 动议 { $id }
motion-in = 所属
motion-rule = 规则 { $rule }
motion-opened-by = 由 { $name } 发起
motion-round = 第 { $n } 轮
motion-closes = 投票于 { $date } 截止
motion-votes = 表决
motion-tally = 赞成 { $yes } · 反对 { $no } · 弃权 { $abstain }
motion-member = 成员
motion-vote = 表决
motion-cast-by = 投票人
motion-capacity = 身份
motion-result = 结果：{ $outcome }
motion-your-vote = 你的表决
choice-yes = 赞成
choice-no = 反对
choice-abstain = 弃权
motion-capacity-label = 身份（可选）
motion-vote-button = 表决
motion-consult = 记录咨询小组的意见
motion-advisory-group = 咨询小组
motion-advised = 其建议
motion-consult-button = 记录咨询意见
motion-final-say = 以最终决定权打破僵局
motion-decision = 决定
motion-reason = 理由
motion-decide = 决定
motion-stop = 以监督机构身份中止此动议
motion-stop-button = 中止动议
motion-cannot-vote = 你不能对此动议表决：
motion-cannot-close = 你现在还不能结束表决：
motion-close = 结束表决
rule-one = 规则
rule-many = 规则

## 会议
meeting-title = 会议 { $id }
meeting-of = 所属
meeting-on = 日期 { $date }
meeting-chaired = 主持人 { $name }
meeting-agenda = 议程
meeting-no-item = 尚无议程项。
meeting-added-by = （由 { $name } 添加）
meeting-requested = 申请的议程项
meeting-requested-by = （由 { $name } 申请）
meeting-requested-by-accepted = （由 { $name } 申请，已接受）
meeting-accept = 接受并列入议程
meeting-attendance = 出席与法定人数
meeting-present = 出席：
meeting-not-recorded = 尚未记录出席情况。
meeting-proxies = 代理投票：
meeting-quorum = 法定人数：
meeting-quorum-met = 已达到
meeting-quorum-not-met = 未达到
meeting-quorum-unknown = 记录出席后才能确定
meeting-minutes = 会议纪要
meeting-no-minutes = 尚未发布
act = 行动
meeting-item = 议程项
meeting-add = 加入议程
meeting-ask = 申请议程项
meeting-request = 申请
meeting-proxy = 我无法出席；我的代理人
meeting-name-proxy = 指定代理人
meeting-present-legend = 出席
meeting-record-attendance = 记录出席
meeting-minutes-link = 会议纪要链接
meeting-publish-minutes = 发布会议纪要

## 机构
body-overseen-by = 监督机构
body-terms-of = 任期 { $term }
body-follow = 关注此机构：
body-calendar = 日历
body-calendar-how = （截止日期、会议；可加入日历程序）
body-feed = 动态订阅
body-feed-how = （每项行动，供订阅阅读器使用）
body-seats = 席位与任期
body-no-seat = 目前无人担任席位。
body-seat = 席位
body-person = 人员
body-liaisons = 联络人
body-nobody = 无人
body-emeritus = 荣誉负责人
body-emeritus-how = 前任负责人，目前不担任席位。
body-owners = 代码负责人
body-owners-how = 审核和批准此机构代码的人员记录在以下 OWNERS 文件中：
body-charter = 章程
body-in-scope = 范围内
body-out-of-scope = 范围外
body-approved = 批准于 { $date }。
body-timetable-ends = 时间表结束于 { $date }。
body-obligations = 义务（未来三个月）
body-nothing-due = 没有到期事项。
body-overdue = 已逾期
body-reports = 报告
body-health = 贡献与健康度
body-health-how = 过去十二个月按组织统计的贡献者（采用 CHAOSS 定义）。
body-chart-svg = SVG 格式的图表
body-feasibility = 其规则能否满足？
body-feasibility-how = 此机构现有人员能否在下次选举或任命时按其规则填满席位（polity feasibility）。
body-can = 可以满足
body-warning = 警告
body-cannot = 无法满足
body-amendments = 来自文件的变更
body-amendments-how = 注册表文件的提交在此处做出的变更，由 polity sync 记录。标有“没有已记录的流程完成它”的变更本应来自选举、任命或动议，而记录中没有。
body-amendment-no-process = 没有已记录的流程完成它
body-processes = 选举、动议、会议
body-election = 选举
body-motion = 动议
body-meeting = 会议
body-proposal = 提案
body-object-or-conclude = 反对或结束
body-objection = 反对意见（提案将转为表决）
body-object = 反对
body-conclude = 结束（截止日期后且无人反对）
body-stop-reason = 以监督机构身份中止：理由
body-stop-proposal = 中止提案
body-not-offered = 为什么这里没有提供某些行动
body-act-how = 规则决定谁可以做什么；被拒绝的行动会说明依据哪条规则以及原因。
body-all-rules = 所有规则
body-open-election = 发起选举
body-seats-to-fill = 待填席位数
body-stagger = 交错任期
body-open-election-button = 发起选举
body-open-motion = 发起动议
body-title = 标题
body-transition = 状态变更（机构:状态，可选）
body-open-motion-button = 发起动议
body-schedule = 安排会议
body-date = 日期
body-schedule-button = 安排
body-propose = 以惰性共识提出提案
body-objections-until = 反对截止日期
body-propose-button = 提出
body-volunteer = 自愿担任 { $area } 联络人
body-sign-off = 以联络人身份在 { $area } 签字确认
body-sign-off-button = 签字确认
body-choose = 以项目负责人身份从志愿者中选择 { $area } 联络人
body-choose-button = 选择
body-no-volunteers = 还没有人报名担任{ $area }联络人：须先由提交者报名，再由你选定（E9）。
body-roll = 记录活跃成员名册
body-roll-csv = CSV 格式的贡献（date,person,kind,link）；git 历史由 polity election roll --repo 统计
body-roll-source = 来源
body-roll-button = 记录名册
body-dissolve = 解散此工作组
body-dissolve-button = 解散
body-report = 提交报告
body-link = 链接
body-annual = 年度报告
body-submit = 提交

## 词汇
seat-member = 成员
seat-chair = 主席
seat-co-chair = 联席主席
seat-tech-lead = 技术负责人
seat-ptl = 项目技术负责人
kind-board = 理事会
kind-oversight-committee = 监督委员会
kind-committee = 委员会
kind-sig = 特别兴趣小组
kind-sub-group = 子工作组
kind-working-group = 工作组
kind-project = 项目
kind-advisory-group = 咨询小组
state-proposed = 已提议
state-forming = 筹建中
state-active = 活跃
state-archived = 已归档
data = { $text }
status-election-title = { $seats } 个席位：{ $seat ->
    [member] 成员
    [chair] 主席
    [co-chair] 联席主席
    [tech-lead] 技术负责人
    [ptl] 项目技术负责人
   *[other] { $seat }
}
status-nominations-until = 提名截止于 { $date }
status-voting-until = 投票截止于 { $date }
status-closed = 已结束
status-open = 进行中
status-outcome = { $outcomekey ->
        [carried] 通过
        [failed] 未通过
        [no-quorum] 未达到法定人数
        [invalid] 无效
        [tied-vote-again] 平局：重新表决
        [tied-the-chair-s-casting-vote-decides] 平局：由主席投决定票
        [deadlocked] 僵局
       *[other] { $outcome }
    }
status-stopped = 已中止
status-passed = 已通过
status-objected = 有反对：转为表决 { $motion }
status-open-until = 开放至 { $date }
status-meeting-title = { $date } 的会议
status-minutes-published = 纪要已发布
status-held = 已举行
status-announced = 已公布

## 拒绝理由（引擎给出的最常见拒绝；其余仍为英文）
refusal-voting-closed = 投票已于 { $date } 截止
refusal-voting-closed-hint = 不再接受选票
refusal-not-a-voter = { $person } 不能在 { $election } 中投票：选民为{ $voters ->
    [members] 该机构的成员
    [active-members] 活跃成员
    [committers] 提交者
    [overseer] 监督机构的成员
    [chairs] 主席
   *[other] { $voters }
}
refusal-not-a-voter-hint = 只有合格选民才能投票
refusal-not-the-opener = { $person } 不是 { $election } 的发起人
refusal-not-the-opener-hint = 由 { $opener } 结束该选举
refusal-close-early = { $election } 的投票开放至 { $closes }：{ $eligible } 名合格选民中已有 { $voted } 人投票
refusal-close-early-hint = 请在 { $closes } 当天或之后结束；只有当所有合格选民都已投票（或该机构的选举规则设置了 early-close: true）时才能提前结束
refusal-election-phase = 选举 { $election } { $now ->
    [nominating] 仍在接受提名
    [voting] 正在投票
   *[closed] 已结束
}；此操作只能在{ $needed ->
    [nominating] 提名期间
    [voting] 投票期间
   *[closed] 选举结束后
}进行
refusal-election-phase-hint = 请等待选举进入下一阶段
refusal-not-a-member = { $person } 不是 { $body } 的成员
refusal-not-a-member-hint = 只有该机构的成员才能这样做
refusal-motion-closed = 动议 { $motion } 已结束
refusal-motion-closed-hint = 请发起新的动议
refusal-may-not-open-motion = { $person } 不能在 { $body } 发起此动议
refusal-may-not-open-motion-hint = 由下列人员之一发起：{ $voters }
refusal-may-not-vote-motion = { $person } 不能对 { $body } 的 { $motion } 表决
refusal-may-not-vote-motion-hint = 只有他们可以表决：{ $voters }
refusal-motion-voting-closed = { $motion } 的投票已于 { $deadline } 截止
refusal-motion-voting-closed-hint = 该动议现在应结束并计票：由发起人或主席结束它
refusal-motion-still-open = { $motion } 的投票持续到 { $deadline }，还有 { $missing } 位有投票权的人未投票
refusal-motion-still-open-hint = 请在截止时间到达后，或在所有有投票权的人都投票后再结束它
refusal-motion-closes-past = { $on } 发起的动议不能在 { $date } 截止
refusal-motion-closes-past-hint = 请给出今天之后的截止日期
refusal-may-not-close-motion = { $person } 既不是此动议的发起人，也不是 { $body } 的主席
refusal-may-not-close-motion-hint = 由主席或发起该动议的成员结束表决

## 规则标题（规则正文见 rules.ftl）
rule-title-S1 = 机构构成一棵树
rule-title-S2 = 特别兴趣小组的领导层
rule-title-S3 = 执行人员联络人负责特别兴趣小组的报告
rule-title-S4 = 工作组有时限
rule-title-S5 = 指导委员会的席位与负责人
rule-title-S6 = 每个组织最多 N 个席位
rule-title-S7 = 提交者权限按项目授予
rule-title-S8 = 一名项目技术负责人，且须为提交者
rule-title-S9 = 每个联络领域都有人负责
rule-title-S10 = 指定角色由主席批准
rule-title-S11 = 咨询小组
rule-title-S12 = 最终决定权：明确且有记录
rule-title-L1 = 每次状态变更都要表决
rule-title-L2 = 新子工作组需要什么
rule-title-L3 = 新特别兴趣小组需要什么
rule-title-L4 = 章程每年审查
rule-title-L5 = 停止报告的特别兴趣小组将被撤销
rule-title-L6 = 不信任
rule-title-L7 = 已归档的小组可以恢复
rule-title-L8 = 特别兴趣小组按季度和年度报告
rule-title-E1 = 指导委员会的选举
rule-title-E2 = 谁是活跃成员
rule-title-E3 = 选举委员会主席
rule-title-E4 = 项目技术负责人选举
rule-title-E5 = 特别兴趣小组主席的任期交错任命
rule-title-E6 = 技术负责人需要两个多数
rule-title-E7 = 罢免主席或技术负责人
rule-title-E8 = 主席轮流主持会议
rule-title-E9 = 联络人自愿报名，由项目技术负责人选定
rule-title-E10 = 任期限制只提醒，不阻止
rule-title-E11 = 由提交者提拔提交者
rule-title-D1 = 会议须达到法定人数才能作出决定
rule-title-D2 = 代理投票
rule-title-D3 = 如何作出决定
rule-title-D4 = 平局
rule-title-D5 = 谁来设定议程
rule-title-D6 = 会议公开
rule-title-D7 = 惰性共识
rule-title-D8 = 重大决定须咨询咨询小组
rule-title-D9 = 投票身份
rule-title-D10 = 授权
rule-title-D11 = 技术监督委员会可以介入
rule-title-C1 = 贡献的种类
rule-title-C2 = 贡献历史公开可见
rule-title-C3 = 健康度检查
rule-title-T1 = 一切都有记录
rule-title-R-SYNTAX = 注册表文件为 YAML
rule-title-R-SCHEMA = 注册表文件符合注册表的结构
rule-title-R-VALUE = 值可以解析且不越界
rule-title-R-REF = 引用须指向存在的对象
rule-title-R-DUP = 每个 ID 只用一次
rule-title-R-INIT = 记录始于一个注册表
refusal-blank-ballot = 这张选票没有为任何候选人排序
refusal-blank-ballot-hint = 请至少为一名候选人排序，或明确选择弃权（空白选票计入投票率）
refusal-abstain-and-rank = 选择弃权的选票不能为候选人排序
refusal-abstain-and-rank-hint = 请为候选人排序，或选择弃权，二者选其一
refusal-already-voted = { $person } 已经投过票
refusal-already-voted-hint = 如需再次投票，请输入你上次投票时显示的选票密钥
refusal-wrong-ballot-key = 这不是你选票的密钥
refusal-wrong-ballot-key-hint = 请输入你上次投票时显示的选票密钥（回执不是密钥）
refusal-self-nomination = { $person } 不能提名 { $candidate }：候选人须自我提名
refusal-self-nomination-hint = 请让候选人自己提名
refusal-not-a-nominator = { $person } 不能在本次选举中提名：提名人须为{ $nominators ->
    [members] 该机构的成员
    [active-members] 活跃成员
    [committers] 提交者
    [overseer] 监督机构的成员
    [chairs] 主席
   *[other] { $nominators }
}
refusal-not-a-nominator-hint = 请其中一人提名
refusal-may-not-stand = { $candidate } 不能参选：候选人须为{ $candidates ->
    [members] 该机构的成员
    [active-members] 活跃成员
    [committers] 提交者
    [overseer] 监督机构的成员
    [chairs] 主席
   *[other] { $candidates }
}
refusal-may-not-stand-hint = 请提名其中一人
refusal-already-nominated = { $candidate } 已被提名
refusal-already-nominated-hint = 无需再做任何事
refusal-not-nominated = { $person } 没有在 { $election } 中被提名
refusal-not-nominated-hint = 只有被提名人本人可以同意或撤回提名
refusal-agenda-closed = { $person } 不能直接向 { $meeting } 的议程添加议程项
refusal-agenda-closed-hint = 请先向该机构申请议程项
refusal-not-at-meeting = { $person } 既不是 { $meeting } 的主持人，也不是成员
refusal-not-at-meeting-hint = 由主持人或成员执行
refusal-objection-late = { $proposal } 的审议期已于 { $date } 结束
refusal-objection-late-hint = 请结束该提案；对下一个提案请及时提出反对
refusal-conclude-early = { $proposal } 的审议期至 { $date }
refusal-conclude-early-hint = 请在截止日期之后结束

## 行动类型（记录筛选）
act-kind-registry-recorded = 注册表已记录
act-kind-registry-amended = 提交修改了注册表
act-kind-report-submitted = 报告已提交
act-kind-motion-opened = 动议已发起
act-kind-vote-cast = 动议表决
act-kind-motion-revote = 动议重新表决
act-kind-motion-closed = 动议已结束
act-kind-body-transitioned = 机构状态变更
act-kind-committer-promoted = 提交者已提拔
act-kind-term-ended = 任期结束
act-kind-meeting-scheduled = 会议已安排
act-kind-agenda-item-added = 议程项已添加
act-kind-agenda-item-requested = 议程项已申请
act-kind-proxy-declared = 代理人已指定
act-kind-attendance-recorded = 出席已记录
act-kind-minutes-published = 会议纪要已发布
act-kind-proposal-opened = 提案已提出
act-kind-proposal-objected = 提案遭到反对
act-kind-proposal-accepted = 提案已通过
act-kind-final-say-recorded = 最终决定已记录
act-kind-intervened = 监督机构已介入
act-kind-roll-recorded = 活跃成员名册已记录
act-kind-consultation-recorded = 咨询意见已记录
act-kind-liaison-volunteered = 联络人自愿报名
act-kind-liaison-chosen = 联络人已选定
act-kind-signed-off = 已签字确认
act-kind-working-group-dissolved = 工作组已解散
act-kind-no-confidence = 不信任
act-kind-election-opened = 选举已发起
act-kind-candidate-nominated = 候选人已提名
act-kind-candidate-consented = 候选人已同意
act-kind-candidate-withdrew = 候选人已撤回
act-kind-statement-published = 竞选声明已发布
act-kind-nominations-closed = 提名已结束
act-kind-ballot-cast = 选票已投出
act-kind-election-closed = 选举已结束
act-kind-term-started = 任期开始

## 拒绝：引用、动议、会议
refusal-no-such-person = “{ $person }”不是注册表中的人员
refusal-no-such-person-hint = 以 people.yaml 中的人员身份操作（ID 或 @账号）
refusal-no-such-body = 没有机构“{ $body }”
refusal-no-such-body-hint = 请指定注册表中的机构
refusal-already-recorded = 此记录已经有一个注册表
refusal-already-recorded-hint = 另一个注册表请使用新的数据库
refusal-no-registry = 记录中还没有注册表
refusal-no-registry-hint = 请先运行 `polity init --registry DIR`
refusal-amend-known = 提交 { $commit } 已经记录过
refusal-amend-known-hint = 无需操作：`polity sync` 每个提交只记录一次
refusal-amend-same = 提交 { $commit } 没有改变记录中的注册表
refusal-amend-same-hint = 没有需要记录的内容
refusal-amend-unreadable = 无法读取提交 { $commit } 的注册表：{ $problem }
refusal-amend-unreadable-hint = 请在新的提交中修正文件后再同步；本次没有记录任何内容
refusal-amend-unprocessed = 提交 { $commit } 有 { $count } 处变更本应来自已记录的流程，第一处：{ $what }，而记录中没有完成它的流程
refusal-amend-unprocessed-hint = 请在记录中运行相应流程（选举、任命、动议）并导出，或不加 --strict 同步，把变更连同发现一起记录；本次没有记录任何内容
refusal-one-subject = 一项动议只能有一个议题：状态变更、提拔、罢免、任命或不信任
refusal-one-subject-hint = 每个议题各发起一项动议
refusal-no-such-meeting = 没有会议“{ $meeting }”
refusal-no-such-meeting-hint = 请指定 `polity log` 中列出的会议
refusal-no-such-proposal = 没有提案“{ $proposal }”
refusal-no-such-proposal-hint = 请指定 `polity log` 中列出的提案
refusal-no-such-target = 没有提案或动议“{ $target }”
refusal-no-such-target-hint = 请指定 `polity log` 中列出的提案或动议
refusal-no-such-motion = 没有动议“{ $motion }”
refusal-no-such-motion-hint = 请指定 `polity log` 中列出的动议
refusal-meeting-of-another-body = 会议 { $meeting } 是 { $of } 的会议，不是 { $body } 的会议
refusal-meeting-of-another-body-hint = 请在作出决定的机构的会议上表决
refusal-no-decision-rule = { $body } 没有指定决定规则
refusal-no-decision-rule-hint = 请传入 --rule NAME，或在该机构的文件中设置 `decides-by:`
refusal-no-such-decision-rule = 没有决定规则“{ $rule }”
refusal-no-such-decision-rule-hint = 请指定章程 `decision-rules` 中的一条
refusal-not-in-a-meeting = { $motion } 不在会议上表决
refusal-not-in-a-meeting-hint = 代理人只出席会议：电子表决请亲自投票
refusal-no-such-proxy = { $absent } 没有为 { $meeting } 指定代理人 { $person }
refusal-no-such-proxy-hint = { $absent } 须在会前指定代理人：`polity meeting proxy { $meeting } { $person } --as { $absent }`
refusal-did-not-attend = { $person } 没有出席 { $meeting }（本人或代理均未出席）
refusal-did-not-attend-hint = 会议上只有出席者投票
refusal-not-the-chair = { $person } 不是 { $body } 的主席
refusal-not-the-chair-hint = 只有主席可以投决定票
refusal-no-attendance = { $meeting } 的出席情况尚未记录
refusal-no-attendance-hint = 请在结束表决前记录出席者
refusal-not-deadlocked = { $motion } 没有陷入僵局
refusal-not-deadlocked-hint = 最终决定权只用于明确的僵局
refusal-not-an-advisory-group = { $group } 不是 { $body } 的咨询小组
refusal-not-an-advisory-group-hint = 请征求为该机构提供咨询的小组的意见
refusal-not-in-either = { $person } 既不在 { $body } 中，也不在 { $group } 中
refusal-not-in-either-hint = 由两者之一的成员记录咨询意见

## 拒绝：表决、会议、提案
refusal-bad-capacity = { $person } 不能以“{ $capacity }”的身份投票
refusal-bad-capacity-hint = 请声明为 { $choices }（“personal”为个人身份，“on behalf of 组织”为代表雇主）
refusal-not-consulted = { $motion } 是重大决定，尚未征求 { $groups } 的意见
refusal-not-consulted-hint = 请记录每一次咨询：`polity motion consult { $motion } GROUP --summary ...`
refusal-tied-again = 动议 { $motion } 的表决再次出现平局
refusal-tied-again-hint = 由主席投决定票结束表决（--casting-vote yes 或 no）
refusal-not-final-say-holder = { $person } 在 { $body } 中不拥有最终决定权
refusal-not-final-say-holder-hint = 由 { $body } 的最终决定权持有人决定；没有持有人的机构须设置 `final-say:`
refusal-meeting-passed = { $date } 已经过去
refusal-meeting-passed-hint = 会议须在召开之前通知
refusal-no-such-request = { $meeting } 没有第 { $request } 号请求
refusal-no-such-request-hint = 请指定 `polity log` 中列出的请求
refusal-request-accepted = 第 { $request } 号请求已在议程上
refusal-request-accepted-hint = 无需操作
refusal-no-proxies = { $body } 不允许代理
refusal-no-proxies-hint = 请亲自出席，或修改该机构的 `meetings: {"{"} proxies: true {"}"}`
refusal-proxy-not-members = 代理人由一名成员为另一名成员指定；{ $person } 和 { $holder } 都须是 { $body } 的成员
refusal-proxy-not-members-hint = 请指定一名成员作为你的代理人
refusal-proxy-late = { $meeting } 的代理人须在 { $date } 会议之前指定
refusal-proxy-late-hint = 请在下次会议之前指定代理人
refusal-proposal-stopped = { $proposal } 已被监督机构否决
refusal-proposal-stopped-hint = 请提出新的提案
refusal-proposal-passed = { $proposal } 已经通过
refusal-proposal-passed-hint = 无需操作
refusal-proposal-objected = { $proposal } 遇到异议，已转为表决：动议 { $motion }
refusal-proposal-objected-hint = 请对该动议表决
refusal-no-objection-rule = { $body } 没有为异议后的表决指定决定规则
refusal-no-objection-rule-hint = 请在该机构的文件中设置 `decides-by:`
refusal-review-too-short = 审查期须在 { $date } 之后结束
refusal-review-too-short-hint = 请给出更晚的 --until
refusal-no-overseer = { $body } 没有监督机构
refusal-no-overseer-hint = 只有 TOC 之下的小组才能被其否决
refusal-not-overseer-member = { $person } 不是监督 { $body } 的 { $overseer } 的成员
refusal-not-overseer-member-hint = 由监督机构的成员介入
refusal-already-decided = { $target } 已有决定
refusal-already-decided-hint = 请在其尚未结束时介入

## 拒绝：选举与选票
refusal-no-such-election = 没有选举“{ $election }”
refusal-no-such-election-hint = 请指定 `polity log` 中列出的选举
refusal-may-not-open-election = { $person } 既不是 { $body } 的成员，也不是其监督机构的成员
refusal-may-not-open-election-hint = 由该机构或其监督委员会的成员发起选举
refusal-no-seats = 一次选举至少填补一个席位
refusal-no-seats-hint = 请传入 --seats N
refusal-too-many-seats = { $body } 最多有 { $most } 个{ refusal-seat-name }席位；一次选举不能填补 { $seats } 个
refusal-too-many-seats-hint = 请传入不超过 { $most } 的 --seats
refusal-too-many-nominees = { $election } 已有 { $nominees } 名被提名人，达到一张选票的上限
refusal-too-many-nominees-hint = 不能再提名
refusal-withdrawn = { $person } 已退出
refusal-withdrawn-hint = 退出在本次选举中不可撤回
refusal-election-closed = { $election } 已结束
refusal-election-closed-hint = 竞选声明只适用于进行中的选举
refusal-not-a-candidate = { $person } 不是 { $election } 的候选人
refusal-not-a-candidate-hint = 只有未退出的被提名人才能为自己发布竞选声明
refusal-statement-length = 竞选声明须有 1 至 10,000 个字符
refusal-statement-length-hint = 请写不超过 10,000 个字符的声明
refusal-not-the-election-opener = { $person } 不是 { $election } 的发起人
refusal-not-the-election-opener-hint = 由 { $opener } 截止提名
refusal-no-candidates = 没有候选人参选（须已被提名、在要求同意时已同意、且未退出）
refusal-no-candidates-hint = 请提名候选人，并请他们同意
refusal-not-on-the-ballot = “{ $candidate }”不是候选人
refusal-not-on-the-ballot-hint = 只能为这些候选人排序：{ $candidates }
refusal-ranked-twice = { $candidate } 被排序了两次
refusal-ranked-twice-hint = 每名候选人只能排序一次
refusal-bad-ballot-key = 新选票的密钥不是 32 位十六进制数字
refusal-bad-ballot-key-hint = 请让 polity 生成选票密钥
refusal-reused-ballot-key = 新选票需要新的密钥
refusal-reused-ballot-key-hint = 请让 polity 生成选票密钥

## 拒绝：超出界限的值（R-VALUE）
refusal-field-name = { $fieldkey ->
        [agenda-item] 议程项
        [area] 领域
        [ballot-key] 选票密钥
        [body] 机构
        [candidate] 候选人
        [closing-date] 截止日期
        [commit] 提交
        [commit-author] 提交作者
        [commit-date] 提交日期
        [commit-subject] 提交标题
        [capacity] 投票身份
        [date] 日期
        [deadline] 截止日期
        [election] 选举
        [group] 小组
        [link] 链接
        [meeting] 会议
        [meeting-date] 会议日期
        [member] 成员
        [minutes-link] 会议纪要链接
        [motion] 动议
        [motion-subject] 动议的议题
        [person] 人员
        [proposal] 提案
        [proxy-holder] 代理人
        [reason] 理由
        [report-link] 报告链接
        [roll-first-day] 名册的起始日
        [roll-rule] 名册的规则
        [source] 来源
        [statement] 竞选声明
        [subject] 事项
        [summary] 摘要
        [target] 对象
        [title] 标题
        [roll] 名册
        [attendance] 出席名单
       *[other] { $field }
    }
refusal-value-too-long = { refusal-field-name }有 { $length } 个字符；最多允许 { $max } 个
refusal-value-too-long-hint = 请缩短，或链接到更长的文本
refusal-value-empty = { refusal-field-name }为空
refusal-value-empty-hint = 请填写
refusal-value-control = { refusal-field-name }含有控制字符
refusal-value-control-hint = 请发送纯文本
refusal-value-not-a-link = { refusal-field-name }“{ $value }”不是 https: 或 http: 链接
refusal-value-not-a-link-hint = 请给出以 https:// 开头的网址（例如 https://example.org/minutes/2026-06）
refusal-value-far = { refusal-field-name } { $value } 与操作日期 { $date } 相距超过两年
refusal-value-far-hint = 请给出两年以内的日期
refusal-value-bad = “{ $value }”不是有效的{ refusal-field-name }编号
refusal-value-bad-hint = 请给出提交的十六进制编号
refusal-too-many-names = 名册列出了 { $names } 个成员和来源
refusal-too-many-names-hint = 一份名册最多包含 100,000 个名称
refusal-too-many-present = 出席 { $names } 人
refusal-too-many-present-hint = 每人只列一次

## 拒绝：生命周期、报告、名册、联络人、席位
refusal-may-not-report = { $person } 不能提交 { $body } 的报告
refusal-may-not-report-hint = 由主席、技术负责人或执行人员联络人提交：{ $owners }
refusal-may-not-record-roll = { $person } 不能记录活跃成员名册
refusal-may-not-record-roll-hint = 由监督委员会的成员记录：{ $officers }
refusal-bot-on-roll = { $person } 是自动化程序，不能成为活跃成员
refusal-bot-on-roll-hint = 名册中不要包含自动化程序
refusal-roll-stranger = 名册中的“{ $person }”不是注册表中的人员
refusal-roll-stranger-hint = 请先将此人加入注册表
refusal-not-a-working-group = { $body } 不是存续中的工作组
refusal-not-a-working-group-hint = 只有工作组以这种方式解散
refusal-may-not-dissolve = { $person } 既不是 { $body } 的主席，也不是其监督机构的成员
refusal-may-not-dissolve-hint = 由其主席或监督机构解散
refusal-dissolve-early = { $body } 的时间表持续到 { $date }，且仍有交付成果未完成
refusal-dissolve-early-hint = 工作组在时间表结束或全部交付成果完成时解散；在此之前，请通过动议将其归档
refusal-does-not-oversee = { $body } 不监督 { $target }
refusal-does-not-oversee-hint = 请在 { $overseer } 发起动议
refusal-bad-transition = { $body } 不能从{ refusal-from-name }变为{ refusal-to-name }
refusal-bad-transition-hint = 小组按 已提议 → 筹建中 → 活跃 → 已归档 的顺序变更；已归档的小组可以恢复（L7）
refusal-no-such-area = “{ $area }”不是联络领域
refusal-no-such-area-hint = 请使用以下之一：{ $areas }
refusal-not-a-committer = { $person } 不是 { $body } 的提交者
refusal-not-a-committer-hint = 联络人从项目的提交者中自愿报名
refusal-not-the-ptl = { $person } 不是 { $body } 的项目技术负责人
refusal-not-the-ptl-hint = 由项目技术负责人在报名者中选定
refusal-did-not-volunteer = { $person } 没有报名担任 { $body } 的{ $area }联络人
refusal-did-not-volunteer-hint = 联络人由志愿者担任：请从以下报名者中选择：{ $volunteers }
refusal-not-the-liaison = { $person } 不是 { $body } 的{ $area }联络人
refusal-not-the-liaison-hint = 由该领域的联络人在其领域内批准：{ $liaisons }
refusal-no-confidence-target = { $body } 不是监督机构之下的特别兴趣小组或小组
refusal-no-confidence-target-hint = 不信任由监督机构对特别兴趣小组表决通过
refusal-already-committer = { $person } 已经是 { $body } 的提交者
refusal-already-committer-hint = 无需提拔
refusal-no-committers = { $body } 没有提交者
refusal-no-committers-hint = 提交者权限按项目授予：请在列有提交者的项目中提拔
refusal-elected-not-appointed = { refusal-seat-name }席位由选举产生，不能任命
refusal-elected-not-appointed-hint = 可以任命主席、联席主席或技术负责人
refusal-holds-no-seat = { $date } 时 { $person } 在 { $body } 中不担任{ refusal-seat-name }席位
refusal-holds-no-seat-hint = 请指定该席位的现任者
refusal-holds-seat = { $person } 已在 { $body } 中担任{ refusal-seat-name }席位
refusal-holds-seat-hint = 无需任命
refusal-registry-problems = 读取注册表时发现 { $problems } 个问题，第一个属于规则 { $rule }
refusal-registry-problems-hint = 请先对其运行 `polity check` 并修正所有错误

## 拒绝中用到的词（由上面的消息引用，取同样的值）
refusal-seat-name = { $seat ->
        [member] 成员
        [chair] 主席
        [co-chair] 联席主席
        [tech-lead] 技术负责人
        [ptl] 项目技术负责人
       *[other] { $seat }
    }
refusal-from-name = { $from ->
        [proposed] 已提议
        [forming] 筹建中
        [active] 活跃
        [archived] 已归档
       *[other] { $from }
    }
refusal-to-name = { $to ->
        [proposed] 已提议
        [forming] 筹建中
        [active] 活跃
        [archived] 已归档
       *[other] { $to }
    }
refusal-nobody-may-stand = 目前没有人可以在 { $election } 中参选
refusal-nobody-may-stand-hint = 由该机构的选举规则规定谁可以参选
refusal-sig-proposal-incomplete = 拟议的特别兴趣小组 { $body } 缺少成立所需的 { $gaps } 项内容（目的、两名或以上负责人、所需资源）
refusal-sig-proposal-incomplete-hint = 请在其文件中补全 `proposal:`；`polity check` 会列出缺少的每一项
refusal-sub-group-incomplete = { $body } 不能成立：缺少子工作组所需的 { $gaps } 项内容
refusal-sub-group-incomplete-hint = 请补全其文件（来自不同组织的提交者、项目技术负责人、范围、计划、公开页面、通知）；`polity check` 会列出缺少的每一项

## 机构的贡献健康状况（C3）及其图表
health-reading = 正在读取仓库的历史；请一分钟后刷新页面。
health-failed = 无法读取仓库的历史：{ $why }
health-active = 活跃贡献者（30 / 90 / 365 天）
health-contributions = 贡献数（365 天）
health-absence = 贡献者缺席因子：完成一半工作所需的最少人数
health-elephant = 大象因子：在所属组织已知的工作中，完成一半所需的最少组织数
health-no-known = 无（没有所属组织已知的贡献）
health-organisations = 参与贡献的组织数
health-unknown = 所属组织不明的贡献
health-none = 无
health-share = { $total } 次中的 { $part } 次（{ $percent } %）
chart-heading = { $title }：各组织每月的贡献
chart-subtitle = { $from } 至 { $last }，共 { $contributions } 次贡献，按{ $basis }日期计；* 表示不完整的月份（灰底）
chart-basis-commit = 提交
chart-basis-author = 作者
chart-others = 其他 { $count } 个组织
chart-unit = 每月贡献数
chart-unknown = 所属组织不明
chart-empty = 这几个月没有贡献
chart-month-1 = 1月
chart-month-2 = 2月
chart-month-3 = 3月
chart-month-4 = 4月
chart-month-5 = 5月
chart-month-6 = 6月
chart-month-7 = 7月
chart-month-8 = 8月
chart-month-9 = 9月
chart-month-10 = 10月
chart-month-11 = 11月
chart-month-12 = 12月

## 订阅源
feed-record = { $community }：治理记录
feed-body = { $community }：{ $body }
feed-event = 记录中的第 { $seq } 个事件
feed-unreadable = 记录了一个 { $kind }。

## GitHub App 在议题上的回复（Markdown）
gh-no-mapping = 此仓库没有可读取的 `.github/polity.yaml`，因此 polity 不知道由哪个机构在这里投票。请添加一个，例如：
    
    ```yaml
    body: tsc              # 由其成员投票的注册表机构
    rule: simple-majority  # 可选：章程中的决策规则
    duration: 7 days       # 可选：投票在此时长后截止
    ```
gh-bad-mapping = 无法读取 `.github/polity.yaml`：{ $error }。它应写明 `body:`，以及可选的 `rule:`、`duration:` 和 `profiles:`。
gh-already-open = 此议题上的动议 { $motion } 已经开启。请用 `/vote yes`、`/vote no` 或 `/vote abstain` 投票。
gh-no-profile = `.github/polity.yaml` 中没有配置“{ $name }”；现有的配置：{ $profiles }。
gh-bad-duration = 无法读取 `.github/polity.yaml` 中的 `duration`：{ $error }。请写成 `7 days` 或 `2 weeks`。
gh-no-motion = 此议题上没有开启的动议。请用 `/vote` 开启一个。
gh-vote-again = 你的投票（{ $choice }）已经记录。
gh-refused = 被 { $rule }（{ $title }）拒绝：{ $message }。下一步：{ $hint }。
gh-tally = 目前：赞成 { $yes }，反对 { $no }，弃权 { $abstain }；{ $voters } 位有投票权的人中已有 { $voted } 位投票（规则 `{ $rule }`）。
gh-tally-passes = 通过条件：{ $passes }。
gh-opened = 动议 { $motion } 已在 { $body } 开启，适用规则 `{ $rule }`。有投票权的人请回复 `/vote yes`、`/vote no` 或 `/vote abstain`（之后的投票会替换之前的），或对这条评论做出回应：👍（赞成）、👎（反对）、👀（弃权）；回应在动议结束时计入，只对尚未用评论投票的人有效。`/vote close` 结束动议。
gh-closes-on = 投票于 { $deadline } 截止；届时动议将结束并在此计票。
gh-closed = 动议 { $motion } 已结束：**{ $outcome }**（赞成 { $yes }，反对 { $no }，弃权 { $abstain }）。
gh-revote = 动议 { $motion } 票数相同：第 { $round } 轮投票开始，请再次投票。
gh-voted = 投票已记录。
gh-recorded = 已记录。
gh-reactions = 计为投票的回应：{ $counted }；无投票权者的回应（不计）：{ $refused }；同时做出两种回应者（不计）：{ $ambiguous }。
gh-time-up = 投票已截止。
gh-time-up-refused = 投票已截止，但动议无法结束。
gh-outcome-carried = 通过
gh-outcome-failed = 未通过
gh-outcome-invalid = 无效
gh-choice-yes = 赞成
gh-choice-no = 反对
gh-choice-abstain = 弃权
