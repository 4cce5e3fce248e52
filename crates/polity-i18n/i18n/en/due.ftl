# What is due (`polity due`, body pages, calendars): each obligation as a sentence in English.
# Twins in ../zh/due.ftl. A period is said by `due-period` from its `amount` and `unit`.

due-period = { $amount } { $unit }
due-seat = { $seat }
due-term-ends = { $body }: the { due-seat } term of { $name } ends
due-nominations-open = { $body }: nominations open for { $seats } { due-seat } seat(s) ending { $end } ({ due-period } window; now held by { $holders })
due-voting-opens = { $body }: voting opens for { $seats } { due-seat } seat(s), closing by { $end } ({ due-period } window)
due-report = { $body }: report due to the board and the TOC (every { due-period })
due-report-warning = { $body }: { due-period } without a report; the TOC may consider retiring it
due-report-dissolve = { $body }: { due-period } without a report; it must be dissolved
due-charter-review = { $body }: the TOC reviews and approves its charter (last approved { $approved })
due-timetable = { $body }: the working group's timetable ends; it is dissolved unless extended
due-meeting = { $body }: meeting, chaired by { $chair }
due-meeting-vacant = { $body }: meeting, no chair in office: the seat is vacant
