package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"quotecheck/attrib"
)

// Limits of the context check.
const (
	contextMinWords = 8   // statements shorter than this are not judged
	contextMinTerms = 4   // nor those with fewer key terms
	contextBefore   = 2   // paragraphs before the quote's that count as its context
	contextAfter    = 2   // paragraphs after it
	storyWeight     = 0.5 // m(t) for a term only the story shares
	evidenceTerms   = 8   // key terms shown per side
)

// stopwords are words too common to say what a text is about.
var stopwords = toSet(`a about above after again against all also although am an and any are aren't as at be
because been before being below between both but by can cannot could couldn't did didn't do does doesn't
doing don't down during each even ever every few for from further had hadn't has hasn't have haven't having
he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in
into is isn't it it's its itself just let's like make many may me might more most much must mustn't my
myself never no nor not now of off on once one only or other ought our ours ourselves out over own per
put said same say says see seen shall shan't she she'd she'll she's should shouldn't since so some still
such than that that's the their theirs them themselves then there there's these they they'd they'll
they're they've this those though through thus to too toward towards under until up upon us very was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which while
who who's whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're
you've your yours yourself yourselves told tell added according noted claimed stated remarked asked
two three four five six seven eight nine ten first last new recent recently mr mrs ms dr meanwhile
already again also`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// demonyms fold a people's adjective into its country, so that "Russian
// forces" and "Russia" share a term.
var demonyms = map[string]string{
	"russian": "russia", "russians": "russia", "ukrainian": "ukraine", "ukrainians": "ukraine",
	"american": "america", "americans": "america", "korean": "korea", "koreans": "korea",
	"chinese": "china", "british": "britain", "european": "europe", "europeans": "europe",
	"israeli": "israel", "israelis": "israel", "iranian": "iran", "iranians": "iran",
	"french": "france", "german": "germany", "germans": "germany",
}

// stem reduces a normalised word to a crude stem, enough to match
// "escalating" with "escalation", "mines" with "mine", "accused" with
// "accuse", "dangerous" with "dangers": it folds demonyms, then drops one
// of -ies (to -y), -s, then one of -ing, -ion, -ed, -ous, then a final -e,
// each only when at least four letters are left.
func stem(w string) string {
	if d, ok := demonyms[w]; ok {
		return d
	}
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	cut := func(suffix, repl string) bool {
		if s, ok := strings.CutSuffix(w, suffix); ok && len(s) >= 4 {
			w = s + repl
			return true
		}
		return false
	}
	switch {
	case cut("ies", "y"):
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
	case cut("s", ""):
	}
	switch {
	case cut("ing", ""), cut("ion", ""), cut("ed", ""), cut("ous", ""):
	}
	cut("e", "")
	return w
}

// A reader reads key terms for one goroutine, remembering what it read:
// the term of each word form, the paragraphs of the article it reads
// (the quotes of an article share them), and the lines elsewhere wrote.
type reader struct {
	memo      map[string]wordTerm
	article   int
	paras     []paraInfo // of article, by paragraph
	elsewhere map[mention]string
	seen      map[string]bool // terms' scratch

	// The terms and forms of article's paragraphs, held in one run that
	// the next article reuses.
	paraTerms, paraForms []string

	// fitIn's scratch: the terms of one text; the quote's terms, the
	// context's and the name's (the contextFit of one call holds all
	// three until the next).
	stems, forms           []string
	quote, quoteForms      []string
	local                  map[string]bool
	localStems, localForms []string
	name                   map[string]bool
}

// memoWords is the most word forms a reader remembers.
const memoWords = 1 << 16

// A wordTerm is what term says of one word form.
type wordTerm struct {
	norm, stem string
	ok         bool
}

// A paraInfo is what fit needs of one paragraph.
type paraInfo struct {
	read, heading bool
	terms, forms  []string
}

// A mention is a paragraph naming a speaker, who is named.
type mention struct {
	at   Ref // Quote is the paragraph index
	name string
}

func newReader() *reader {
	return &reader{memo: map[string]wordTerm{}, article: -1, elsewhere: map[mention]string{}, seen: map[string]bool{}, local: map[string]bool{}, name: map[string]bool{}}
}

// appendTerms appends the key terms of s to stems, and the form of each
// to forms. The key terms are the stems of its words that are not
// stopwords, numbers or shorter than three letters, in order of first
// appearance; a term's form is the first lower-cased form that gave it.
func (rd *reader) appendTerms(stems, forms []string, s string) ([]string, []string) {
	clear(rd.seen)
	for text := range wordTexts(s) {
		norm, st, ok := rd.term(text)
		if !ok {
			continue
		}
		if !rd.seen[st] {
			rd.seen[st] = true
			stems = append(stems, st)
			forms = append(forms, strings.TrimSuffix(norm, "'s"))
		}
	}
	return stems, forms
}

// term returns the normalised form and the stem of the word text (a Word
// or Number token's text) and whether it is a key term: a word, not a
// number, of three letters or more, neither it nor its stem a stopword.
func (rd *reader) term(text string) (norm, st string, ok bool) {
	if t, ok := rd.memo[text]; ok {
		return t.norm, t.stem, t.ok
	}
	var t wordTerm
	t.norm = Normalize(text)
	if len(t.norm) >= 3 && !isNumberToken(text, t.norm) && !stopwords[t.norm] {
		t.stem = stem(t.norm)
		t.ok = !stopwords[t.stem]
	}
	if !t.ok {
		t = wordTerm{}
	}
	if len(rd.memo) < memoWords {
		rd.memo[text] = t
	}
	return t.norm, t.stem, t.ok
}

// para returns what fit needs of paragraph k of article i.
func (rd *reader) para(b *Batch, i, k int) *paraInfo {
	a := b.Articles[i]
	if rd.article != i {
		rd.article = i
		rd.paras = slices.Grow(rd.paras[:0], len(a.Paragraphs))[:len(a.Paragraphs)]
		clear(rd.paras)
		rd.paraTerms, rd.paraForms = rd.paraTerms[:0], rd.paraForms[:0]
	}
	pi := &rd.paras[k]
	if !pi.read {
		text := a.Para(k)
		n := len(rd.paraTerms)
		rd.paraTerms, rd.paraForms = rd.appendTerms(rd.paraTerms, rd.paraForms, text)
		*pi = paraInfo{read: true, heading: isHeading(text), terms: rd.paraTerms[n:len(rd.paraTerms):len(rd.paraTerms)], forms: rd.paraForms[n:len(rd.paraForms):len(rd.paraForms)]}
	}
	return pi
}

// corpus holds the term statistics of a batch.
type corpus struct {
	// mentions maps a capitalised word, among the names it was asked to
	// follow, to the first paragraph of each article using it, in batch
	// order, as Refs whose Quote field is the paragraph index.
	mentions map[string][]Ref
	terms    map[string]*termStats
	paras    int // paragraphs in the batch
	story    int // articles a term must be in to be the story's; 0 when the batch has one article
}

// termStats counts the paragraphs and articles holding a term.
type termStats struct {
	paraDF, artDF     int
	weight            float64 // see corpus.weight
	lastPara, lastArt int     // the last paragraph (numbered across the batch) and article counted, plus one
}

// newCorpus counts the terms of every paragraph of b, and records the
// paragraphs mentioning each of names (capitalised words, possessive
// aside). It reads the batch once, on all cores: each worker counts a
// run of articles and the counts are added up in batch order.
func newCorpus(b *Batch, names map[string]bool) *corpus {
	parts := inRuns(len(b.Articles), 64, func(lo, hi int) *corpus { return countTerms(b, lo, hi, names) })
	c := parts[0]
	for _, p := range parts[1:] {
		c.paras += p.paras
		for t, ps := range p.terms {
			if cs, ok := c.terms[t]; ok {
				cs.paraDF += ps.paraDF
				cs.artDF += ps.artDF
			} else {
				c.terms[t] = ps
			}
		}
		for name, ms := range p.mentions {
			c.mentions[name] = append(c.mentions[name], ms...)
		}
	}
	if n := len(b.Articles); n >= 2 {
		c.story = max(2, (n+1)/2)
	}
	for _, ts := range c.terms {
		ts.weight = math.Log(1 + float64(c.paras)/float64(max(ts.paraDF, 1)))
	}
	return c
}

// countTerms counts the terms and mentions of articles [lo, hi) of b.
func countTerms(b *Batch, lo, hi int, names map[string]bool) *corpus {
	c := &corpus{mentions: map[string][]Ref{}, terms: map[string]*termStats{}}
	rd := newReader()
	for i := lo; i < hi; i++ {
		a := b.Articles[i]
		for k, p := range a.Paragraphs {
			c.paras++
			for text := range wordTexts(a.Text[p.Start:p.End]) {
				if len(names) > 0 && startsUpper(text) {
					name := strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s")
					if names[name] && !isNumberToken(text, Normalize(text)) {
						if ms := c.mentions[name]; len(ms) == 0 || ms[len(ms)-1].Article != i {
							c.mentions[name] = append(ms, Ref{i, k})
						}
					}
				}
				_, t, ok := rd.term(text)
				if !ok {
					continue
				}
				ts := c.terms[t]
				if ts == nil {
					ts = &termStats{}
					c.terms[strings.Clone(t)] = ts
				}
				if ts.lastPara != c.paras {
					ts.lastPara = c.paras
					ts.paraDF++
				}
				if ts.lastArt != i+1 {
					ts.lastArt = i + 1
					ts.artDF++
				}
			}
		}
	}
	return c
}

// inStory reports whether t is one of the story's terms: used by at least
// half the articles of the batch, and by two.
func (c *corpus) inStory(t string) bool {
	ts := c.terms[t]
	return c.story > 0 && ts != nil && ts.artDF >= c.story
}

// weight is a term's inverse paragraph frequency: ln(1 + P/df), where P
// is the number of paragraphs in the batch and df the number holding the
// term. A term in every paragraph weighs ln 2; one in a single paragraph
// of a hundred, ln 101.
func (c *corpus) weight(t string) float64 {
	if ts := c.terms[t]; ts != nil {
		return ts.weight
	}
	return math.Log(1 + float64(c.paras))
}

// isHeading reports whether a paragraph is a heading or a stray line
// rather than prose: fewer than eight words and no closing punctuation.
func isHeading(p string) bool {
	n := 0
	for range strings.FieldsSeq(p) {
		if n++; n >= 8 {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(p))
	return !strings.ContainsRune(".!?\"”’:", last)
}

// A contextFit is the context check's measure of one quote.
type contextFit struct {
	score       float64
	quoteTerms  []string // surface forms, heaviest first; nil until explained (see corpus.explain)
	localTerms  []string
	shared      []string // forms of the quote's terms in the context; nil until explained
	storyShared []string // forms of those only in the story; nil until explained
	before      string   // the prose paragraph before the quote's, if any

	// What explain works from: the key terms of the quote and of its
	// context, their forms (by index), the context's terms as a set and
	// the stems of the speaker's name.
	qt, qforms, local, localForms []string
	localSet, name                map[string]bool
}

// explain sets f's quoteTerms, localTerms, shared and storyShared, the
// evidence of a finding.
func (c *corpus) explain(f *contextFit) {
	f.quoteTerms = c.heaviest(f.qt, f.qforms, nil, evidenceTerms)
	f.localTerms = c.heaviest(f.local, f.localForms, f.name, evidenceTerms)
	for i, t := range f.qt {
		switch {
		case f.localSet[t]:
			f.shared = append(f.shared, f.qforms[i])
		case c.inStory(t):
			f.storyShared = append(f.storyShared, f.qforms[i])
		}
	}
}

// fit measures how well the quote r fits where it stands:
//
//	fit = Σ w(t)·m(t) / Σ w(t) over the quote's key terms t,
//
// where w is the term's weight (see corpus.weight) and m(t) is 1 when t
// is in the local context, storyWeight when t is only among the story's
// terms, 0 otherwise.
//
// The quote's key terms are those of its words and of its credit line,
// the rest of the sentence that holds it ("remarked X, in response to Y"),
// which says what the writer took the quote to be about; the speaker's
// name is left out. The local context is the text before the quote in its
// paragraph, the sentences after the credit line, and the contextBefore
// prose paragraphs before and contextAfter after, headings skipped.
func (c *corpus) fit(b *Batch, r Ref, sp Speaker) (contextFit, bool) {
	f, ok := c.fitIn(b, r, sp, newReader())
	if ok {
		c.explain(&f)
	}
	return f, ok
}

// fitIn is fit, reading through rd.
func (c *corpus) fitIn(b *Batch, r Ref, sp Speaker, rd *reader) (contextFit, bool) {
	a, q := b.Articles[r.Article], b.Quote(r)
	text := b.Text(r)
	if q.Kind != attrib.Statement || !atLeastWords(text, contextMinWords) {
		return contextFit{}, false
	}
	if q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
		return contextFit{}, false
	}
	p := a.Paragraphs[q.Paragraph]
	credit, after := splitCredit(a.Text, q.Words.End, p.End)

	qt, qforms := rd.appendTerms(rd.quote[:0], rd.quoteForms[:0], text)
	name := rd.name
	clear(name)
	for w := range strings.FieldsSeq(sp.Name) {
		name[stem(Normalize(w))] = true
	}
	ct, cforms := rd.appendTerms(rd.stems[:0], rd.forms[:0], credit)
	rd.stems, rd.forms = ct, cforms
	for i, t := range ct {
		if !name[t] && !slices.Contains(qt, t) {
			qt = append(qt, t)
			qforms = append(qforms, cforms[i])
		}
	}
	rd.quote, rd.quoteForms = qt, qforms
	if len(qt) < contextMinTerms {
		return contextFit{}, false
	}

	// A context term's form is its first form in the first text that
	// has it.
	local := rd.local
	clear(local)
	localStems, localForms := rd.localStems[:0], rd.localForms[:0]
	addTerms := func(ts, forms []string) {
		for i, t := range ts {
			if !local[t] {
				local[t] = true
				localStems = append(localStems, t)
				localForms = append(localForms, forms[i])
			}
		}
	}
	add := func(s string) {
		rd.stems, rd.forms = rd.appendTerms(rd.stems[:0], rd.forms[:0], s)
		addTerms(rd.stems, rd.forms)
	}
	addPara := func(k int) { pi := rd.para(b, r.Article, k); addTerms(pi.terms, pi.forms) }
	var f contextFit
	start := q.Words.Start
	if !q.Outer.IsZero() && q.Outer.Start < start {
		start = q.Outer.Start
	}
	if start > p.Start && start <= len(a.Text) {
		add(a.Text[p.Start:start])
	}
	add(after)
	for k, n := q.Paragraph-1, 0; k >= 0 && n < contextBefore; k-- {
		if rd.para(b, r.Article, k).heading {
			continue
		}
		if n == 0 {
			f.before = a.Para(k)
		}
		addPara(k)
		n++
	}
	for k, n := q.Paragraph+1, 0; k < len(a.Paragraphs) && n < contextAfter; k++ {
		if rd.para(b, r.Article, k).heading {
			continue
		}
		addPara(k)
		n++
	}

	var total, got float64
	for _, t := range qt {
		w := c.weight(t)
		total += w
		switch {
		case local[t]:
			got += w
		case c.inStory(t):
			got += storyWeight * w
		}
	}
	if total == 0 {
		return contextFit{}, false
	}
	f.score = got / total
	f.qt, f.qforms, f.local, f.localForms, f.localSet, f.name = qt, qforms, localStems, localForms, local, name
	rd.localStems, rd.localForms = localStems, localForms
	return f, true
}

// atLeastWords reports whether s has n Words or more. It counts its words
// and numbers without tokenising it, and tokenises it only when they are
// too few, to count its elision marks as well.
func atLeastWords(s string, n int) bool {
	k := 0
	for range wordTexts(s) {
		if k++; k >= n {
			return true
		}
	}
	var buf [32]Token
	return len(appendWords(buf[:0], s)) >= n
}

// heaviest returns the surface forms of the n heaviest terms of ts, not in
// skip, heaviest first, ties in order of appearance; forms[i] is the form
// of ts[i].
func (c *corpus) heaviest(ts, forms []string, skip map[string]bool, n int) []string {
	type tw struct {
		w float64
		i int
	}
	// top holds the n heaviest so far, in order: a term goes after every
	// one at least as heavy, so ties keep their order of appearance.
	top := make([]tw, 0, max(n, 0))
	for i, t := range ts {
		if skip[t] {
			continue
		}
		x := tw{c.weight(t), i}
		k := len(top)
		for k > 0 && top[k-1].w < x.w {
			k--
		}
		if k == n {
			continue
		}
		if len(top) < n {
			top = append(top, tw{})
		}
		copy(top[k+1:], top[k:])
		top[k] = x
	}
	out := make([]string, len(top))
	for k, x := range top {
		out[k] = forms[x.i]
	}
	return out
}

// runContext reports the statements that fit their context worst. The
// articles are judged on all cores, each worker a run of them, and the
// findings reported in batch order.
func runContext(p *Pass) {
	names := map[string]bool{} // the last names elsewhere looks for
	for _, sp := range p.Speakers.table {
		if ws := strings.Fields(sp.Name); sp.Kind == attrib.Person && len(ws) > 0 {
			names[ws[len(ws)-1]] = true
		}
	}
	c := newCorpus(p.Batch, names)
	refs := p.Batch.refs()
	found := inRuns(len(refs), 256, func(lo, hi int) []Finding { return c.judge(p, refs[lo:hi]) })
	for _, fs := range found {
		for _, f := range fs {
			p.Report(f)
		}
	}
}

// judge returns the context findings of refs, in order.
func (c *corpus) judge(p *Pass, refs []Ref) []Finding {
	var out []Finding
	rd := newReader()
	for _, r := range refs {
		if len(p.Batch.Articles) > 1 && p.GroupOf(r) >= 0 {
			continue // other outlets carry it: it belongs to the story
		}
		sp := p.Speakers.Of(r)
		f, ok := c.fitIn(p.Batch, r, sp, rd)
		if !ok || f.score >= p.opts.MaxFit {
			continue
		}
		c.explain(&f)
		who := "an unattributed quote"
		if sp.Name != "" {
			who = "a quote from " + sp.Name
		}
		msg := fmt.Sprintf("%s shares little with its context (fit %.2f)", who, f.score)
		if f.before != "" {
			msg += fmt.Sprintf(", set after %q", excerpt(f.before, 70))
		}
		ev := []string{
			fmt.Sprintf("fit score %.2f, threshold %.2f: weighted share of the quote's key terms found around it", f.score, p.opts.MaxFit),
			"quote's key terms: " + strings.Join(f.quoteTerms, ", "),
			"context's key terms: " + strings.Join(f.localTerms, ", "),
			"shared with the context: " + listOrNone(f.shared),
			"shared only with the story: " + listOrNone(f.storyShared),
		}
		ev = append(ev, c.elsewhere(p, r, sp, rd)...)
		out = append(out, Finding{
			Severity: Medium,
			Group:    p.GroupOf(r),
			Quotes:   []Ref{r},
			Message:  msg,
			Evidence: ev,
			Score:    math.Round(f.score*1000) / 1000,
		})
	}
	return out
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// elsewhereArticles is the largest number of other articles elsewhere
// describes; past it, it counts the rest. A common surname may be in
// thousands of articles of a large batch.
const elsewhereArticles = 10

// elsewhere describes where the speaker of r appears in the other
// articles of the batch, and on what subject: one line per article, with
// the key terms of the first paragraph naming them, for the first
// elsewhereArticles articles, then how many more there are.
func (c *corpus) elsewhere(p *Pass, r Ref, sp Speaker, rd *reader) []string {
	if sp.Kind != attrib.Person || sp.Name == "" {
		return nil
	}
	words := strings.Fields(sp.Name)
	lastName := words[len(words)-1]
	nameStems := map[string]bool{}
	for _, w := range words {
		nameStems[stem(Normalize(w))] = true
	}
	var out []string
	// The mentions are in batch order, one an article: past the first
	// elsewhereArticles of other articles, the rest are only counted.
	ms := c.mentions[lastName]
	others := len(ms)
	if _, found := slices.BinarySearchFunc(ms, r.Article, func(m Ref, i int) int { return cmp.Compare(m.Article, i) }); found {
		others--
	}
	for _, at := range ms {
		if len(out) == elsewhereArticles {
			break
		}
		if at.Article == r.Article {
			continue
		}
		m := mention{at, sp.Name}
		line, ok := rd.elsewhere[m]
		if !ok {
			a := p.Batch.Articles[at.Article]
			rd.stems, rd.forms = rd.appendTerms(rd.stems[:0], rd.forms[:0], a.Para(at.Quote))
			top := c.heaviest(rd.stems, rd.forms, nameStems, 5)
			line = fmt.Sprintf("%s also appears in %s (paragraph %d): %s", sp.Name, a.Source, at.Quote+1, strings.Join(top, ", "))
			rd.elsewhere[m] = line
		}
		out = append(out, line)
	}
	more := others - len(out)
	switch {
	case len(out) == 0:
		out = append(out, sp.Name+" appears in no other article of the batch")
	case more == 1:
		out = append(out, sp.Name+" also appears in 1 more article")
	case more > 1:
		out = append(out, fmt.Sprintf("%s also appears in %d more articles", sp.Name, more))
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// splitCredit splits the rest of a paragraph after a quote ending at end
// into the credit line, the rest of the sentence holding the quote, and
// what follows it. The sentence ends at the first full stop, question or
// exclamation mark followed by a space and a capital letter or an opening
// quotation mark, or at the paragraph's end.
func splitCredit(text string, end, paraEnd int) (credit, after string) {
	if end < 0 || paraEnd > len(text) || end >= paraEnd {
		return "", ""
	}
	s := text[end:paraEnd]
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '.' && s[i] != '!' && s[i] != '?' || s[i+1] != ' ' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) {
			break
		}
		r, _ := utf8.DecodeRuneInString(s[j:])
		if unicode.IsUpper(r) || strings.ContainsRune("\"“‘'", r) {
			return s[:i+1], s[j:]
		}
	}
	return s, ""
}
