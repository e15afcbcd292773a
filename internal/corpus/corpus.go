// Package corpus writes synthetic news for measuring quotecheck at scale
// and checking that a large run is still right.
//
// Generate writes N articles as JSON Lines (the shape package feed reads):
// stories, each covered by three to six outlets, each article 400 to 1,200
// words of the writer's prose with a quote every 75 words or so. The
// quotes come in the forms news copy uses: "…," Name said; said Name, the
// title; Name said: "…"; "…," she said; according to Name; unnamed
// sources ("a senior official at the Brennick Water Authority");
// organisations ("the authority said in a statement"); fragments inside
// the writer's sentence; scare-quoted terms.
//
// Each story's people make statements that several of its outlets print.
// Some are planted with a known alteration in one outlet while every other
// outlet of the story prints the original: a changed number, a dropped
// "not", the statement credited to another person of the story, words
// elided with an ellipsis, or a cosmetic variant (British spelling). The
// Manifest lists each one with the line of the altered article, and
// Manifest.Check reads quotecheck audit's JSON and says which were found.
//
// The same Options give the same bytes. It does not try to read like real
// news sentence by sentence: the words are drawn from small lists, so the
// text is repetitive; what is realistic is the length, the density of
// quotes and the ways they are attributed.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Options say what to generate.
type Options struct {
	Articles  int    // number of articles; at least 0
	Seed      uint64 // the same seed and count give the same bytes
	Malformed int    // malformed lines to mix in, spread through the stream
}

// The kinds of Alteration.
const (
	KindNumber   = "number"   // a number changed: 1,200 for 2,100
	KindNegation = "negation" // a "not" dropped
	KindSpeaker  = "speaker"  // credited to another person of the story
	KindElision  = "elision"  // words dropped and marked with an ellipsis
	KindCosmetic = "cosmetic" // a word in British spelling
)

// Kinds are the alteration kinds, in the order they are planted.
var Kinds = []string{KindNumber, KindNegation, KindSpeaker, KindElision, KindCosmetic}

// A Manifest says what Generate planted.
type Manifest struct {
	Seed        uint64       `json:"seed"`
	Articles    int          `json:"articles"`  // articles written
	Stories     int          `json:"stories"`   // stories they cover
	Quotes      int          `json:"quotes"`    // quotes written in all, of every kind
	Shared      int          `json:"shared"`    // statements printed by two outlets or more
	Malformed   []int        `json:"malformed"` // lines that are not articles, from 1
	Alterations []Alteration `json:"alterations"`
}

// An Alteration is one planted change: an article that prints a statement
// differently from every other outlet of its story.
type Alteration struct {
	Kind     string `json:"kind"`     // one of Kinds
	Story    int    `json:"story"`    // from 1
	Line     int    `json:"line"`     // line of the altered article in the stream, from 1
	Original string `json:"original"` // the statement as the other outlets print it
	Altered  string `json:"altered"`  // as the altered article prints it
	Speaker  string `json:"speaker"`  // who made the statement
	Credited string `json:"credited"` // whom the altered article credits; Speaker unless Kind is speaker
	Others   []int  `json:"others"`   // lines of the articles printing Original
}

// A person is someone a story quotes by name.
type person struct {
	first, last, title string
	female             bool
}

func (p *person) full() string { return p.first + " " + p.last }

// A statement is something a person of a story said, which several of
// its outlets print.
type statement struct {
	speaker int    // index into story.people
	text    string // as said, without the final punctuation
}

// A story is one event covered by several outlets.
type story struct {
	id         int // from 1
	topic      *topic
	place      string
	org        string // "Brennick Water Authority"
	term       string // what the story's plan is called: "Brennick spillway deal"
	day, month string
	year       int
	people     []person
	statements []statement
	outlets    []int // indexes into outletNames
}

// A plannedQuote is one statement as one article prints it.
type plannedQuote struct {
	st       int    // index into story.statements
	text     string // the words printed
	credited int    // index into story.people
	alt      *Alteration
}

// An item is one line of the stream before it is numbered.
type item struct {
	data []byte
	alts []*Alteration // planted in this article
	orig []*Alteration // printing the original of these
	bad  bool
}

// A generator writes one stream.
type generator struct {
	r       *rand.Rand
	m       *Manifest
	w       *bufio.Writer
	line    int
	turn    int // which kind of alteration comes next
	written int
}

// Generate writes opts.Articles articles (and opts.Malformed malformed
// lines) to w as JSON Lines, and returns what it planted.
func Generate(w io.Writer, opts Options) (*Manifest, error) {
	g := &generator{
		r: rand.New(rand.NewPCG(opts.Seed, 0x9e3779b97f4a7c15)),
		m: &Manifest{Seed: opts.Seed, Malformed: []int{}, Alterations: []Alteration{}},
		w: bufio.NewWriterSize(w, 1<<20),
	}
	badEvery := 0
	if opts.Malformed > 0 {
		badEvery = max(1, (opts.Articles+opts.Malformed)/opts.Malformed)
	}
	var alts []*Alteration
	badLeft := opts.Malformed
	for g.written < opts.Articles || badLeft > 0 {
		// A block of stories, shuffled, as a crawl interleaves outlets.
		var block []item
		for len(block) < 48 && g.written < opts.Articles {
			st := g.newStory(g.m.Stories+1, opts.Articles-g.written)
			g.m.Stories++
			items, a := g.writeStory(st)
			block = append(block, items...)
			alts = append(alts, a...)
			g.written += len(items)
		}
		g.r.Shuffle(len(block), func(i, j int) { block[i], block[j] = block[j], block[i] })
		for _, it := range block {
			if badEvery > 0 && badLeft > 0 && (g.line+1)%badEvery == 0 {
				if err := g.emit(item{data: g.badLine(), bad: true}); err != nil {
					return nil, err
				}
				badLeft--
			}
			if err := g.emit(it); err != nil {
				return nil, err
			}
		}
		if g.written >= opts.Articles {
			for ; badLeft > 0; badLeft-- {
				if err := g.emit(item{data: g.badLine(), bad: true}); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, a := range alts {
		g.m.Alterations = append(g.m.Alterations, *a)
	}
	g.m.Articles = g.written
	return g.m, g.w.Flush()
}

// emit writes one line and numbers what it holds.
func (g *generator) emit(it item) error {
	g.line++
	if it.bad {
		g.m.Malformed = append(g.m.Malformed, g.line)
	}
	for _, a := range it.alts {
		a.Line = g.line
	}
	for _, a := range it.orig {
		a.Others = append(a.Others, g.line)
	}
	_, err := g.w.Write(it.data)
	return err
}

// badLine returns a line that is not an article, of one of a few kinds.
func (g *generator) badLine() []byte {
	switch g.r.IntN(3) {
	case 0:
		return []byte(`{"url": "https://broken.test/1", "text": "The line was cut off in the mid` + "\n")
	case 1:
		return []byte(`{"url": "https://broken.test/2", "title": "A page with no body"}` + "\n")
	default:
		return []byte(`{"url": "https://broken.test/3", "published": 1732060800, "text": "A number for a date."}` + "\n")
	}
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// words turns "river_road" into "river road".
func words(s string) string { return strings.ReplaceAll(s, "_", " ") }

// newStory makes story id with at most maxArticles outlets.
func (g *generator) newStory(id, maxArticles int) *story {
	t := &topics[g.r.IntN(len(topics))]
	place := g.pick(placeHeads) + g.pick(placeTails)
	st := &story{
		id: id, topic: t, place: place,
		org:   place + " " + words(g.pick(t.orgKinds)),
		day:   g.pick(weekdays),
		month: g.pick(months),
		year:  2015 + g.r.IntN(10),
	}
	st.term = place + " " + words(g.pick(t.nouns)) + " " + g.pick([]string{"deal", "plan", "scheme", "fix", "bargain"})
	titles := g.r.Perm(len(t.titles))
	used := map[string]bool{}
	for i := 0; i < 3+g.r.IntN(2); i++ {
		p := person{title: words(t.titles[titles[i%len(titles)]]), female: g.r.IntN(2) == 0}
		if p.female {
			p.first = g.pick(femaleFirst)
		} else {
			p.first = g.pick(maleFirst)
		}
		for p.last = g.pick(surnames); used[p.last]; p.last = g.pick(surnames) {
		}
		used[p.last] = true
		st.people = append(st.people, p)
	}
	for i := 0; i < 4+g.r.IntN(4); i++ {
		st.statements = append(st.statements, statement{
			speaker: i % len(st.people),
			text:    g.makeStatement(st, feature(i%4), 2),
		})
	}
	n := min(3+g.r.IntN(4), maxArticles)
	st.outlets = g.r.Perm(len(outletNames))[:n]
	return st
}

// A feature is what a statement must hold so that an alteration can be
// planted in it.
type feature int

const (
	withNumber feature = iota
	withNegation
	withSpelling
	plain
)

// makeStatement makes a statement of the given number of clauses, one of
// which has the feature f.
func (g *generator) makeStatement(st *story, f feature, clauses int) string {
	featured := g.r.IntN(clauses)
	var sb strings.Builder
	sb.WriteString(g.pick(openers))
	for i := 0; i < clauses; i++ {
		cf := plain
		if i == featured {
			cf = f
		}
		c := g.clause(st, cf)
		if i > 0 {
			switch g.r.IntN(6) {
			case 0, 1:
				sb.WriteString(". ")
				c = capitalize(c)
			case 2:
				sb.WriteString(", but ")
			case 3:
				sb.WriteString(" because ")
			default:
				sb.WriteString(", and ")
			}
		}
		sb.WriteString(c)
	}
	s := sb.String()
	if strings.HasSuffix(s, ": ") || s == "" {
		return s
	}
	// The opener ends with ": " or ", ": what follows it starts a sentence
	// only after a colon.
	if i := strings.Index(s, ": "); i >= 0 && i < 20 {
		return s[:i+2] + capitalize(s[i+2:])
	}
	return capitalize(s)
}

// clause makes one clause of a statement.
func (g *generator) clause(st *story, f feature) string {
	subj := g.fill(st, g.pick(subjects))
	v := verbs[g.r.IntN(len(verbs))]
	if f == withSpelling {
		for _, ok := spellings[v[1]]; !ok; _, ok = spellings[v[1]] {
			v = verbs[g.r.IntN(len(verbs))]
		}
	}
	var obj string
	switch g.r.IntN(6) {
	case 0:
		obj = "the " + g.noun(st) + " and the " + g.pick(adjectives) + " " + g.noun(st)
	case 1:
		obj = "every " + g.noun(st) + " in " + st.place
	case 2:
		obj = "the " + g.noun(st) + " " + g.pick(prepositions) + " the " + g.pick(adjectives) + " " + g.noun(st)
	default:
		obj = "the " + g.pick(adjectives) + " " + g.noun(st)
	}
	if f == withNumber {
		obj = g.number() + " " + g.pick(st.topic.counted)
	}
	mod := ""
	for mod = g.pick(modifiers); f == withNumber && strings.Contains(mod, "{n}"); mod = g.pick(modifiers) {
	}
	mod = g.fill(st, mod)
	adverb := ""
	if g.r.IntN(4) == 0 {
		adverb = g.pick(adverbs) + " "
	}
	var vp string
	switch {
	case f == withNegation:
		vp = g.pick([]string{"will not", "must not", "should not", "would not", "did not"}) + " " + v[0]
	case f == withSpelling || g.r.IntN(2) == 0:
		vp = adverb + v[1]
	default:
		vp = g.pick([]string{"will", "can", "must", "should", "are going to"}) + " " + adverb + v[0]
	}
	c := subj + " " + vp + " " + obj
	if mod != "" {
		c += " " + mod
	}
	return c
}

// number returns a number as news copy writes it: 48, 1,200.
func (g *generator) number() string {
	switch g.r.IntN(3) {
	case 0:
		return strconv.Itoa(2 + g.r.IntN(98))
	case 1:
		return commas(100 + g.r.IntN(900))
	default:
		return commas(1000 + 100*g.r.IntN(90))
	}
}

// commas writes n with a comma every three digits.
func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// fill replaces the slots of a template with the story's words.
func (g *generator) fill(st *story, s string) string {
	for strings.Contains(s, "{") {
		i := strings.Index(s, "{")
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		var v string
		switch s[i+1 : i+j] {
		case "place":
			v = st.place
		case "org":
			v = st.org
		case "day":
			v = g.pick(weekdays)
		case "month":
			v = g.pick(months)
		case "n":
			v = g.number()
		case "small":
			v = strconv.Itoa(2 + g.r.IntN(28))
		case "big":
			v = commas(2000 + 500*g.r.IntN(400))
		case "ord":
			v = g.pick([]string{"second", "third", "fourth", "fifth", "sixth", "seventh"})
		case "noun":
			v = g.noun(st)
		case "group":
			v = g.pick(groups)
		case "counted":
			v = g.pick(st.topic.counted)
		case "adj":
			v = g.pick(adjectives)
		case "year":
			v = strconv.Itoa(st.year - 1 - g.r.IntN(40))
		case "event":
			v = st.topic.event
		case "verb":
			v = g.pick(narrativeVerbs)
		default:
			v = s[i+1 : i+j]
		}
		s = s[:i] + v + s[i+j+1:]
	}
	return s
}

// noun returns a thing to talk about: one of the story's topic, or
// anything.
func (g *generator) noun(st *story) string {
	if g.r.IntN(3) == 0 {
		return words(g.pick(st.topic.nouns))
	}
	return words(g.pick(nouns))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// alter returns s changed by the given kind of alteration, or false when
// s holds nothing that kind can change.
func (g *generator) alter(kind, s string, ellipsis string) (string, bool) {
	ws := strings.Fields(s)
	switch kind {
	case KindNumber:
		for i, w := range ws {
			core := strings.TrimRight(w, ",.")
			n, err := strconv.Atoi(strings.ReplaceAll(core, ",", ""))
			if err != nil || core == "" || core[0] < '0' || core[0] > '9' {
				continue
			}
			m := n + 1 + g.r.IntN(max(n, 3))
			ws[i] = commas(m) + w[len(core):]
			return strings.Join(ws, " "), true
		}
	case KindNegation:
		for i, w := range ws {
			if w == "not" {
				return strings.Join(append(ws[:i:i], ws[i+1:]...), " "), true
			}
		}
	case KindElision:
		if len(ws) < 13 {
			return "", false
		}
		n := 4 + g.r.IntN(min(5, len(ws)-12))
		i := 4 + g.r.IntN(len(ws)-n-7)
		out := append(ws[:i:i], ellipsis)
		return strings.Join(append(out, ws[i+n:]...), " "), true
	case KindCosmetic:
		for i, w := range ws {
			core := strings.TrimRight(w, ",.:")
			if uk, ok := spellings[core]; ok {
				ws[i] = uk + w[len(core):]
				return strings.Join(ws, " "), true
			}
		}
	case KindSpeaker:
		return s, true
	}
	return "", false
}

// writeStory plans and writes the articles of st, planting its
// alterations, and returns them.
func (g *generator) writeStory(st *story) ([]item, []*Alteration) {
	n := len(st.outlets)
	carried := make([][]plannedQuote, n)
	altered := map[int]bool{}
	var alts []*Alteration
	planned := 0
	if n >= 3 {
		planned = 1 + g.r.IntN(2)
	}
	perOutlet := make([]*Alteration, n) // at most one alteration per article, so each is clear
	for k := 0; k < planned; k++ {
		for try := 0; try < len(Kinds); try++ {
			kind := Kinds[(g.turn+try)%len(Kinds)]
			si, o, text, ok := g.plant(st, kind, altered, perOutlet)
			if !ok {
				continue
			}
			g.turn = (g.turn + try + 1) % len(Kinds)
			s := st.statements[si]
			credited := s.speaker
			if kind == KindSpeaker {
				credited = (s.speaker + 1 + g.r.IntN(len(st.people)-1)) % len(st.people)
			}
			a := &Alteration{
				Kind: kind, Story: st.id, Original: s.text, Altered: text,
				Speaker: st.people[s.speaker].full(), Credited: st.people[credited].full(),
				Others: []int{},
			}
			alts = append(alts, a)
			altered[si] = true
			perOutlet[o] = a
			for oi := range n {
				q := plannedQuote{st: si, text: s.text, credited: s.speaker}
				if oi == o {
					q = plannedQuote{st: si, text: text, credited: credited, alt: a}
				}
				carried[oi] = append(carried[oi], q)
			}
			break
		}
	}
	shared := map[int]int{}
	for si, s := range st.statements {
		if altered[si] {
			shared[si] = n
			continue
		}
		for oi := range n {
			if g.r.IntN(10) < 7 {
				carried[oi] = append(carried[oi], plannedQuote{st: si, text: s.text, credited: s.speaker})
				shared[si]++
			}
		}
	}
	for _, c := range shared {
		if c >= 2 {
			g.m.Shared++
		}
	}
	items := make([]item, n)
	for oi := range n {
		qs := carried[oi]
		// Statements in story order, as writers follow the events.
		sortByStatement(qs)
		items[oi].data = g.article(st, oi, qs)
		for _, q := range qs {
			if q.alt != nil {
				items[oi].alts = append(items[oi].alts, q.alt)
			}
		}
		for _, a := range alts {
			if a != perOutlet[oi] {
				items[oi].orig = append(items[oi].orig, a)
			}
		}
	}
	return items, alts
}

// plant chooses a statement and an outlet of st for an alteration of the
// given kind and returns the altered words.
func (g *generator) plant(st *story, kind string, altered map[int]bool, perOutlet []*Alteration) (si, o int, text string, ok bool) {
	var free []int
	for i, a := range perOutlet {
		if a == nil {
			free = append(free, i)
		}
	}
	if len(free) == 0 {
		return 0, 0, "", false
	}
	o = free[g.r.IntN(len(free))]
	ellipsis := "…"
	if !outletNames[st.outlets[o]].curly {
		ellipsis = "..."
	}
	for _, i := range g.r.Perm(len(st.statements)) {
		if altered[i] {
			continue
		}
		if text, ok := g.alter(kind, st.statements[i].text, ellipsis); ok {
			return i, o, text, true
		}
	}
	return 0, 0, "", false
}

func sortByStatement(qs []plannedQuote) {
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].st < qs[j-1].st; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}

// A record is one line of the stream.
type record struct {
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// article writes the article of outlet oi of st, printing quotes qs.
func (g *generator) article(st *story, oi int, qs []plannedQuote) []byte {
	out := outletNames[st.outlets[oi]]
	aw := &articleWriter{g: g, st: st, curly: out.curly, uk: out.uk, mentioned: map[int]bool{}}
	target := 400 + g.r.IntN(801)

	// Blocks: the planted statements, then quotes of this article alone,
	// mixed; the writer's prose fills the space between them.
	var blocks []func() string
	for _, q := range qs {
		blocks = append(blocks, func() string { return aw.statement(q) })
	}
	extra := max(2, target/75-len(qs))
	for i := 0; i < extra; i++ {
		at := g.r.IntN(len(blocks) + 1)
		var b func() string
		switch k := g.r.IntN(20); {
		case k < 7:
			b = aw.ownStatement
		case k < 10:
			b = aw.unnamed
		case k < 12:
			b = aw.organization
		case k < 16:
			b = aw.fragment
		default:
			b = aw.term
		}
		blocks = append(blocks[:at], append([]func() string{b}, blocks[at:]...)...)
	}
	paras := []string{aw.lede()}
	count := len(strings.Fields(paras[0]))
	for _, b := range blocks {
		p := b()
		paras = append(paras, p)
		count += len(strings.Fields(p))
	}
	aw.quotes += len(blocks)
	g.m.Quotes += len(blocks)
	// Prose paragraphs, placed between the quotes until the article is
	// long enough.
	for count < target {
		p := aw.prose()
		count += len(strings.Fields(p))
		at := 1 + g.r.IntN(len(paras))
		paras = append(paras[:at], append([]string{p}, paras[at:]...)...)
	}
	title := fmt.Sprintf("%s %s: %s %s the %s", st.place, st.topic.head, st.org, g.pick(narrativeVerbs), words(g.pick(st.topic.nouns)))
	title = capitalize(title)
	rec := record{
		URL:       fmt.Sprintf("https://%s/%d/%s/story-%d", out.host, st.year, strings.ToLower(st.place), st.id),
		Outlet:    out.name,
		Title:     title,
		Published: fmt.Sprintf("%d-%02d-%02dT%02d:%02d:00Z", st.year, 1+monthIndex(st.month), 1+st.id%28, 6+oi*2, (st.id*7)%60),
	}
	if out.html {
		rec.HTML = page(out.name, title, paras)
	} else {
		rec.Text = strings.Join(paras, "\n") + "\n"
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(rec) // a record of strings always encodes
	return []byte(b.String())
}

func monthIndex(m string) int {
	for i, s := range months {
		if s == m {
			return i
		}
	}
	return 0
}

// page writes paragraphs as a web page with the chrome sites put around
// an article.
func page(outlet, title string, paras []string) string {
	var b strings.Builder
	e := html.EscapeString
	text := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s | %s</title>\n", e(title), e(outlet))
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n</head>\n<body>\n", e(outlet))
	b.WriteString("<header><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | <a href=\"/sport\">Sport</a> | <a href=\"/weather\">Weather</a></nav></header>\n")
	fmt.Fprintf(&b, "<main><article>\n<h1>%s</h1>\n", e(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", text(p))
	}
	b.WriteString("</article>\n<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Weather warning for the weekend</a></li><li><a href=\"/b\">Letters to the editor</a></li></ul></aside></main>\n")
	fmt.Fprintf(&b, "<footer><p>Copyright %s. All rights reserved.</p></footer>\n</body></html>\n", e(outlet))
	return b.String()
}
