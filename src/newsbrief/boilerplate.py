"""Boilerplate patterns, kept as data (as trafilatura's ``xpaths.py``): add a pattern, not code.

Every pattern is matched against one whitespace-normalised line of already-extracted text,
case-insensitively. A rule's name is recorded on each span it removes, so a user can see
why a line disappeared (``Article.removed``).
"""

from __future__ import annotations

import re

# A line matching one of these starts the reader-comment section: it and every line after it
# are dropped. Comments follow the article on every site we have seen; nothing after them is
# article text.
COMMENT_SECTION_START = [
    r"^this entry is now closed for comments$",
    r"^jump to comments pagination$",
    r"^comment number \d+\.?$",
    r"^(\d+\s+)?comments?( \(\d+\))?:?$",
    r"^(add|post|leave|view|show|read) (a |your |all )?(\d+ )?comments?\b.{0,30}$",
    r"^(be the first to comment|comments are closed|join the (discussion|conversation))\b.{0,40}$",
]

# Whole lines of page furniture: navigation, sharing, footers, notices, bylines-as-furniture.
FURNITURE_LINES: dict[str, list[str]] = {
    "navigation": [
        r"^skip to (main )?content$",
        r"^(latest|related|top|more) (news|stories|videos?)$",
        r"^more( \w+){0,3} stories$",
        r"^more on this story$",
        r"^explore our related content$",
        r"^(back to top|home|menu|search|next|previous|read more\.?|continue reading\.?)$",
        r"^page \d+ of \d+$",
        r"^view profile$",
    ],
    "sharing": [
        r"^share (this|the) (article|story|page)$",
        r"^share( on| via)? (this|facebook|twitter|email|whatsapp|linkedin)?$",
        r"^(tweet|email|print|share|facebook|twitter|whatsapp|linkedin|pinterest|reddit)( \| ?\w+)*$",
        r"^(tweet with a location|add location information to your tweets).*",
        r"^you can add location information to your tweets.*",
        r"^follow (us|@\w+)\b.{0,60}$",
        r"^(sign up|subscribe) (for|to) (our|the) .{0,50}(newsletter|updates|alerts).{0,30}$",
    ],
    "rating": [r"^rate this$", r"^(like|dislike|reply|report|report abuse|recommend)$"],
    "footer": [
        r"©|\(c\) \d{4}|copyright \d{4}|all rights reserved",
        r"is not responsible for the content of external (sites|internet sites)",
        r"best viewed in an up-to-date web browser",
        r"(enable|turn on) javascript|your browser does not support",
        r"^(terms of (use|service)|privacy policy|cookie policy|contact us|about us)\b.{0,60}$",
        r"^advertisement$",
    ],
    "byline": [r"\barticle written by\b", r"^(posted|published|updated|last updated):? .{0,40}\d{4}.{0,20}$"],
    "archive-notice": [
        r"^these crawls are part of an effort to archive pages",
        r"^this crawl of online resources",
        r"^the seed for this crawl was",
        r"^the wayback machine\b",
        # Multi-News: pages archived by the Internet Archive carry its crawl description.
        r"^starting in 1996, alexa internet has been donating",
        r"^flowing in every day, these data are added to the wayback machine",
        r"^the seed for \w+ was:?$",
        r"^(slash pages from every domain on the web|top ranked pages \(up to a max of \d+\) from every linked-to)",
        r"^a ranking of all urls that have more than one incoming inter-domain link",
        r"^up to a maximum of \d+ most highly ranked urls per domain",
        # Internet Archive collection descriptions (crawl metadata), shared verbatim by unrelated pages.
        r"^crawl of outlinks from \S+ started\b",
        r"^web wide crawl with initial seedlist\b",
        r"^crawl (start|end) date:",
        r"^number of (captures|unique urls|hosts):",
        r"^what[’']s in the data set:?$",
        r"^the seed list for this crawl was\b",
        r"^(however )?this was a somewhat experimental crawl\b",
        r"^we have made many changes to how we do these wide crawls\b",
        r"^if you would like access to this set of crawl data\b",
        r"^this crawl was run at a level \d\b",
        r"^the warc files associated with this crawl\b",
        r"^this collection contains .{0,40}\bcrawls performed by\b",
    ],
    # Newsletter and sign-up widgets, and reading prompts, as scraped into Multi-News articles.
    "newsletter": [
        r"^story continued below$",
        r"^(advertisement|newsletter sign up) continue reading the main story",
        r"^(email|newsletter) sign up\b.{0,200}\b(newsletters?|alerts|e-?mails?)\b",
        r"^sign up (here )?(for|to)\b.{0,80}\b(newsletters?|inbox|alerts|updates)\b",
        r"^sign up you agree to receive",
        r"^view all .{0,40}newsletters\.?$",
        r"^you can unsubscribe at any time\.?$",
        r"^breaking news emails\b",
        r"^(just )?fill in your contact details in the form below",
        r"^(thank you for subscribing|invalid email address|please re-enter|you must select a newsletter)",
        r"^add a location to your tweets",
        r"^the associated press contributed to this report\.?$",
    ],
    "caption-marker": [
        r"^(file )?(photo|image|picture|video)( of)?:? ",
        r"^(getty images|afp|reuters|ap photo)(/\w+)*$",
    ],
}

# A temperature line ("3.8 C", "-2°F") followed by a short place line is a weather widget.
WEATHER_TEMPERATURE = r"^-?\d{1,3}(\.\d)?\s?°?\s?[CF]$"
WEATHER_PLACE_MAX_WORDS = 4

# Pull-quote furniture: a block that repeats text set off elsewhere.
PULL_QUOTE_START = r"^start quote$"
PULL_QUOTE_END = r"^end quote$"

# Bullet glyphs are stripped from the start of a line; the text is kept.
BULLET_GLYPHS = "•·▪◦‣●○■□–—*-"

# A line of at least this many words without sentence-final punctuation is a photo or video
# caption (headings are shorter, sentences end with punctuation, bullets are exempt).
CAPTION_MIN_WORDS = 9
# Captions are short; an unpunctuated line longer than this is a paragraph cut off mid-sentence.
CAPTION_MAX_WORDS = 80
# A sentence end followed by reference markers ("... Christ.[5]") still ends a sentence.
SENTENCE_END_WITH_REFERENCES = r"[.!?][\"'”’)]*(\[\d+\])+$"
CAPTION_MARKERS = [
    r"\((left|right|centre|center|pictured|top|bottom|front)\)",
    r"\bfile photo\b",
    # 'Viktor Yanukovych: "I will be back in Kiev"': a video/promo headline, speaker and a quote
    # with no sentence punctuation inside; body text attributes quotes with a verb instead.
    r"^[A-Z][\w.'’ -]{1,40}: [\"“‘'][^\"“”.!?]+[\"”’']$",
]
SENTENCE_END = ".!?\"'”’)…:;"

# The end of a scraped page (after the last sentence) holds author boxes, job titles and link
# labels ("Jonathan Eyal" / "Associate Director, ..." / "View profile"): short unpunctuated
# lines there are dropped. Bullets are exempt, and so is the first kept line (the title).
TRAILING_FURNITURE_MAX_WORDS = 10


def compile_rules(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]
