//! The messages in words: English and Simplified Chinese, plain text and HTML. Each message says
//! what happened, what to do and by when, and links to the page where it is done. Never a
//! ballot's content or receipt.

use jiff::civil::Date;
use polity_model::{Lang, Person, Polity, Seat};

use crate::{Options, What};

pub(crate) struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn body_name(polity: &Polity, id: &str) -> String {
    match polity.body(id) {
        Some(body) if !body.name.trim().is_empty() => body.name.clone(),
        _ => id.to_owned(),
    }
}

fn person_name(polity: &Polity, id: &str) -> String {
    polity
        .person(id)
        .map_or_else(|| id.to_owned(), |person| person.name.clone())
}

fn names(polity: &Polity, ids: &[String], lang: Lang) -> String {
    let names: Vec<String> = ids.iter().map(|id| person_name(polity, id)).collect();
    match lang {
        Lang::En => names.join(", "),
        Lang::Zh => names.join("、"),
    }
}

fn seat_name(seat: Seat, lang: Lang) -> &'static str {
    match (lang, seat) {
        (Lang::En, Seat::Member) => "member",
        (Lang::En, Seat::Chair) => "chair",
        (Lang::En, Seat::CoChair) => "co-chair",
        (Lang::En, Seat::TechLead) => "technical lead",
        (Lang::En, Seat::Ptl) => "project technical lead",
        (Lang::Zh, Seat::Member) => "成员",
        (Lang::Zh, Seat::Chair) => "主席",
        (Lang::Zh, Seat::CoChair) => "联合主席",
        (Lang::Zh, Seat::TechLead) => "技术负责人",
        (Lang::Zh, Seat::Ptl) => "项目技术负责人",
    }
}

fn day(date: Date, lang: Lang) -> String {
    match lang {
        Lang::En => date.strftime("%-d %B %Y").to_string(),
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// A deadline's date, with its time of day and zone when the constitution sets a
/// `deadline-time` (`1 July 2026, 18:00 Asia/Shanghai`); at the default midnight, the date alone.
fn deadline(polity: &Polity, date: Date, lang: Lang) -> String {
    let constitution = &polity.constitution;
    if constitution.deadline_time == jiff::civil::Time::midnight() {
        return day(date, lang);
    }
    let time = constitution.deadline_time.strftime("%H:%M");
    let zone = constitution.time_zone.as_deref().unwrap_or("UTC");
    match lang {
        Lang::En => format!("{}, {time} {zone}", day(date, lang)),
        Lang::Zh => format!("{} {time}（{zone}）", day(date, lang)),
    }
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Nominations and voting open, reminders.
fn elections(polity: &Polity, lang: Lang, what: &What<'_>) -> (String, Vec<String>, String) {
    match (lang, what) {
        (Lang::En, What::NominationsOpen { election }) => {
            let body = body_name(polity, &election.body);
            (
                format!(
                    "Nominations are open: {body} {} election",
                    seat_name(election.seat, lang)
                ),
                vec![
                    format!(
                        "Nominations are open for {} {} seat(s) of {body} until {}.",
                        election.seats,
                        seat_name(election.seat, lang),
                        deadline(polity, election.nominations_close, lang)
                    ),
                    format!(
                        "You may nominate. Voting closes on {}.",
                        deadline(polity, election.voting_close, lang)
                    ),
                ],
                format!("/elections/{}", election.id),
            )
        }
        (Lang::Zh, What::NominationsOpen { election }) => {
            let body = body_name(polity, &election.body);
            (
                format!("提名已开始：{body}{}选举", seat_name(election.seat, lang)),
                vec![
                    format!(
                        "{body}的{}（{} 个席位）提名开放至 {}。",
                        seat_name(election.seat, lang),
                        election.seats,
                        deadline(polity, election.nominations_close, lang)
                    ),
                    format!(
                        "您可以提名。投票截止日期为 {}。",
                        deadline(polity, election.voting_close, lang)
                    ),
                ],
                format!("/elections/{}", election.id),
            )
        }
        (Lang::En, What::VotingOpen { election }) => {
            let body = body_name(polity, &election.body);
            (
                format!("Please vote: {body} {} election", seat_name(election.seat, lang)),
                vec![
                    format!(
                        "Voting is open for {} {} seat(s) of {body}. You are an eligible voter.",
                        election.seats,
                        seat_name(election.seat, lang)
                    ),
                    format!("Candidates: {}.", names(polity, &election.candidates, lang)),
                    format!(
                        "Vote before {}: sign in and rank the candidates on the ballot page.",
                        deadline(polity, election.voting_close, lang)
                    ),
                ],
                format!("/elections/{}", election.id),
            )
        }
        (Lang::Zh, What::VotingOpen { election }) => {
            let body = body_name(polity, &election.body);
            (
                format!("请投票：{body}{}选举", seat_name(election.seat, lang)),
                vec![
                    format!(
                        "{body}的{}（{} 个席位）选举已开始投票。您是有投票权的选民。",
                        seat_name(election.seat, lang),
                        election.seats
                    ),
                    format!("候选人：{}。", names(polity, &election.candidates, lang)),
                    format!(
                        "请在 {} 之前投票：登录后在选票页面为候选人排序。",
                        deadline(polity, election.voting_close, lang)
                    ),
                ],
                format!("/elections/{}", election.id),
            )
        }
        (Lang::En, What::VotingReminder { election }) => {
            let body = body_name(polity, &election.body);
            (
                format!(
                    "Reminder: voting closes on {}",
                    deadline(polity, election.voting_close, lang)
                ),
                vec![
                    format!(
                        "You have not voted yet in the {body} {} election. Voting closes on {}.",
                        seat_name(election.seat, lang),
                        deadline(polity, election.voting_close, lang)
                    ),
                    format!("{} have voted so far.", election.voted.len()),
                ],
                format!("/elections/{}", election.id),
            )
        }
        (Lang::Zh, What::VotingReminder { election }) => {
            let body = body_name(polity, &election.body);
            (
                format!("提醒：投票将于 {} 截止", deadline(polity, election.voting_close, lang)),
                vec![
                    format!(
                        "您尚未在{body}{}选举中投票。投票将于 {} 截止。",
                        seat_name(election.seat, lang),
                        deadline(polity, election.voting_close, lang)
                    ),
                    format!("目前已有 {} 人投票。", election.voted.len()),
                ],
                format!("/elections/{}", election.id),
            )
        }
        _ => unreachable!("render() sends only elections here"),
    }
}

/// Results.
fn election_results(polity: &Polity, lang: Lang, what: &What<'_>) -> (String, Vec<String>, String) {
    match (lang, what) {
        (Lang::En, What::ElectionResult { election }) => {
            let body = body_name(polity, &election.body);
            let outcome = if election.valid == Some(false) {
                "The election is not valid: too few voted (see the page for the rule).".to_owned()
            } else if election.winners.is_empty() {
                "No one was elected.".to_owned()
            } else {
                format!("Elected: {}.", names(polity, &election.winners, lang))
            };
            (
                format!("Result: {body} {} election", seat_name(election.seat, lang)),
                vec![
                    outcome,
                    format!(
                        "{} voted. The page shows how the votes were counted and the tally sheet, where each voter can find their ballot.",
                        election.voted.len()
                    ),
                ],
                format!("/elections/{}", election.id),
            )
        }
        (Lang::Zh, What::ElectionResult { election }) => {
            let body = body_name(polity, &election.body);
            let outcome = if election.valid == Some(false) {
                "本次选举无效：投票人数不足（规则见页面）。".to_owned()
            } else if election.winners.is_empty() {
                "无人当选。".to_owned()
            } else {
                format!("当选：{}。", names(polity, &election.winners, lang))
            };
            (
                format!("结果：{body}{}选举", seat_name(election.seat, lang)),
                vec![
                    outcome,
                    format!(
                        "共 {} 人投票。页面上有计票过程和计票单，每位选民都可以找到自己的选票。",
                        election.voted.len()
                    ),
                ],
                format!("/elections/{}", election.id),
            )
        }
        _ => unreachable!("render() sends only election results here"),
    }
}

/// Reports due and overdue, terms ending.
fn duties(polity: &Polity, lang: Lang, what: &What<'_>) -> (String, Vec<String>, String) {
    match (lang, what) {
        (Lang::En, What::ReportDue { body, date, summary }) => (
            format!("Report due on {}: {}", day(*date, lang), body_name(polity, body)),
            vec![
                format!(
                    "{} owes a report by {} (rule L8). You receive this as one of its leads.",
                    body_name(polity, body),
                    day(*date, lang)
                ),
                summary.to_string(),
            ],
            format!("/bodies/{body}"),
        ),
        (Lang::Zh, What::ReportDue { body, date, summary }) => (
            format!("{} 应提交报告：{}", day(*date, lang), body_name(polity, body)),
            vec![
                format!(
                    "{} 应在 {} 之前提交报告（规则 L8）。您是其负责人之一，因此收到此邮件。",
                    body_name(polity, body),
                    day(*date, lang)
                ),
                summary.to_string(),
            ],
            format!("/bodies/{body}"),
        ),
        (Lang::En, What::ReportOverdue { body, date, summary }) => (
            format!("Report overdue: {}", body_name(polity, body)),
            vec![
                format!(
                    "{}'s report was due on {} and has not been submitted. A group that stops reporting may be retired (rule L5).",
                    body_name(polity, body),
                    day(*date, lang)
                ),
                summary.to_string(),
                "Submit the report as soon as you can.".to_owned(),
            ],
            format!("/bodies/{body}"),
        ),
        (Lang::Zh, What::ReportOverdue { body, date, summary }) => (
            format!("报告逾期：{}", body_name(polity, body)),
            vec![
                format!(
                    "{} 的报告应于 {} 提交，但尚未提交。长期不报告的小组可能被撤销（规则 L5）。",
                    body_name(polity, body),
                    day(*date, lang)
                ),
                summary.to_string(),
                "请尽快提交报告。".to_owned(),
            ],
            format!("/bodies/{body}"),
        ),
        (Lang::En, What::TermEnding { body, seat, until }) => (
            format!("Your term ends on {}", day(*until, lang)),
            vec![format!(
                "Your term as {} of {} ends on {}.",
                seat_name(*seat, lang),
                body_name(polity, body),
                day(*until, lang)
            )],
            format!("/bodies/{body}"),
        ),
        (Lang::Zh, What::TermEnding { body, seat, until }) => (
            format!("您的任期将于 {} 结束", day(*until, lang)),
            vec![format!(
                "您在{}的{}任期将于 {} 结束。",
                body_name(polity, body),
                seat_name(*seat, lang),
                day(*until, lang)
            )],
            format!("/bodies/{body}"),
        ),
        _ => unreachable!("render() sends only duties here"),
    }
}

/// Meetings and their minutes, motions and proposals awaiting members.
fn meetings_and_decisions(polity: &Polity, lang: Lang, what: &What<'_>) -> (String, Vec<String>, String) {
    match (lang, what) {
        (Lang::En, What::MeetingAnnounced { meeting }) => {
            let mut paragraphs = vec![format!(
                "{} meets on {}{}.",
                body_name(polity, &meeting.body),
                day(meeting.on, lang),
                meeting
                    .chair
                    .as_ref()
                    .map(|chair| format!(", chaired by {}", person_name(polity, chair)))
                    .unwrap_or_default()
            )];
            paragraphs.push(if meeting.agenda.is_empty() {
                "The agenda is still empty; members may add items on the meeting's page.".to_owned()
            } else {
                format!(
                    "Agenda: {}.",
                    meeting
                        .agenda
                        .iter()
                        .map(|(item, _)| item.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            });
            paragraphs.push("If you cannot attend, you may name a proxy on the meeting's page before it.".to_owned());
            (
                format!(
                    "Meeting on {}: {}",
                    day(meeting.on, lang),
                    body_name(polity, &meeting.body)
                ),
                paragraphs,
                format!("/meetings/{}", meeting.id),
            )
        }
        (Lang::Zh, What::MeetingAnnounced { meeting }) => {
            let mut paragraphs = vec![format!(
                "{} 将于 {} 开会{}。",
                body_name(polity, &meeting.body),
                day(meeting.on, lang),
                meeting
                    .chair
                    .as_ref()
                    .map(|chair| format!("，由{}主持", person_name(polity, chair)))
                    .unwrap_or_default()
            )];
            paragraphs.push(if meeting.agenda.is_empty() {
                "议程尚为空；成员可以在会议页面添加议题。".to_owned()
            } else {
                format!(
                    "议程：{}。",
                    meeting
                        .agenda
                        .iter()
                        .map(|(item, _)| item.as_str())
                        .collect::<Vec<_>>()
                        .join("；")
                )
            });
            paragraphs.push("如果您不能出席，可在会前于会议页面指定代理人。".to_owned());
            (
                format!("{} 会议：{}", day(meeting.on, lang), body_name(polity, &meeting.body)),
                paragraphs,
                format!("/meetings/{}", meeting.id),
            )
        }
        (Lang::En, What::MinutesPublished { meeting, link }) => (
            format!(
                "Minutes of {}'s meeting on {}",
                body_name(polity, &meeting.body),
                day(meeting.on, lang)
            ),
            vec![format!("The minutes are published: {link}")],
            format!("/meetings/{}", meeting.id),
        ),
        (Lang::Zh, What::MinutesPublished { meeting, link }) => (
            format!(
                "{} {} 会议纪要",
                body_name(polity, &meeting.body),
                day(meeting.on, lang)
            ),
            vec![format!("会议纪要已发布：{link}")],
            format!("/meetings/{}", meeting.id),
        ),
        (Lang::En, What::MotionAwaitingVote { motion }) => (
            format!("Your vote is needed: {}", motion.title),
            vec![
                format!(
                    "{} is voting on \"{}\" and you have not voted{}.",
                    body_name(polity, &motion.body),
                    motion.title,
                    if motion.round > 1 {
                        format!(" in round {}", motion.round)
                    } else {
                        String::new()
                    }
                ),
                "Vote yes, no or abstain on the motion's page.".to_owned(),
            ],
            format!("/motions/{}", motion.id),
        ),
        (Lang::Zh, What::MotionAwaitingVote { motion }) => (
            format!("需要您投票：{}", motion.title),
            vec![
                format!(
                    "{} 正在对“{}”进行表决，您尚未投票{}。",
                    body_name(polity, &motion.body),
                    motion.title,
                    if motion.round > 1 {
                        format!("（第 {} 轮）", motion.round)
                    } else {
                        String::new()
                    }
                ),
                "请在动议页面投赞成、反对或弃权票。".to_owned(),
            ],
            format!("/motions/{}", motion.id),
        ),
        (Lang::En, What::ProposalOpen { proposal }) => (
            format!("Proposed by lazy consensus: {}", proposal.title),
            vec![
                format!(
                    "{} proposes \"{}\". Unless a member objects by {}, it is accepted (rule D7).",
                    body_name(polity, &proposal.body),
                    proposal.title,
                    deadline(polity, proposal.deadline, lang)
                ),
                "If you object, say so on the body's page before then; the proposal then goes to a vote.".to_owned(),
            ],
            format!("/bodies/{}", proposal.body),
        ),
        (Lang::Zh, What::ProposalOpen { proposal }) => (
            format!("懒惰共识提案：{}", proposal.title),
            vec![
                format!(
                    "{} 提出“{}”。如在 {} 之前无成员反对，即视为通过（规则 D7）。",
                    body_name(polity, &proposal.body),
                    proposal.title,
                    deadline(polity, proposal.deadline, lang)
                ),
                "如您反对，请在截止前于该机构页面提出；提案随后将付诸表决。".to_owned(),
            ],
            format!("/bodies/{}", proposal.body),
        ),
        _ => unreachable!("render() sends only meetings_and_decisions here"),
    }
}

pub(crate) fn render(polity: &Polity, options: &Options, person: &Person, what: &What<'_>) -> Rendered {
    let lang = person.lang;
    let community = polity.constitution.name.as_str();
    let (subject, paragraphs, link) = match what {
        What::NominationsOpen { .. } | What::VotingOpen { .. } | What::VotingReminder { .. } => {
            elections(polity, lang, what)
        }
        What::ElectionResult { .. } => election_results(polity, lang, what),
        What::ReportDue { .. } | What::ReportOverdue { .. } | What::TermEnding { .. } => duties(polity, lang, what),
        What::MeetingAnnounced { .. }
        | What::MinutesPublished { .. }
        | What::MotionAwaitingVote { .. }
        | What::ProposalOpen { .. } => meetings_and_decisions(polity, lang, what),
    };
    let link = options.link(&link);
    let (greeting, footer) = match lang {
        Lang::En => (
            format!("Dear {},", person.name),
            format!("This message is from {community}'s governance record (polity)."),
        ),
        Lang::Zh => (
            format!("{}，您好：", person.name),
            format!("此邮件来自 {community} 的治理记录（polity）。"),
        ),
    };
    // A title is a member's text: a line break in it must not become a header of the message.
    let subject: String = format!("[{community}] {subject}")
        .chars()
        .map(|character| if character.is_control() { ' ' } else { character })
        .collect();
    let mut text = format!("{greeting}\n\n");
    for paragraph in &paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str(&link);
    text.push_str("\n\n-- \n");
    text.push_str(&footer);
    text.push('\n');
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>\n<p>{}</p>\n",
        lang.tag(),
        escape(&subject),
        escape(&greeting)
    );
    for paragraph in &paragraphs {
        html.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    html.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p>\n<hr>\n<p><small>{}</small></p>\n</body></html>\n",
        escape(&link),
        escape(&link),
        escape(&footer)
    ));
    Rendered { subject, text, html }
}
