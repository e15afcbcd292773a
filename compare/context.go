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

// terms returns the key terms of s: the stems of its words that are not
// stopwords, numbers or shorter than three letters, each with the first
// lower-cased form that gave it, in order of first appearance.
func terms(s string) (stems []string, forms map[string]string) {
	forms = map[string]string{}
	for _, t := range Words(s) {
		if t.Kind != Word || len(t.Norm) < 3 || stopwords[t.Norm] {
			continue
		}
		st := stem(t.Norm)
		if stopwords[st] {
			continue
		}
		if _, ok := forms[st]; !ok {
			forms[st] = strings.TrimSuffix(t.Norm, "'s")
			stems = append(stems, st)
		}
	}
	return stems, forms
}

// corpus holds the term statistics of a batch.
type corpus struct {
	// mentions maps a capitalised word to the paragraphs using it, in
	// batch order, as Refs whose Quote field is the paragraph index.
	mentions map[string][]Ref
	paraDF   map[string]int  // paragraphs holding a term
	paras    int             // paragraphs in the batch
	story    map[string]bool // terms of at least half the articles (and two)
}

func newCorpus(b *Batch) *corpus {
	c := &corpus{mentions: map[string][]Ref{}, paraDF: map[string]int{}, story: map[string]bool{}}
	artDF := map[string]int{}
	for i, a := range b.Articles {
		inArt := map[string]bool{}
		for k, p := range a.Paragraphs {
			para := a.Text[p.Start:p.End]
			for _, t := range Words(para) {
				if t.Kind != Word || !startsUpper(t.Text) {
					continue
				}
				name := strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s")
				at := Ref{i, k}
				if ms := c.mentions[name]; len(ms) == 0 || ms[len(ms)-1] != at {
					c.mentions[name] = append(ms, at)
				}
			}
			ts, _ := terms(para)
			for _, t := range ts {
				c.paraDF[t]++
				inArt[t] = true
			}
			c.paras++
		}
		for t := range inArt {
			artDF[t]++
		}
	}
	if n := len(b.Articles); n >= 2 {
		need := max(2, (n+1)/2)
		for t, df := range artDF {
			if df >= need {
				c.story[t] = true
			}
		}
	}
	return c
}

// weight is a term's inverse paragraph frequency: ln(1 + P/df), where P
// is the number of paragraphs in the batch and df the number holding the
// term. A term in every paragraph weighs ln 2; one in a single paragraph
// of a hundred, ln 101.
func (c *corpus) weight(t string) float64 {
	return math.Log(1 + float64(c.paras)/float64(max(c.paraDF[t], 1)))
}

// isHeading reports whether a paragraph is a heading or a stray line
// rather than prose: fewer than eight words and no closing punctuation.
func isHeading(p string) bool {
	p = strings.TrimSpace(p)
	if len(strings.Fields(p)) >= 8 {
		return false
	}
	return !strings.ContainsAny(lastRune(p), ".!?\"”’:")
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// A contextFit is the context check's measure of one quote.
type contextFit struct {
	score       float64
	quoteTerms  []string // surface forms, heaviest first
	localTerms  []string
	shared      []string
	storyShared []string
	before      string // the prose paragraph before the quote's, if any
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
	a, q := b.Articles[r.Article], b.Quote(r)
	text := b.Text(r)
	if q.Kind != attrib.Statement || len(Words(text)) < contextMinWords {
		return contextFit{}, false
	}
	if q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
		return contextFit{}, false
	}
	p := a.Paragraphs[q.Paragraph]
	credit, after := splitCredit(a.Text, q.Words.End, p.End)

	qt, qforms := terms(text)
	name := map[string]bool{}
	for _, w := range strings.Fields(sp.Name) {
		name[stem(Normalize(w))] = true
	}
	ct, cforms := terms(credit)
	for _, t := range ct {
		if !name[t] && !slices.Contains(qt, t) {
			qt = append(qt, t)
			qforms[t] = cforms[t]
		}
	}
	if len(qt) < contextMinTerms {
		return contextFit{}, false
	}

	local := map[string]bool{}
	var localStems []string
	localForms := map[string]string{}
	add := func(s string) {
		ts, forms := terms(s)
		for _, t := range ts {
			if !local[t] {
				local[t] = true
				localStems = append(localStems, t)
			}
		}
		mergeForms(localForms, forms)
	}
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
		if isHeading(a.Para(k)) {
			continue
		}
		if n == 0 {
			f.before = a.Para(k)
		}
		add(a.Para(k))
		n++
	}
	for k, n := q.Paragraph+1, 0; k < len(a.Paragraphs) && n < contextAfter; k++ {
		if isHeading(a.Para(k)) {
			continue
		}
		add(a.Para(k))
		n++
	}

	var total, got float64
	for _, t := range qt {
		w := c.weight(t)
		total += w
		switch {
		case local[t]:
			got += w
			f.shared = append(f.shared, qforms[t])
		case c.story[t]:
			got += storyWeight * w
			f.storyShared = append(f.storyShared, qforms[t])
		}
	}
	if total == 0 {
		return contextFit{}, false
	}
	f.score = got / total
	f.quoteTerms = c.heaviest(qt, qforms, nil, evidenceTerms)
	f.localTerms = c.heaviest(localStems, localForms, name, evidenceTerms)
	return f, true
}

func mergeForms(dst, src map[string]string) {
	for k, v := range src {
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
}

// heaviest returns the surface forms of the n heaviest terms of ts, not in
// skip, heaviest first, ties in order of appearance.
func (c *corpus) heaviest(ts []string, forms map[string]string, skip map[string]bool, n int) []string {
	type tw struct {
		t string
		w float64
		i int
	}
	var list []tw
	for i, t := range ts {
		if !skip[t] {
			list = append(list, tw{t, c.weight(t), i})
		}
	}
	slices.SortStableFunc(list, func(x, y tw) int {
		if c := cmp.Compare(y.w, x.w); c != 0 {
			return c
		}
		return cmp.Compare(x.i, y.i)
	})
	var out []string
	for _, x := range list[:min(n, len(list))] {
		out = append(out, forms[x.t])
	}
	return out
}

// runContext reports the statements that fit their context worst.
func runContext(p *Pass) {
	c := newCorpus(p.Batch)
	for _, r := range p.Batch.refs() {
		if len(p.Batch.Articles) > 1 && p.GroupOf(r) >= 0 {
			continue // other outlets carry it: it belongs to the story
		}
		sp := p.Speakers[r]
		f, ok := c.fit(p.Batch, r, sp)
		if !ok || f.score >= p.opts.MaxFit {
			continue
		}
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
		ev = append(ev, c.elsewhere(p, r, sp)...)
		p.Report(Finding{
			Severity: Medium,
			Group:    p.GroupOf(r),
			Quotes:   []Ref{r},
			Message:  msg,
			Evidence: ev,
			Score:    math.Round(f.score*1000) / 1000,
		})
	}
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// elsewhere describes where the speaker of r appears in the other
// articles of the batch, and on what subject: one line per article, with
// the key terms of the first paragraph naming them.
func (c *corpus) elsewhere(p *Pass, r Ref, sp Speaker) []string {
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
	last := -1
	for _, at := range c.mentions[lastName] {
		if at.Article == r.Article || at.Article == last {
			continue
		}
		last = at.Article
		a := p.Batch.Articles[at.Article]
		ts, forms := terms(a.Para(at.Quote))
		top := c.heaviest(ts, forms, nameStems, 5)
		out = append(out, fmt.Sprintf("%s also appears in %s (paragraph %d): %s", sp.Name, a.Source, at.Quote+1, strings.Join(top, ", ")))
	}
	if len(out) == 0 {
		out = append(out, sp.Name+" appears in no other article of the batch")
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
