# 动议的计票过程（逐步），简体中文。英文见 ../en/count.ftl；阈值保留 > 与 >= 以示是否含等号。

count-step = { $label }：{ $what }；{ $threshold }，需要 { $needed }：{ $met }
count-label-quorum = 法定人数（D1）
count-label-participation = 参与率
count-label-majority = 多数
count-met = 已达到
count-not-met = 未达到
count-what-yes-of-votes-cast = 赞成与反对共 { $whole } 票，其中赞成 { $part } 票
count-what-yes-of-ballots-cast = 共投 { $whole } 票，其中赞成 { $part } 票
count-what-yes-of-members = 成员 { $whole } 人，其中赞成 { $part } 人
count-what-voted-of-members = 成员 { $whole } 人，其中 { $part } 人投票
count-what-attending-of-members = 成员 { $whole } 人，其中 { $part } 人出席
count-threshold-votes-cast = 赞成票须占赞成与反对票的 { $bound } { $fraction }
count-threshold-ballots-cast = 赞成票须占所投票数的 { $bound } { $fraction }
count-threshold-members = 赞成票须占成员人数的 { $bound } { $fraction }
count-threshold-members-voted = 投票人数须占成员人数的 { $bound } { $fraction }
count-threshold-members-attend = 出席人数须占成员人数的 { $bound } { $fraction }
count-no-quorum = 会议可以讨论，但不能作出决定
count-tie = 赞成 { $yes } 票，反对 { $no } 票：平局（第 { $round } 轮）
count-casting-vote = 主席投下决定票：{ $choice }
count-every-body = 须每个机构都通过：{ $outcome }

## 选举的计票（大多数计票都有的各行）
count-ballots = { $ballots } 张选票，{ $candidates } 名候选人；计票方法 { $method }；未排序的候选人视为{ $unranked }
count-unranked-below = 排在所有已排序者之后
count-unranked-no-preference = 无偏好
count-turnout = 投票率：{ $eligible } 名合格选民中 { $voters } 人投出有效选票；{ $threshold }，需要 { $needed }：{ $verdict }
count-turnout-valid = 有效
count-turnout-not-valid = 无效，无人当选
count-schulze-winning-votes = 在两两比较矩阵上使用舒尔茨法（按获胜票数）
count-schulze-margins = 在两两比较矩阵上使用舒尔茨法（按票差）
count-ranked-pairs = 排序对法：按多数的强弱依次锁定，跳过形成循环的对
count-plurality = 相对多数法：每张选票只计给其排名最高的一名候选人；{ $none } 张选票未计给任何人
count-approval = 认可投票法：每张选票认可其排序的每一名候选人
count-condorcet-winner = { $name } 在两两比较中胜过其他每一名候选人（孔多塞胜者）
count-seat = 第 { $seat } 席：{ $name }
count-seat-held = 第 { $seat } 席：{ $name }（{ $organisation }：现有 { $count } 席）
count-skipped = 跳过 { $name }：{ $organisation } 已占 { $count } 个席位，每个组织至多 { $cap } 个
count-cap = 席位上限：每个组织至多 { $cap } 个席位，计入留任成员（{ $sitting }）
count-nobody = 无
count-tie-seats = 最后 { $left } 个席位出现平局（{ $tied }）：{ $how }
count-tie-report = 暂不决定（平局处理：报告）；请按机构的规则决定并记录所作的选择
count-tie-seed = 以公开的种子 { $seed } 随机抽签决定
count-tie-officer = 由 { $officer } 选择决定
count-tie-officer-incomplete = 暂不决定：{ $officer } 给出的顺序没有列出所有平局的候选人
count-unfilled = { $unfilled } 个席位空缺：符合条件的候选人不足
count-meek = 米克式单记可转移投票：每名当选者只保留到达其名下每张票的一部分（保留系数），使其恰好持有一个当选基数，其余转给下一顺位；当选基数 = 候选人持有的票数 / (席位数 + 1)，再加 10^-9；票数至少达到当选基数（>=）者当选；盈余用尽时淘汰票数最少者；保留 { $digits } 位小数，保留的票数向上取整
count-scottish = 苏格兰式单记可转移投票（2007 年苏格兰地方政府选举令第 45–52 条）：当选基数 = 有效选票数 / (席位数 + 1)，舍去小数后加 1；票数至少达到当选基数（>=）者当选；先转移最大的盈余，按（盈余 × 选票价值 / 票数）计算，保留 5 位小数，余数舍去；没有盈余时，淘汰票数最少的候选人，其选票按原价值转给下一顺位
count-stv-valid = 计入 { $ballots } 张有效选票
count-stv-empty = { $ballots } 张选票没有为任何人排序：不是有效票，不计入
count-stv-truncated = { $ballots } 张选票给两名候选人排了相同的名次：每张只计到重复的名次为止

## 单记可转移投票的各轮
count-round-first = 第一偏好
count-round-elected = 达到当选基数 { $quota } 而当选：{ $elected }
count-round-elected-meek = 达到当选基数 { $quota } 而当选：{ $elected }（迭代 { $iterations } 次后）
count-round-excluded = 淘汰：{ $excluded }（票数最少）；其选票按原价值转给下一顺位
count-round-excluded-meek = 淘汰：{ $excluded }（票数最少；迭代 { $iterations } 次后盈余用尽）
count-round-surplus = 转移 { $name } 的盈余：{ $surplus }，每票 { $value }
count-round-moved-on = { $names } 的选票转给下一顺位（其不能就任）
count-round-filled = 当选：{ $names }（尚存候选人与剩余席位一样多）

## 较少见的计票步骤（count/rare.rs）
count-devotee-failed = 无法按 devotee 的规则计票：{ $error }；改用严格的 Schulze 方法
count-ranked-pairs-unlocked = 同等的多数若按一种次序会闭合循环、按另一种次序则不会，就都不锁定（结果从不取决于候选人的排列次序）：{ $pairs }；它们本会分开的候选人保持并列
count-schulze-elekto-winning-votes = 对两两对比矩阵使用 Schulze 方法（获胜票数）；候选人按 Elekto 的顺序排列：在最强路径上失败最少者在前
count-schulze-elekto-margins = 对两两对比矩阵使用 Schulze 方法（票差）；候选人按 Elekto 的顺序排列：在最强路径上失败最少者在前
count-devotee-default = devotee（Debian 章程 §A.6）：默认选项是 { $name }（{ $by }）
count-devotee-by-as-given = 按指定
count-devotee-by-by-its-name = 按其名称
count-devotee-by-the-last-option-where-devotee-puts-it = 最后一个选项，devotee 把默认选项放在那里
count-devotee-kept = 保留 { $name }：以 { $over } 比 { $under } 胜过 { $default }，达到其 { $ratio } 的多数要求
count-devotee-dropped-quorum = 去掉 { $name }：法定人数：{ $over } 名投票人将其排在 { $default } 之上；法定人数至少需要 { $quorum }
count-devotee-dropped-majority = 去掉 { $name }：多数：它需要对 { $default } 达到 { $ratio }，实为 { $over } 比 { $under }（{ $over } 不大于 { $factor } × { $under }）
count-devotee-schulze = 对剩下的 { $left } 个选项使用 Schulze 方法（获胜票数）
count-devotee-schulze-default = 对剩下的 { $left } 个选项使用 Schulze 方法（获胜票数）：默认选项获胜
count-passed-over-holds = 略过 { $name }：其在 { $date } 已担任 { $body } 的 { $seat } 席位
count-passed-over-not-member = 略过 { $name }：其在任期开始的 { $date } 不是 { $body } 的成员（E3）
count-purpose-which-to-exclude = 淘汰哪一位
count-purpose-whose-surplus-first = 先转移谁的盈余
count-stv-stopped = 计票停止：暂不决定：{ $names } 在每一轮都相同，只有抽签才能选择（{ $purpose }）；请为选举设定平局处理方式（公开的种子或主持人给出的顺序）后重新计票
count-stv-how-seed = 以公开的种子 { $seed } 随机抽签
count-stv-how-officer = 由 { $officer } 选择
count-stv-tie-lot = 平局（{ $purpose }）：{ $names } 在每一轮都相同；{ $how }，选定 { $chosen }
count-stv-tie-round = 平局（{ $purpose }）：{ $names } 之间按第 { $round } 轮的票数选定 { $chosen }
count-composite-part = { $body }：{ $steps }：{ $outcome }
count-round-excluded-tied = 淘汰：{ $excluded }（并列最少；连同盈余共 { $together }，少于下一位候选人的 { $next }，因此无论按何种次序逐一淘汰都会把他们全部淘汰）；其选票按原价值转给下一顺位
count-round-excluded-tied-meek = 淘汰：{ $excluded }（并列最少；连同盈余共 { $together }，少于下一位候选人的 { $next }，因此无论按何种次序逐一淘汰都会把他们全部淘汰；迭代 { $iterations } 次后盈余用尽）
count-method-as = { $method }（按 { $compat } 的方式）
count-compat-unused = （compat { $compat } 只适用于 schulze；未使用）
