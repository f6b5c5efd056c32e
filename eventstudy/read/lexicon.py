"""Word lists of market reports, compiled once: directions, kinds of move, periods, exclusions.

All patterns are alternations of literals with bounded gaps (``{0,3}``), matched on short
windows of a sentence: linear time, no nested open-ended quantifiers.
"""

from __future__ import annotations

import re

__all__ = [
    "SECTOR_WORDS",
    "SINCE_EVENT_NOUNS",
    "MONTH_ABBR",
    "UP",
    "DOWN",
    "FLAT",
    "DIRECTION",
    "POST_DIRECTION",
    "POST_DIRECTION_WORDS",
    "NEUTRALISE",
    "INTRADAY",
    "EXTREME",
    "CLOSE",
    "CLOSE_WEEK",
    "PRESENT",
    "PARTICIPLE",
    "PERIODS",
    "OTHER_ASSET",
    "OTHER_ASSET_WORDS",
    "STOPPER",
    "PCT_EXCLUDE_AFTER",
    "PCT_EXCLUDE_BEFORE",
    "NUM_EXCLUDE_AFTER",
    "RATE_POINTS",
    "TIME_AFTER",
    "FORECAST",
    "LEVEL_CUE",
    "REF_LEVEL_BEFORE",
    "REF_LEVEL_AFTER",
    "LIVE",
    "RESPECTIVELY",
    "BULLET_START",
    "MARKET_CONTEXT",
]

#: Patterns are matched on lower-cased text (the reader lowers each sentence once): no
#: IGNORECASE, which makes matching three times slower.
_I = 0

_UP_WORDS = (
    r"rose|rise|rises|rising|risen|gain|gains|gained|gaining|add|adds|added|adding|climb|climbs|climbed|"
    r"climbing|jump|jumps|jumped|jumping|advance|advances|advanced|advancing|rally|rallies|rallied|"
    r"rallying|surge|surges|surged|surging|soar|soars|soared|soaring|rocket|rockets|rocketed|rocketing|"
    r"leap|leaps|leapt|leaped|leaping|spike|spiked|spiking|hiked|hiking|up|higher|increase|increased|"
    r"increasing|rebound|rebounded|rebounding|bounced|bouncing|firmed|firmer|strengthened|improved|"
    r"recovered|recovering|lifted|boosted|"
    r"in\sthe\sgreen|in\spositive\sterritory|a\srise|a\sgain|an\sincrease|a\sjump|put\son|tacked\son|"
    r"picked\sup|edged\sup|ticked\sup|im\splus|nach\soben|stieg|legte\szu|gewann|zulegen|höher|fester|en\shausse|"
    r"progresse|progressé|gagné|gagne|bondi|bondit|grimpé|grimpe|plus\svon|ein\splus|kletterte|aufschlag|"
    # "le FTSE 100 s'est apprécié de 0,81%", "der MDax legte um 0,69 Prozent zu"
    r"apprécié|legte\sum|"
    r"άνοδο|κέρδη|υψηλότερα|ενισχύθηκε|ανέβηκε|subió|sube|avanzó"
)
_DOWN_WORDS = (
    r"fell|fall|falls|falling|fallen|drop|drops|dropped|dropping|decline|declines|declined|declining|"
    r"lost|lose|loses|losing|loss|losses|shed|sheds|shedding|slid|slide|slides|sliding|slipped|slipping|"
    r"slip|slips|sank|sink|sinks|sinking|sunk|tumble|tumbles|tumbled|tumbling|plunge|plunges|plunged|"
    r"plunging|plummet|plummets|plummeted|plummeting|slump|slumps|slumped|slumping|dive|dives|dived|"
    r"diving|dove|dip|dips|dipped|dipping|retreat|retreats|retreated|retreating|ease|eases|eased|easing|"
    r"down|lower|deficit|in\sthe\sred|in\snegative\sterritory|gave\sback|given\sback|giving\sback|give\sback|"
    r"gave\sup|giving\sup|given\sup|retraced|retrace|retracing|weakened|weaker|crashed|crash|skidded|"
    r"tanked|tanking|off|below|decrease|decreased|a\sdrop|a\sfall|a\sdecline|a\sloss|wiped|erased|"
    r"im\sminus|nach\sunten|verlor|verloren|gab\snach|fiel|sackte|tiefer|schwächer|en\sbaisse|recule|reculé|perdu|perd|"
    r"cédé|cède|chuté|chute|plongé|dégringolé|lâché|minus\svon|ein\sminus|büßte|einbüßte|rutschte|abschlag|"
    r"υποχώρησε|χαμηλότερα|πτώση|απώλειες|μειώθηκε|cayó|bajó|cae|retrocedió|shrank|contracted"
)
#: Finite past-tense verbs of a move (for "... and lost 4.6%": a second claim of one subject).
VERBS_PAST = (
    r"rose|gained|added|climbed|jumped|advanced|rallied|surged|soared|rocketed|leapt|leaped|rebounded|"
    r"fell|dropped|declined|lost|shed|slid|slipped|sank|tumbled|plunged|plummeted|slumped|dived|dipped|"
    r"retreated|eased|ended|closed|finished"
)
_FLAT_WORDS = r"flat|unchanged|little\schanged|steady|unverändert|inchangé|stable"

UP = re.compile(r"\b(?:" + _UP_WORDS + r")\b", _I)
DOWN = re.compile(r"\b(?:" + _DOWN_WORDS + r")\b", _I)
FLAT = re.compile(r"\b(?:" + _FLAT_WORDS + r")\b", _I)
#: Any direction word; the group name says which.
DIRECTION = re.compile(
    r"(?P<up>\b(?:"
    + _UP_WORDS
    + r")\b)|(?P<down>\b(?:"
    + _DOWN_WORDS
    + r")\b)|(?P<flat>\b(?:"
    + _FLAT_WORDS
    + r")\b)",
    _I,
)
_POST_UP = (
    r"higher|up|in\sthe\sgreen|im\splus|nach\soben|stronger|firmer|rise|gain|jump|increase|rally|advance|"
    r"climb|surge|rebound|recovery|bounce"
)
_POST_DOWN = (
    r"lower|down|in\sthe\sred|im\sminus|nach\sunten|weaker|below|off|drop|fall|decline|loss|slide|slump|"
    r"plunge|tumble|retreat|dip"
)
#: A direction word right after a number ("3.6 per cent lower", "0.1% down", "in the red").
POST_DIRECTION = re.compile(
    r"^[\s,]{0,2}(?:(?:or|and)\s)?(?:[\d.,]+\s?(?:points?|pts)\s)?"
    # "a 5.7% weekly slide", "a 2% one-day drop"
    r"(?:(?:weekly|monthly|quarterly|annual|yearly|daily|intraday|(?:one|two|three|single)-day)\s)?(?:(?P<up>"
    + _POST_UP
    + r")|(?P<down>"
    + _POST_DOWN
    + r"))\b",
    _I,
)
#: The direction words of :data:`POST_DIRECTION`: every match of it holds one (the reader
#: tests for them first, see ``extract._Cues.absent``).
POST_DIRECTION_WORDS = re.compile(_POST_UP + "|" + _POST_DOWN, _I)
#: Phrases whose direction word is not the direction of the move ("pared losses", "cut gains").
NEUTRALISE = re.compile(
    r"\b(?:cut|cuts|pared|pare|pares|trimmed|trim|trims|erased|erase|recovered|recover|reversed|"
    r"reverse|recouped|recoup|extended|extending|extend|snapped|halved|wiped\sout|shook\soff|clawed\sback)"
    r"\s(?:\w+\s){0,2}?(?:its\s|their\s|some\s|all\s|early\s|earlier\s)?(?:losses|gains|declines|falls|rally)\b",
    _I,
)

#: Close phrases that beat any intraday phrase in the same window ("by the end of the day ...
#: was trading at").
CLOSE_STRONG = re.compile(
    r"\bby\sthe\send\sof\s(?:the\s)?(?:day|trading|session)|\bat\sthe\s(?:close|final\sbell)\b|"
    r"\bend\sof\s(?:the\s)?(?:day|trading|session)|\bfor\sthe\s(?:day|session)\b|"
    r"\bconclude\sthe\ssession|\bfinal\s(?:numbers|figures|tally)|handelsschluss|à\sla\sclôture|"
    r"\bended\sthe\s(?:day|session)|\bclosed\s(?:the\s)?(?:day|session)",
    _I,
)
#: Phrases for the extreme of a session: they belong to the one number they introduce.
#: After a reversal's figure: no day of its own ("recovered from a fall of 2% on Monday to close
#: 1% higher on Tuesday" names Monday's close, not a low of Tuesday's session).
_NOT_ANOTHER_DAY = r"(?![^,;]{0,40}?\b(?:on|last)\s(?:mon|tues|wednes|thurs|fri)day\b)"
EXTREME = re.compile(
    r"\bat\sone\s(?:point|stage)|\bas\smuch\sas\b|\bintra-?day\s(?:high|low|peak|trough)"
    # "at its high", "at its best" (not "closed at its highest level in two years", a ranking
    # of the close, nor "at its best level since ...")
    r"|\bat\sits\s(?:high|low|peak|worst|best)\b(?!\s(?:level|close|closing|finish|since|in|for)\b)"
    # French and German: "jusqu'à 5,6 % en séance", "im Tagesverlauf um bis zu 5,6 Prozent"
    r"|\bjusqu['’]à\s(?=[+\-−]?\d)|\bbis\szu\s(?=[+\-−]?\d)"
    # "nachdem er zeitweise um 2,5 Prozent gestiegen war"
    r"|\b(?:zeitweise|zwischenzeitlich)\s(?:[a-zäöü]+\s){0,3}(?=[+\-−]?\d)"
    r"|\bat\s(?:its|their|the)\s(?:session|intra-?session)\s(?:high|low|peak|trough)s?\b"
    r"|\bat\s(?:its|their|the)\s(?:low|high|lowest|highest)\spoint\b"
    r"|\b(?:session|intra-?session)\s(?:high|low|peak|trough)\sof\b"
    r"|\b(?:hit|hitting|touched|touching|reached|reaching)\s(?:a|an|its|their|the)\s(?:[\w-]+\s){0,2}"
    r"(?:high|low|peak|trough)\sof\b|\b(?:after\s)?(?:touching|hitting|(?:had\s)?touched)\s(?=\d)"
    r"|\bas\s(?:high|low)\sas\b"
    r"|\bhaving\sbeen\s(?:up|down|higher|lower)\s(?:by\s)?(?:more\sthan\s|nearly\s|almost\s|over\s)?(?=\d)"
    # a reversal: the session's extreme before the close ("recovered from a deficit of 1,115
    # points", "swung from a loss of", "pared a 4.9% drop")
    r"|\b(?:recover(?:ed|ing)|rebound(?:ed|ing)|bounc(?:ed|ing)\sback|c[ao]me\sback|coming\sback|"
    r"claw(?:ed|ing)\sback|swung|swinging|turn(?:ed|ing)\saround)\sfrom\s(?:a|an|its|their|the)\s"
    r"(?:[\w-]+\s){0,2}(?:deficit|loss|drop|fall|slide|decline|plunge|slump|gain|rally|rise|advance)\sof\s"
    r"(?:more\sthan\s|nearly\s|almost\s|about\s)?(?=[+\-−]?\d)" + _NOT_ANOTHER_DAY + r""
    # (not "recouping its 433-point drop the previous session": an earlier session's)
    r"|\bpar(?:ed|ing)\s(?:a|an|its|their|the)\s(?:[\w-]+\s)?(?=[+\-−]?\d)" + _NOT_ANOTHER_DAY + r""
    # "ended 0.6% higher after falling 4.9% earlier in the day": the same session's extreme
    r"|\bafter\s(?:falling|dropping|sliding|losing|shedding|tumbling|sinking|plunging|rising|gaining|"
    r"climbing|jumping|surging|rallying)\s(?:as\smuch\sas\s|by\s)?(?=[+\-−]?\d[\d.,]*\s?(?:%|per\s?cent|"
    r"percent|points?)\searlier\sin\sthe\s(?:day|session)\b)"
    # after the number: "had been down 1,115 points at the low"
    r"|\bat\s(?:the|its|their)\s(?:lows|highs|low|high|worst|best)\b(?!\s(?:level|close|closing|finish|since|in|for)\b)"
)
#: Time-of-day phrases that set the scene for the next sentence ("by noon", "in early trading").
TIME_OF_DAY = re.compile(
    r"\bby\s(?:noon|midday|lunchtime|mid-?morning|mid-?afternoon|\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|"
    r"p\.m\.))|\bin\s(?:early|morning|afternoon|lunchtime|midday)\s(?:trade|trading|deals|dealings)|"
    r"\bafter\sthe\sopen(?:ing)?(?:\sbell)?\b|\bat\sthe\sopen(?:ing\sbell)?\b|"
    r"\b(?:at|by)\sthe\s(?:lunch(?:time)?|midday)\s(?:break|recess)\b|\bmorning\strading\b|"
    r"\b(?:at|by|as\sof)\s\d{1,2}[:.]\d\d\s?(?:gmt|bst|cet|cest|et|edt|est|jst|hkt|sgt|am|pm|a\.m\.|p\.m\.)",
    _I,
)
#: A heading that sets the period of the lines after it ("For the year:").
PERIOD_HEADING = re.compile(
    r"^\W{0,3}(?:for\sthe\s(?:year|week|month|quarter)|year\sto\sdate|so\sfar\sthis\syear)\s?:", _I
)
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
#: The month names, as a regex alternation.
MONTH_NAMES = _MONTHS
#: A past year that places a sentence in history ("In late June 2008, ...").
HISTORY = re.compile(
    r"(?<!since\s)\b(?:in|during|back\sin|by)\s(?:(?:early|late|mid)[\s-])?(?:(?:" + _MONTHS + r")\s)?"
    r"((?:19|20)\d\d)\b",
    _I,
)
#: "all three indices", "both indexes", "die Indizes aller drei Börsen".
PLURAL_REF = re.compile(
    r"\b(?:(?:all|the|alle|die|les|los)\s)?(?:(?P<n>two|three|four|five|zwei|drei|vier|fünf|deux|trois|both|"
    r"beide|beiden)\s)?(?:(?:main|major|big|key|leading|benchmark|[\w-]+)\s)?(?:indices|indexes|indexe|"
    r"börsen-indexe|benchmarks|averages|gauges|leitindizes|indizes)\b(?P<tail>(?:\W{1,3}\w+){0,6})",
    _I,
)
PLURAL_N = re.compile(r"\b(two|three|four|five|zwei|drei|vier|fünf|deux|trois|both|beide|beiden)\b", _I)

INTRADAY = re.compile(
    r"shortly\safter\s(?:\w+\s){0,3}clos|after\s(?:the\s)?(?:markets?|london|europe|european\smarkets)"
    r"\s(?:had\s)?closed|as\slondon\sclosed|at\sthe\slondon\sclose|"
    r"in\searly\s(?:trade|trading|deals|dealings|exchanges|business|afternoon|morning)|"
    r"early\s(?:trade|trading|deals|dealings|exchanges)|at\sthe\sopen(?:ing)?|opening\sbell|\bopen(?:ed|s)\b|"
    # (not the noun: "hopes of a diplomatic opening", "an opening for talks")
    r"(?<!\ba\s)(?<!\ban\s)(?<!diplomatic\s)(?<!political\s)(?<!negotiating\s)(?<!store\s)(?<!job\s)"
    r"\bopening\b(?!\s(?:for|to)\b)|\b(?:at|by|as\sof)\s\d{3,4}\s?(?:gmt|bst|et|est|edt|utc|cet|jst|hkt|ist)|\bat\s\d{1,2}[:.]\d\d\b|"
    r"\b(?:as\sof|by)\s\d{1,2}[:.]\d\d\b|\b(?:at|as\sof|by)\s\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|am\b)|"
    r"\bby\s(?:noon|midday|lunchtime|mid-?morning|mid-?afternoon|\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|"
    r"p\.m\.))|\bin\s(?:morning|afternoon|lunchtime|midday|mid-?day|late)\s(?:trade|trading|deals|dealings|"
    r"session)|\bthis\smorning|\bmorning\strad|\bmidday\b|\blunchtime\b|\b(?:was|is|were|are)\s(?:currently"
    r"\s)?trading\b|\bcurrently\b|\bso\sfar\stoday|\bon\strack\b|\bon\space\b|\b(?:were|was)\s(?:\w+ing)\b|"
    r"\bafter\sthe\sopen(?:ing)?(?:\sbell)?\b|\b(?:by|at)\sthe\s(?:lunch(?:time)?|midday)\s(?:break|recess)\b|"
    r"\bhandelsbeginn|\bfrühen\shandel|\bà\sl'ouverture|\ben\sdébut\sde\séance|\bmid-?session|"
    r"\b(?:started|starts|began|begins)\s(?:the\s)?(?:session|day|trading)\b|"
    r"\b(?:morning|afternoon)\ssession\b|\b(?:in|by)\s(?:the\s)?(?:late\s|early\s)?(?:morning|afternoon)\b|\bat\s(?:its|their|the)\s(?:low|high|lowest|highest)\spoint\b|"
    r"\bat\s(?:one|two|three|four|ten|eleven|twelve|noon|[1-4]|1[0-2])\so['’]clock\b",
    _I,
)
CLOSE = re.compile(
    r"\bclos(?:ed|ing|es)\b|\bclose\b(?!\s(?:to|of)\b)|\bend(?:ed|ing|s)\b|\bto\send\b|\bfinish(?:ed|ing|es)?\b|\bsettl(?:ed|ing)\b|"
    r"\bat\sthe\s(?:close|bell|final\sbell)|\bby\sthe\send\sof\s(?:the\s)?(?:day|trading|session)|"
    r"\bend\sof\s(?:the\s)?(?:day|trading|session)|\bfor\sthe\s(?:day|session)\b|\bon\sthe\sday\b|"
    r"\bconclude\sthe\ssession|\bfinal\s(?:numbers|figures|tally)|handelsschluss|\bschloss\b|\bschluss\b|"
    r"à\sla\sclôture|\bclôtur|έκλεισ|κλείσιμο|\bone-day\b|\bdaily\b|\bday's\b",
    _I,
)
#: "closing the week at": a daily move with Friday's close, not a weekly move.
CLOSE_WEEK = re.compile(r"\b(?:clos|end|finish)\w*\sthe\sweek\s(?:at|on)\b", _I)
PRESENT = re.compile(
    r"\b(?:is|are)\s(?:now\s|currently\s|still\s)?(?:up|down|higher|lower|flat|unchanged|off|trading|"
    r"little\schanged|[\d.,]+\s?(?:%|per|pc|points))|\bhas\s(?:\w+\s)?(?:edged|lost|gained|risen|fallen|"
    r"dropped|slipped|added|climbed|shed|jumped|tumbled|rallied|slumped|sunk|sank|plunged|soared|surged|"
    r"dipped|eased|firmed|moved|advanced|declined|slid|given|ticked|crashed|collapsed|rebounded|recovered|"
    r"retreated|tanked|dived|rocketed)\b",
    _I,
)
PARTICIPLE = re.compile(
    # (not a past tense before "up"/"down": "gave up 634 points", "ended down 2%")
    r"^\W{0,3}(?:index\s)?(?:(?!(?:gave|went|\w+ed)\s)\w+\s)?(?:rising|falling|dropping|gaining|climbing|sliding|slipping|trading|"
    r"adding|losing|shedding|jumping|edging|sinking|tumbling|surging|soaring|easing|dipping|"
    r"down|up)\b",
    _I,
)
#: Verbs that end a period ("capping a volatile week with a gain of 0.1%").
_CAPPING = r"(?:capp(?:ed|ing)|round(?:ed|ing)\soff|wrapp(?:ed|ing)\sup|end(?:ed|ing)|finish(?:ed|ing)|clos(?:ed|ing)\sout)"
#: Words that make "... stocks" one part of the market ("Travel stocks", "Bank shares",
#: "Miners"), not the market or its index.
SECTOR_WORDS = frozenset(
    "travel tech technology bank banking mining miners energy oil retail retailer retailers property utility "
    "utilities health healthcare chip chipmaker semiconductor airline airlines auto car insurance insurer "
    "pharma pharmaceutical consumer industrial defence defense luxury media telecom telecoms growth value "
    "meme bond crypto gold commodity resource resources financial financials housebuilder housebuilders "
    "homebuilder shipping transport leisure food beverage tobacco steel chemical construction software "
    "internet cannabis ev".split()
)
#: News that a multi-day move is counted from ("since the Fed's decision", "since the vote on
#: Friday"): one list for the period phrase (:data:`PERIODS`) and for the reader's rule that the
#: day after it starts the period.
SINCE_EVENT_NOUNS = (
    r"decision|announcement|vote|speech|statement|meeting|results?|invasion|budget|shock|outbreak|"
    r"attack|verdict|ruling|deal"
)
#: A day of the month as printed after "since": "February 24", "Feb. 24th", "24 February",
#: "the 3rd of January", "Thursday, February 24" (not "March 2020": a month names no close).
#: The month names and their abbreviations ("Feb", "Sept"), as a regex group (lower case).
MONTH_ABBR = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_A_DAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday),?\s)?(?:" + MONTH_ABBR + r"\.?\s\d{1,2}(?:st|nd|rd|th)?"
    r"(?![\d.,]\d)(?!\s?%)|(?:the\s)?\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?" + MONTH_ABBR + r"\b)"
)
#: Words right before "since" that make it a comparison, not the start of the move: "its lowest
#: close since 24 February", "the biggest fall since Monday", "for the first time since ...".
_NOT_A_BASE = "".join(
    r"(?<!" + w + r"\s)"
    for w in (
        "lowest highest biggest largest worst best steepest sharpest strongest weakest deepest "
        "smallest longest level levels close closes finish mark time gain gains fall falls drop "
        "decline rise rally slump loss losses run streak day week month session reading"
    ).split()
)
#: Periods of a move; the group name is the period.
PERIODS = re.compile(
    r"(?P<opentoclose>\bfrom\s(?:the\s)?open(?:ing)?\s(?:bell\s)?to\s(?:the\s)?close|\bopen[\s-]to[\s-]close"
    r"|\bfrom\sthe\sopen(?:ing)?\b)"
    r"|(?P<week>\bfor\sthe\sweek\b|\bon\sthe\sweek\b|\bover\sthe\sweek\b|\bweekly\b|\bthis\sweek\b|"
    r"\bweek-on-week\b|\bthe\sweek\sas\sa\swhole\b|\b(?:negative|positive|losing|winning|worst|best)\sweek|(?<!last\s)(?<!previous\s)\bweek's\b|\bin\sthe\sweek\b|"
    r"\b(?:over|for|in|on)\sthe\s(?:[a-z]+-[a-z]+(?:-[a-z]+)?|shortened|truncated|short)\sweek\b|"
    r"\b(?:ended|ending|finished|finishing|closed|closing)\s(?:out\s)?the\sweek\b(?!\s(?:at|on)\b)|"
    r"\b"
    + _CAPPING
    + r"\s(?:a|an|its|the)\s(?:[\w-]+\s){0,2}week\b|\blast\sweek\b(?!['’])|\bwoche\b|\bwochensicht\b|\bεβδομάδα|\bla\ssemaine|\bweek\sto\sdate\b|\bfive\ssessions\b|\b(?:over|in|across|during|ending|ended|finishing|finished|closing|closed)\sthe\sfive\s(?:trading\s)?(?:days|sessions)\b|\bweeks?\sin\sa\srow\b|\b(?:straight|consecutive)\sweeks?\b)"
    r"|(?P<month>\bfor\sthe\smonth\b|\bthe\smonth\sas\sa\swhole\b|\bthis\smonth\b|(?<!\bthe\s)(?<!since\s)\blast\smonth\b(?!['’])(?!\sof\b)|\bon\sthe\smonth\b|\bmonth-to-date\b|\bmonthly\b|"
    r"\bover\sthe\smonth\b|\bin\sthe\smonth\b|\b(?:ends|ended|ending|finishes|finished|finishing|closes|closed|closing)\s(?:out\s)?(?:(?:the|its)\s)?month\b|"
    # "closed out January with a loss of 9%", "ended its January down 5%" (not "closed out
    # October on Friday", the day's move)
    r"\b(?:ended|ending|finished|finishing|closed|closing)\s(?:out\s|its\s|out\sits\s)(?:"
    + _MONTHS
    + r")\b(?=\s(?:with|up|down|higher|lower|flat|[+\-−]?\d))|"
    r"\b(?:in|for|over|during|across|through|ended|ending|ends|finished|finishing|finishes|closed|closing|closes)\s(?:the\smonth\sof\s)?(?:"
    + _MONTHS
    + r")\b(?!\s(?:\d{1,2}(?:st|nd|rd|th)?\b(?![.,]\d)|\d{3}))|\b(?:had|has|have|posted|suffered|endured|enjoyed|booked)\s(?:a|an|its)\s(?:[\w-]+\s){0,2}"
    r"(?:" + _MONTHS + r"|month)\b|\b" + _CAPPING + r"\s(?:a|an|its|the)\s(?:[\w-]+\s){0,2}month\b"
    # "taking its April gain to 0.4%", "its March loss of 13%": the figure that follows (not
    # "Shell rose 2%, extending its April gains, and the FTSE 100 added 0.5%": Shell's, no figure)
    r"|\bits\s(?:" + _MONTHS + r")\s(?:gain|loss|advance|decline|rise|fall|drop|slide|rally|slump|"
    r"tally|rebound|retreat)s?(?=\s(?:to|of|at)\s(?:about\s|nearly\s|almost\s|more\sthan\s)?[+\-−]?\d)"
    r"|\bim\s(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b"
    r"|\ben\s(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)"
    r"|(?P<quarter>\b"
    + _CAPPING
    + r"\s(?:a|an|its|the)\s(?:[\w-]+\s){0,2}quarter\b|\bfor\sthe\squarter\b|(?<!\bthe\s)(?<!since\s)\blast\squarter\b(?!['’])(?!\sof\b)|\b(?:ends|ended|ending|finishes|finished|finishing|closes|closed|closing)\s(?:out\s)?(?:(?:the|its)\s)?quarter\b|\b(?:for|over|during)\sthe\s(?:first|second|third|fourth|last)\squarter\b|\bthis\squarter\b|\bquarterly\b|\bin\sthe\s(?:first|second|third|"
    r"fourth|last)\squarter\b|\bon\sthe\squarter\b|\bover\sthe\squarter\b|\bin\sthe\squarter\b|"
    r"\b(?:over|in|during)\sthe\s(?:three|3)\smonths\b|\b(?:ended|finished|closed)\s(?:out\s)?the\s(?:three|3)\smonths\b|"
    r"\bthe\s(?:first|second|third|fourth)\squarter\s(?:brought|saw|delivered)\b|"
    r"\bthe\s(?:(?:first|second|third|fourth|last)\s)?quarter\sas\sa\swhole\b|\bquartal|\bersten\sdrei\smonate\b|"
    r"\btrimestre\b)"
    r"|(?P<ytd>\byear-to-date\b|\bover\s(?:the\scourse\sof\s)?(?:19|20)\d\d\b(?![\d,.])|"
    r"\b(?:ended|finished|closed)\s(?:out\s)?the\syear\b|\binto\sthe\s(?:new\s)?year\b|\bover\sthe\syear\b|"
    r"\b(?:the|its)\s(?:first\s)?six\smonths\b|\byear\sto\sdate\b|\bytd\b|\bso\sfar\sthis\syear\b|\b(?:since|from|than\sat|than\sit\swas\sat)\sthe\s(?:start|"
    r"beginning)\sof\s(?:the|this)\syear\b|\bfor\sthe\syear\b|\bthis\syear\b|\b(?:(?:over|in|for|during)\sthe\s)?first\shalf\b|\bfirst\ssix\s"
    r"months\b|\b(?:in|over|for)\sthe\shalf\b(?![\s-]hour)|\b(?:ends|ended|ending|finishes|finished|finishing|closes|closed|closing)\s(?:out\s)?(?:the|its)\shalf(?:-year)?(?![\w-])|\bjan(?:uary)?[-–]june?\b|\bsince\sthe\send\sof\s(?:last\syear|december|20\d\d)\b|\bfirst\ssix\s"
    r"months\b|\bin\s20\d\d\sso\sfar\b|\bseit\sjahres(?:beginn|anfang)|\bdepuis\sle\sdébut\sde\sl'année|"
    # "has lost 14% since New Year", "had fallen 27% from its last close of 2021"
    r"\bsince\snew\syear(?:['’]s)?\b|\bfrom\s(?:its|their|the)\s(?:last\s|final\s)?(?:close|closing\slevel)\s"
    r"of\s(?:last\syear|20\d\d)\b)"
    r"|(?P<year>\bover\sthe\s(?:past\s|last\s)?(?:12|twelve)\smonths\b|\bover\sthe\s(?:past|last)\syear\b|\byear-on-year\b|\bin\sthe\spast\syear\b|"
    r"\bcompared\swith\sa\syear\sago)"
    r"|(?P<record>\bfrom\s(?!a\srecord\sclose\b)(?:its|their|the|a|an)\s(?:[\w.-]+\s){0,3}(?:high|peak|record|top)s?\b|"
    r"\bbelow\s(?:its|their|the|an?)\s(?:[\w.-]+\s){0,3}(?:high|peak|record|top)s?\b|\boff\s(?:its|their|"
    r"the)\s(?:[\w-]+\s){0,3}(?:high|peak|record)s?\b|\b(?:bear[\s-]market|correction)\sterritory|"
    # "down 12% since its January 3 record"
     + _NOT_A_BASE + r"\bsince\s(?:its|their|the)\s(?:[\w.-]+\s){0,3}(?:high|peak|record)s?\b|"
    r"\bfrom\s(?:its|the)\s(?:[\w-]+\s){0,3}low)"
    # the period of the move before ("while the Dow was down 15% over the same period")
    r"|(?P<same>\b(?:over|in|for|during)\s(?:the\s)?same\s(?:\w+\s)?(?:period|stretch|span|time|sessions|days|"
    r"weeks|months)\b)"
    r"|(?P<multiday>"
    # (not "its steepest fall since the invasion": a comparison)
    + _NOT_A_BASE
    + r"\bsince\s(?:the\s)?(?:invasion|war\sbegan|crash|election|referendum)\b|"
    # "has lost 8% since 24 February", "up 3% since the close on March 7", "from the March 7
    # close" (not "its lowest close since 24 February": a comparison)
    + _NOT_A_BASE
    + r"\bsince\s(?:the\s(?:close\s(?:on|of)\s)?)?"
    + _A_DAY
    # "since the close on Monday"
    + r"|\bsince\s(?:the|its)\s(?:close|closing\slevel)\s(?:on|of)\s(?:last\s)?"
    r"(?:monday|tuesday|wednesday|thursday|friday)\b"
    + r"|\b(?:since|from)\s(?:its|their|the)\s"
    + _A_DAY
    + r"\s(?:close|closing\s(?:level|price)|level|finish)\b|"
    # "since the Fed's decision on Wednesday", "since the central bank's announcement"
    + _NOT_A_BASE
    + r"\bsince\s(?:the|its|their|his|her|my|our|your)\s(?:[\w'’-]+\s){0,3}?(?:"
    + SINCE_EVENT_NOUNS
    + r")\b|"
    # "since Russian troops crossed into Ukraine on 24 February": an event on a named day
    + _NOT_A_BASE
    + r"\bsince\s(?:[\w'’-]+\s){1,6}?on\s"
    + _A_DAY
    + r"|"
    # "in the two days after the invasion", "over the three sessions since the vote"
    r"\b(?:over|in|during|across)\sthe\s(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s"
    r"(?:trading\s)?(?:days|sessions|weeks)\s(?:after|since|following|before)\b|"
    # "had lost 6% in a single week": some week, not one the text names
    r"\bin\sa\s(?:single|one)\sweek\b|"
    # "fell 16.4% between April and June": a span of months
    r"\bbetween\s(?:" + _MONTHS + r")\sand\s(?:" + _MONTHS + r")\b(?!\s\d)|"
    # "is up 3.4% since then", "has fallen 5% since": from a day named before
    r"(?<!\bhighest\s)(?<!\blowest\s)(?<!\bbest\s)(?<!\bworst\s)\bsince\s(?:then|that\sday)\b|"
    + _NOT_A_BASE
    + r"\bsince\s[A-Z\w'’]+(?:\s[\w'’]+){0,6}?\s(?:invaded|said|announced|began|started|took\soffice|"
    r"took\s(?:the\s)?oath|was\s(?:sworn\sin|elected|inaugurated)|came\sto\spower)\b|"
    # "had climbed 5.2% from its close on March 7": a base some sessions back, named by its date
    r"\bfrom\s(?:its|their|the)\s(?:close|closing\slevel)\son\s(?!(?:monday|tuesday|wednesday|thursday|friday)\b)|\bover\sthe\s(?:last|past)\s(?:\w+\s){0,2}(?:days|sessions|weeks|months)\b|"
    # "over the last month": the past 30 days or so; "since last month"
    r"\b(?:over|in)\sthe\s(?:last|past)\smonth\b|\bsince\slast\s(?:week|month|quarter)\b|"
    r"\b(?:over|in)\s(?:two|three|four|six|seven|eight|nine|ten|\d{1,2})\s(?:trading\s)?(?:days|sessions)\b|\bin\sthe\s"
    r"(?:last|past)\s(?:\w+\s){0,2}(?:days|sessions|weeks|months)\b|\b(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|\d{1,2})-(?:day|session|week)\b(?!\s(?:high|low)|(?:\s[\w-]+){0,2}\s(?:weekend|break|holiday|closure))|\bthan\s(?:last\sweek|a\sweek\sago|"
    r"the\sprevious\sweek)|\b(?:below|above)\swhere\sit\s(?:was|stood)|"
    + _NOT_A_BASE
    + r"\bsince\s(?:last\s)?(?:monday|tuesday|wednesday|thursday|friday)\b)",
    _I,
)

#: Nouns of other assets: a number after one of these is not an index move.
#: Commodities, currencies and macro figures, as printed in lower case, capitalised ("Brent")
#: or in capitals ("WTI", "CPI"): an explicit list keeps the pattern case-sensitive and fast.
_ASSET_NAMES = (
    "oil crude brent wti gas gold silver copper bitcoin ether pound sterling dollar euro yen yuan "
    "rouble ruble franc gilt gilts treasury treasuries yield yields bond bonds bund bunds jgb jgbs "
    "inflation cpi gdp"
).split()
_ASSET_WORDS = "|".join(f"{w}|{w.capitalize()}|{w.upper()}" for w in _ASSET_NAMES).replace(
    # the euro, not the euro zone ("the Euro Stoxx 50 index of blue chips from the euro zone")
    "euro|Euro|EURO",
    r"(?:euro|Euro|EURO)(?![\s-](?:zone|area)\b)",
)
OTHER_ASSET = re.compile(
    r"\b(?:" + _ASSET_WORDS + r"|rates?|wages?|"
    r"unemployment|shares\sin|shares\sof|stock\sof|stake|dividend|profits?|revenue|sales|"
    r"[A-Z][\w&]+(?:'s|’s)?\sshares|[A-Z][\w&]+\s(?:stock|plc|inc|group)|breadth|volume|vix|volatility|"
    r"futures|contracts|e-minis?|E-minis?|sector|banks|miners|housebuilders|retailers|market\svalue|capitalisation|"
    r"capitalization|"
    # "sent the group's shares down 9%" (a lookbehind: the guard stays on "s")
    r"shares(?<=['’]s\sshares)|"
    r"average\sgain|on\saverage|historically|mortgage|house\sprices|consumer\sprices|"
    r"(?:consumer|producer)\sprice\sindex|sectors|"
    r"consumer\s(?:staples|discretionary)|utilities|financials|as\sa\sgroup|"
    r"[Ee]conomy\s(?:\w+\s)?(?:shrank|grew|contracted|expanded|shrinks|grows|contracts|expands))\b",
)
#: Lower-case words one of which every match of :data:`OTHER_ASSET`, lowered, holds (an asset
#: name, or a word of each other alternative): the reader tests for them first, in the lowered
#: sentence (see ``extract._Cues.absent``). Keep in step with OTHER_ASSET.
OTHER_ASSET_WORDS = re.compile(
    "|".join(_ASSET_NAMES) + r"|rate|wage|unemployment|shares|stock|stake|dividend|profit|revenue|sales|"
    r"plc|inc|group|breadth|volume|vix|volatility|futures|contracts|e-mini|sector|banks|miners|housebuilders|"
    r"retailers|"
    r"market|capitalisation|capitalization|average|historically|mortgage|house|economy|consumer|"
    r"utilities|financials|producer"
)
#: A sector index ("the travel and leisure index"): not the headline index named before it.
SECTOR_INDEX = re.compile(
    r"\b(?:travel|leisure|banking|mining|energy|technology|tech|retail|property|utilities|healthcare|"
    r"insurance|airline|industrials?|telecoms?|media|chemicals?|construction|consumer|financials?|"
    r"real\sestate)\s(?:and\s[a-z]+\s)?(?:index|sub-index)\b"
)
#: "by the time London closed": for a market still trading then (New York), a snapshot.
BY_THE_TIME_CLOSED = re.compile(
    r"\bby\sthe\stime\s(?:[\w'’]+\s){1,3}(?:closed|shut|finished)\b"
    # "lag zum europäischen Handelsschluss 3 Prozent im Minus": at Europe's close
    r"|\bzum\s(?:europäischen|londoner|frankfurter)\s(?:handels|börsen)?schluss\b"
)
#: The subject of a sentence about futures or an expected open: a forecast, not a move.
FUTURES_LEAD = re.compile(
    r"\bfutures\b|\bspread[\s-]?betters\b|\b(?:expected|set|poised|tipped|called|seen)\sto\s(?:open|start)\b"
)
#: Clause words after which the subject may have changed.
STOPPER = re.compile(
    r"\b(?:while|whereas|but|although|though|meanwhile|however|against|elsewhere|among)\b|;|\s[–—]\s|,\syet\b",
    _I,
)
PCT_EXCLUDE_AFTER = re.compile(
    r"^\s?(?:[a-z]+-[a-z]+\s)?(?:of\b|stake|chance|probability|likelihood|majority|owned|tariff|tax|interest|rate|yield|"
    r"inflation|growth|unemployment|gdp|target|annual|year-on-year|y/y|a\syear|on\saverage|average|"
    r"of\sthe|discount|premium|margin|weighting|share\sof|return\son|dividend|coupon|mortgage|rise\sin\s"
    r"(?:interest\s)?rates|hike|cut|increase\sin\s(?:interest\s)?rates|"
    r"(?:[\w-]+\s)?(?:that|which)\s(?:defines?|marks?|signals?|confirms?)\b|threshold|"
    # "like calling a 10% decline a correction", "a 20% fall is a bear market": a definition
    r"(?:decline|fall|drop|slide|rise|gain)s?\s(?:(?:is|as|marks|means)\s)?(?:a|an)\s"
    r"(?:correction|bear\smarket|bull\smarket|crash)\b|"
    # "after a 6% swing", "an intraday range of 4%": the day's span, not its move
    r"(?:intraday\s|intra-day\s)?(?:swing|swings|range)\b)",
    _I,
)
PCT_EXCLUDE_BEFORE = re.compile(
    r"(?:rates?|yield|inflation|growth|gdp|target|forecast|tariffs?|tax|stake|unemployment|margin|"
    r"dividend|cpi|wages?|annuali[sz]ed|annual\srate|prices?\srose|prices|probability|chance|odds|poll|survey|respondents|"
    r"on\saverage|average|historically|expected|expects|forecasts?|predicts?|could|would|might|"
    r"downside|upside|correction\sof|bear\smarket\sof|defin(?:ed|es)\sas|threshold\sof)\b[^.%]{0,25}$",
    _I,
)
NUM_EXCLUDE_AFTER = re.compile(
    # "a 52-week high", "a 10-year low": a span, not a value
    r"^(?:-(?:week|day|month|year|session)s?\b)|"
    r"^\s?(?:trillion|billion|million|bn\b|mn\b|tn\b|m\b|k\b|cents?|pence|p\b|dollars?|euros?|yen|"
    r"pounds?|a\sbarrel|per\sbarrel|barrels|a\stherm|an\sounce|per\sounce|ounces|tonnes|years?\b|months?\b|"
    r"weeks?\b|days?\b|hours?\b|minutes?\b|stocks\b|companies|firms|shares\b|times\b|x\b|people|jobs|"
    r"workers|employees|against\sthe|versus|per\sdollar|a\sdollar|to\sthe\sdollar|"
    # "the 101st to 350th largest", "of 225 issues", "its 40 members": ranks and counts
    r"(?:st|nd|rd|th)\b|issues\b|members\b|constituents\b|components\b|names\b)",
    _I,
)
#: "a 75-point hike in interest rates": basis points, not index points.
RATE_POINTS = re.compile(r"^\W{0,3}\w*\s?(?:rate\s)?(?:hike|cut|increase|rise|move|raise|reduction)\b", _I)
TIME_AFTER = re.compile(
    r"^\s?(?:GMT|BST|ET|EST|EDT|UTC|CET|CEST|IST|JST|HKT|SGT|am\b|pm\b|a\.m\.|p\.m\.|hrs\b|h\b|ist\b|uhr\b)",
)
FORECAST = re.compile(
    r"\b(?:could|would|might|will|expects?|expected\sto|forecasts?|forecasting|predicts?|targets?|downside|upside|"
    r"scenario|projects?|projected|sees|set\sto|poised\sto|on\scourse\sto|futures|indicated|"
    r"called|seen\sopening)\b",
    _I,
)
#: Words before a number of points that make it a level ("to 7,384 points", not "a drop of 250 points").
LEVEL_CUE_POINTS = re.compile(
    r"(?:\bto|\bat|\bnear|στις|στα|\bbei|\bauf|\bà|\bsur)\s(?:(?:just\s|a\s)?(?:above|below|under|over|"
    r"around|about|nearly|almost|some|roughly)\s)?(?:a\s)?$",
    _I,
)
#: Words before a plain number that make it an index level ("to 7,312.08", "at 20,904.66").
LEVEL_CUE = re.compile(
    r"(?:\btouched\s|\btouching\s|\bas\s(?:high|low)\sas\s)$|"
    r"(?:\bto|\bat|\bof|\bnear|στις|στα|\bbei|\bauf|\bà|\bsur|\ba|\bin)\s(?:(?:just\s|a\s)?(?:above|below|under|"
    r"over|around|about|nearly|almost|some|roughly|more\sthan|less\sthan)\s)?(?:a\s)?(?:(?:new\s)?(?:[\w-]+"
    r"\s){0,2}(?:high|low|level|close)\sof\s|(?:new\s|fresh\s|(?:yet\s)?another\s)?record,?\s(?:high,?\s|close,?\s)?)?$",
    _I,
)
REF_LEVEL_BEFORE = re.compile(
    r"\bfrom\s(?:its|their|the|a|an)\s(?:[\w-]+\s){0,3}(?:high|low|peak|record|top)\sof\s$"
    r"|\b(?:record|closing|intraday|all-time|\d{4})\s(?:[\w-]+\s)?(?:high|low|peak)\sof\s$",
    _I,
)
REF_LEVEL_AFTER = re.compile(r"^\s?(?:hit|set|reached|recorded|touched|seen|struck)\b", _I)
LIVE = re.compile(
    r"\b(?:this\smorning|this\safternoon|so\sfar\stoday|currently|live\supdates|as\sit\shappened|"
    r"in\searly\strad\w*|at\sthe\sopen)\b",
    _I,
)
RESPECTIVELY = re.compile(r"\brespectively\b|\bjeweils\b|\bαντίστοιχα\b|\brespectivement\b", _I)
BULLET_START = re.compile(
    r"^\W{0,4}(?:(?:up|down|off|higher|lower|year-to-date|ytd|so\sfar\sthis\syear|for\sthe\s(?:week|month|"
    r"year|quarter))\b|(?:it|the\sindex)\s)",
    _I,
)
MARKET_CONTEXT = re.compile(
    r"\b(?:stocks?|shares|index|indices|indexes|markets?|bourse|equities|trading|session|close[sd]?|"
    r"wall\sstreet|ftse|dow|nasdaq|s&p|nikkei|dax|cac|hang\sseng)\b",
    _I,
)

# The word-list patterns scanned over whole sentences get a guard for the first characters
# their matches begin with: the same matches, found several times faster (see :mod:`.fastre`).
from .fastre import prefix_guard as _guard  # noqa: E402

for _name in (
    "UP",
    "DOWN",
    "FLAT",
    "DIRECTION",
    "NEUTRALISE",
    "CLOSE_STRONG",
    "EXTREME",
    "TIME_OF_DAY",
    "HISTORY",
    "PLURAL_REF",
    "PLURAL_N",
    "INTRADAY",
    "CLOSE",
    "CLOSE_WEEK",
    "PRESENT",
    "PERIODS",
    "OTHER_ASSET",
    "STOPPER",
    "FORECAST",
    "LIVE",
    "RESPECTIVELY",
    "MARKET_CONTEXT",
    "PCT_EXCLUDE_BEFORE",
    "LEVEL_CUE",
    "LEVEL_CUE_POINTS",
    "REF_LEVEL_BEFORE",
    "BY_THE_TIME_CLOSED",
    "SECTOR_INDEX",
    "FUTURES_LEAD",
):
    globals()[_name] = _guard(globals()[_name])
del _name
