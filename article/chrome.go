package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsChrome reports whether a paragraph is site chrome rather than article
// text: a label ("Published", "EDITOR'S PICKS"), a link to other stories
// ("Related: …"), a call to the reader ("Leave a Reply", "Sign up for our
// newsletter"), the site's contact details, a copyright or disclaimer line,
// or a short heading. It is meant for text copied from a web page, where
// such lines sit between the article's paragraphs.
//
// The rules are in chromeRules. They err towards keeping a line, so that
// no sentence of news is taken for chrome: a line holding a quotation mark
// is chrome only by a rule that looks at how the line starts (label, link,
// legal, reader, menu), and some chrome written as plain sentences ("Citizen
// journalists will receive a token as data incentive.") is missed.
func IsChrome(paragraph string) bool {
	return chromeRule(paragraph) != ""
}

// A chromeTest is one named way of recognising a line of chrome.
type chromeTest struct {
	name   string
	doc    string
	quoted bool                        // also applies to a line holding a quotation mark
	long   bool                        // also applies to a line longer than shortLine
	prefix bool                        // matches only lines opening with one of leadWords
	match  func(low, line string) bool // low: line in lower case, white space collapsed, ’ as '
}

// chromeRules are the tests IsChrome applies, in order.
var chromeRules = []chromeTest{
	{
		name:   "label",
		doc:    "a label of site furniture alone on its line: Published, Share this article, EDITOR'S PICKS, Sources include:",
		quoted: true,
		match:  func(low, _ string) bool { return chromeLabels[strings.TrimRight(low, " :.!|»›")] },
	},
	{
		name:   "link",
		prefix: true,
		long:   true,
		doc:    "a line introduced by a label pointing elsewhere: Related: …, Read more: …, Watch: …, Photo: …",
		quoted: true,
		match:  lowMatch(linkPrefix),
	},
	{
		name:   "legal",
		prefix: true,
		long:   true,
		doc:    "a copyright or disclaimer line: Copyright © …, © 2024 …, … All rights reserved., DISCLAIMER: …",
		quoted: true,
		match: func(low, _ string) bool {
			return legalLine.MatchString(low) || strings.HasSuffix(strings.TrimSuffix(low, "."), "all rights reserved")
		},
	},
	{
		name:   "reader",
		prefix: true,
		long:   true,
		doc:    "the site speaking to the reader: Click here to …, Leave a Reply, You must be logged in …, Sign up for our newsletter …, Follow us …, Advertise …, Advertisement - story continues below",
		quoted: true, // every pattern is anchored at the start of the line
		match: func(low, _ string) bool {
			return readerCall.MatchString(low[:min(len(low), 200)]) || strings.HasPrefix(low, "advertisement") && strings.Contains(low, "continues below")
		},
	},
	{
		name: "contact",
		long: true,
		doc:  "the site's contact details: a phone number beside WhatsApp or advert(ising), or an e-mail address the page's host hid as [email protected]",
		match: func(low, _ string) bool {
			return strings.Contains(low, "protected]") && hiddenEmail.MatchString(low) ||
				(strings.Contains(low, "whatsapp") || strings.Contains(low, "advert")) && adContact.MatchString(low) && phoneNumber.MatchString(low)
		},
	},
	{
		name:   "menu",
		long:   true,
		doc:    "a navigation bar: three or more short items (at most four words each) separated by |, • or ·",
		quoted: true,
		match:  func(_, line string) bool { return isMenu(line) },
	},
	{
		name:   "date",
		prefix: true,
		doc:    "a time stamp alone on its line: 3 days ago, 5 hours ago",
		match:  lowMatch(agoLine),
	},
	{
		name:  "heading",
		doc:   "a heading, label, byline or date: a line of at most 14 words in title case (every word but small ones like of, the, in starting with a capital or a digit), ending without sentence punctuation",
		match: func(_, line string) bool { return isHeading(line) },
	},
}

// chromeRule returns the name of the first rule that finds paragraph to be
// chrome, or "" if none does.
func chromeRule(paragraph string) string {
	if len(paragraph) > maxChromeLen {
		return ""
	}
	long := len(paragraph) > shortLine
	quoted, special := scanMarks(paragraph)
	if long && !special && !containsFold(paragraph, "whatsapp") && !containsFold(paragraph, "advert") {
		// Only a rule that reads a line's first words can find chrome in
		// a long line with no menu, address or advertising in it.
		cut := shortLine
		for cut > 0 && !utf8.RuneStart(paragraph[cut]) {
			cut--
		}
		paragraph = paragraph[:cut]
	}
	line := strings.TrimLeft(clean(paragraph), "»›•·*▶► ")
	if line == "" {
		return ""
	}
	low := lowerApostrophes(line)
	lead := leadWords[leadWord(low)]
	for _, r := range chromeRules {
		if quoted && !r.quoted || long && !r.long || r.prefix && !lead {
			continue
		}
		if r.match(low, line) {
			return r.name
		}
	}
	return ""
}

// shortLine is the length, in bytes, past which a line can be chrome only
// by its first words (a call to the reader, a link label, a copyright
// notice), its menu separators or its contact details.
const shortLine = 160

// leadWord returns the first word of a lower-case line, or "#" when the line
// opens with a digit or a copyright sign.
func leadWord(low string) string {
	if low == "" {
		return ""
	}
	if c := low[0]; '0' <= c && c <= '9' || strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c)") {
		return "#"
	}
	end := strings.IndexAny(low, " :|»›")
	if end < 0 {
		end = len(low)
	}
	return strings.TrimRight(low[:end], ".,!")
}

// leadWords are the words a line that the prefix rules (link, legal,
// reader, date) match can open with; other lines skip those rules.
// patterns. The examples in TestIsChromeRules exercise every pattern.
var leadWords = map[string]bool{"#": true}

func init() {
	for _, w := range strings.Fields(`related read also see more recommended watch listen video photo
		photos picture pictures image images gallery trending sponsored advertisement editor's
		editors' don't top latest further copyright disclaimer please kindly sign subscribe
		register connect follow join like click tap leave post add drop write you we this
		advertise download get for contact email e-mail call reach message whatsapp text sms
		enter published updated posted about over an a one`) {
		leadWords[w] = true
	}
}

// scanMarks reports, in one pass, whether s holds a quotation mark and
// whether it holds a menu separator, an @ or a bracket.
func scanMarks(s string) (quoted, special bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			quoted = true
		case '|', '@', '[':
			special = true
		default:
			if c < utf8.RuneSelf {
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '“', '”', '«', '»', '„', '‘', '‹':
				quoted = true
			case '•', '·':
				special = true
			}
			i += n - 1
		}
	}
	return quoted, special
}

// containsFold reports whether s contains w, a lower-case ASCII word
// that starts with a letter, in any case. It looks for w's first letter
// in each case with strings.IndexByte, which is much faster than a loop
// over the bytes.
func containsFold(s, w string) bool {
	for _, c := range [2]byte{w[0], w[0] - ('a' - 'A')} {
		for i := 0; i+len(w) <= len(s); i++ {
			j := strings.IndexByte(s[i:len(s)-len(w)+1], c)
			if j < 0 {
				break
			}
			i += j
			if strings.EqualFold(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// maxChromeLen is the longest paragraph, in bytes, that can be chrome: the
// longest lines of furniture (a disclaimer, a call for contributions) run
// to about 250; paragraphs of news beyond it are not tested at all.
const maxChromeLen = 600

// lowMatch matches an anchored pattern against the start of the line:
// chrome announces itself in its first words, and the regexp engine's cost
// grows with the length of what it is given.
func lowMatch(re *regexp.Regexp) func(low, line string) bool {
	return func(low, _ string) bool { return re.MatchString(low[:min(len(low), 200)]) }
}

// chromeLabels are labels that make up a whole line of chrome, in lower
// case, without a trailing colon.
var chromeLabels = map[string]bool{}

func init() {
	for _, l := range []string{
		"connect with us", "follow us", "follow us on", "share", "share this", "share this article",
		"share this story", "share this post", "share on facebook", "share on twitter", "share on x",
		"tweet", "email", "e-mail", "print", "comments", "comment", "click to comment",
		"leave a reply", "leave a comment", "post a comment", "please drop your comments",
		"published", "updated", "on", "by", "advertisement", "advertisements", "sponsored",
		"sponsored content", "story continues below advertisement", "continue reading",
		"read more", "read next", "read also", "also read", "related", "related articles",
		"related stories", "related posts", "related content", "related news", "recommended",
		"recommended for you", "you may also like", "you might also like", "more stories",
		"more from", "most read", "most popular", "trending", "trending now", "editor's picks",
		"editors' picks", "editor's pick", "further reading", "sources include", "sources",
		"mgid", "tags", "topics", "subscribe", "subscribe now", "sign up", "sign in", "log in",
		"login", "skip to content", "skip to main content", "menu", "search", "home",
		"back to top", "loading", "watch", "listen", "listen to this article", "don't miss",
		"see also", "top stories", "latest news", "latest", "newsletter",
	} {
		chromeLabels[l] = true
	}
}

var (
	// linkPrefix: a label and a colon (or », ›, |) introducing a link.
	linkPrefix = regexp.MustCompile(`^(related( articles?| stories| posts| news| content| coverage)?|read (more|also|next)|also read|see also|more( on this( story)?)?|recommended( reading)?|watch|listen|video|photos?|pictures?|images?|gallery|trending|sponsored|advertisement|editor's picks?|don't miss|top stories|latest|further reading)\s*[:|»›]`)

	// legalLine: copyright and disclaimer lines.
	legalLine = regexp.MustCompile(`^(copyright\s*(©|\(c\)|\d{4})|©|\(c\)\s*\d{4}|disclaimer\s*:)`)

	// readerCall: the site addressing its reader, at the start of a line.
	readerCall = regexp.MustCompile(`^((please |kindly )?(sign up|subscribe)\b.*\b(newsletters?|inbox|alerts?|updates|free|here|now|today|podcast|channel|emails?)\b|register (now|here|today|for free)\b|(connect|follow|join|like) us\b|(click|tap) (here|to|on|below)\b|click here\b|(leave|post|add|drop|write) (a|your) (reply|comment|comments|thoughts)\b|please (drop|leave|share|post) your\b|you must be (logged|signed) in\b|(we|this (site|website)) uses? cookies\b|advertise\b|(download|get) (our|the) app\b|for (adverts?|advertising|advertisement|publication of|enquiries|inquiries)\b|(kindly |please )?(contact|email|e-mail|call|reach|write to|message|whatsapp) us\b|(call|text|sms|whatsapp)( or (call|text|sms|whatsapp))?( us)?( on| at)?\s*:?\s*\+?\d|this (article|story|post) (was|is) (originally|first) (published|posted)|enter your (email|e-mail)\b)`)

	// agoLine: a relative time stamp.
	agoLine = regexp.MustCompile(`^(published |updated |posted )?(about |over )?(\d+|an?|one) (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago$`)

	// hiddenEmail: an address Cloudflare's e-mail protection replaced.
	hiddenEmail = regexp.MustCompile(`\[email(\s| )protected\]`)

	// phoneNumber: seven or more digits, allowing spaces, dots, dashes and
	// brackets between them.
	phoneNumber = regexp.MustCompile(`\+?\d[\d .()-]{6,}\d`)

	// adContact: words that, beside a phone number, make it the site's.
	adContact = regexp.MustCompile(`\b(whatsapp|adverts?|advertis\w*)\b`)
)

// menuSeps separate the items of a navigation bar.
var menuSeps = regexp.MustCompile(`\s+[|•·]\s+`)

// isMenu implements the menu rule.
func isMenu(line string) bool {
	if !strings.ContainsRune(line, '|') && !strings.ContainsRune(line, '•') && !strings.ContainsRune(line, '·') {
		return false
	}
	items := menuSeps.Split(line, -1)
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if n := len(strings.Fields(it)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// minorWords are words a title-case heading leaves in lower case.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"with": true, "from": true, "as": true, "vs": true, "vs.": true, "via": true, "into": true,
	"over": true, "after": true, "amid": true, "up": true, "off": true, "out": true,
}

// sentenceEnd are the characters a line of prose ends with.
const sentenceEnd = `.!?…:;,"”’')]`

// isHeading implements the heading rule on a cleaned line.
func isHeading(line string) bool {
	if line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(sentenceEnd, last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false // a dash credit, a bullet, or the tail of a wrapped line
	}
	words := strings.Fields(line)
	if len(words) > maxHeadingWords {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !(i > 0 && minorWords[strings.ToLower(w)]) && unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// maxHeadingWords is the most words a line can have and be a heading.
const maxHeadingWords = 14

// lowerApostrophes returns line in lower case with its curly single
// quotes (’ and ‘) straightened, for matching: what strings.ToLower gives
// after replacing them, in one pass and without copying a line that is
// already so.
func lowerApostrophes(line string) string {
	i := 0
	for i < len(line) {
		c := line[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
		i++
	}
	if i == len(line) {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	b.WriteString(line[:i])
	for i < len(line) {
		c := line[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		switch r {
		case '’', '‘':
			b.WriteByte('\'')
		default:
			// An invalid byte decodes as utf8.RuneError and is written as
			// U+FFFD, as strings.ToLower writes it.
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}
