package compare

import (
	"cmp"
	"slices"

	"quotecheck/article"
	"quotecheck/attrib"
)

// A Batch is the articles audited together, about one story from
// different outlets, and the quotes found in each.
type Batch struct {
	Articles []*article.Article
	Quotes   [][]attrib.Quote // Quotes[i] are the quotes of Articles[i]; missing entries mean none
}

// A Ref names one quote of a Batch: Batch.Quotes[Article][Quote].
type Ref struct{ Article, Quote int }

func (r Ref) compare(o Ref) int {
	if c := cmp.Compare(r.Article, o.Article); c != 0 {
		return c
	}
	return cmp.Compare(r.Quote, o.Quote)
}

// Quote returns the quote r names.
func (b *Batch) Quote(r Ref) attrib.Quote { return b.Quotes[r.Article][r.Quote] }

// Text returns the words of the quote r names, as its article writes them.
// Offsets outside the text are clamped.
func (b *Batch) Text(r Ref) string {
	a, q := b.Articles[r.Article], b.Quote(r)
	s := min(max(q.Words.Start, 0), len(a.Text))
	e := min(max(q.Words.End, s), len(a.Text))
	return a.Text[s:e]
}

// refs returns every quote of b in batch order.
func (b *Batch) refs() []Ref {
	out := make([]Ref, 0, b.quotes())
	for i := range min(len(b.Articles), len(b.Quotes)) {
		for j := range b.Quotes[i] {
			out = append(out, Ref{i, j})
		}
	}
	return out
}

// quotes returns the number of quotes of b.
func (b *Batch) quotes() int {
	n := 0
	for i := range min(len(b.Articles), len(b.Quotes)) {
		n += len(b.Quotes[i])
	}
	return n
}

// A Group is one quote as more than one outlet carries it: quotes of at
// least two articles that are the same words (see Options for when two
// quotes are taken to be the same).
type Group struct {
	Quotes []Ref // every member, in batch order

	// Ref is the reference wording the others are compared with: the
	// fullest wording that most members agree with (see chooseReference).
	Ref  Ref
	Text string // Ref's words

	// How the members differ from Text is not kept here but worked out
	// when asked for: see Align.

	Articles int // number of distinct articles among the members
}

// A Finding is one thing an editor should look at.
type Finding struct {
	Check    *Check
	Severity Severity
	Group    int   // index into Audit.Groups; -1 when about quotes in no group
	Quotes   []Ref // the quotes concerned, the reference first for wording findings
	Message  string
	Diff     string // the word diff, "[-old-]{+new+}", for wording findings; empty otherwise

	// Evidence lines back the message up for an editor (for context
	// findings: key terms, the score, the speaker in other outlets).
	Evidence []string

	// Score orders findings of one check and severity, lowest first; for
	// context findings it is the fit score. Zero for other checks.
	Score float64
}

// Sources returns the sources of the articles of f's quotes, in order,
// without repeats.
func (f Finding) Sources(b *Batch) []string {
	var out []string
	for _, r := range f.Quotes {
		s := b.Articles[r.Article].Source
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// An Audit is the result of auditing a Batch.
type Audit struct {
	Batch    *Batch
	Groups   []Group   // the multi-outlet groups, in batch order of their first member
	Findings []Finding // most severe first; see sortFindings
	Speakers Speakers

	// Aligned is the number of candidate pairs of wordings the grouping
	// compared (most are ruled out by a bound on the words they share,
	// the others aligned): the measure of its work, at most linear in the
	// batch (see groupQuotes).
	Aligned int
}

// A Summary counts what an Audit saw and found.
type Summary struct {
	Articles, Quotes, Groups int
	BySeverity               [High + 1]int // findings of each severity, indexed by Severity
}

// Summary counts the articles, quotes, groups and findings of a.
func (a *Audit) Summary() Summary {
	s := Summary{Articles: len(a.Batch.Articles), Quotes: a.Batch.quotes(), Groups: len(a.Groups)}
	for _, f := range a.Findings {
		if f.Severity >= Info && f.Severity <= High {
			s.BySeverity[f.Severity]++
		}
	}
	return s
}

// Worst returns the highest severity among a's findings and whether there
// is any finding.
func (a *Audit) Worst() (Severity, bool) {
	if len(a.Findings) == 0 {
		return Info, false
	}
	w := Info
	for _, f := range a.Findings {
		w = max(w, f.Severity)
	}
	return w, true
}

// Options tune an audit. The zero value uses the defaults.
type Options struct {
	// MinContainment is the share of the shorter quote's words that must be
	// found, in order, in the other for the two to be one quote; 0 means
	// DefaultMinContainment.
	MinContainment float64

	// MinShared is the number of words two quotes must share, in order, to
	// be one quote; 0 means DefaultMinShared. Quotes shorter than that are
	// one quote only when their words are the same.
	MinShared int

	// MaxWordings drops from the index a word shingle held by more
	// distinct wordings than this (a stock phrase, not a quote); 0 means
	// DefaultMaxWordings.
	MaxWordings int

	// MaxFit is the context fit score below which a quote is flagged as
	// out of context; 0 means DefaultMaxFit.
	MaxFit float64

	// Checks are the checks to run; nil means Checks.
	Checks []*Check
}

// Defaults for Options. The README (quotecheck audit) says how they were chosen.
const (
	DefaultMinContainment = 0.6
	DefaultMinShared      = 4
	DefaultMaxWordings    = 50
	DefaultMaxFit         = 0.12
	ShingleSize           = 3 // words per shingle in the index
)

func (o Options) withDefaults() Options {
	if o.MinContainment <= 0 {
		o.MinContainment = DefaultMinContainment
	}
	if o.MinShared <= 0 {
		o.MinShared = DefaultMinShared
	}
	if o.MaxWordings <= 0 {
		o.MaxWordings = DefaultMaxWordings
	}
	if o.MaxFit <= 0 {
		o.MaxFit = DefaultMaxFit
	}
	if o.Checks == nil {
		o.Checks = Checks
	}
	return o
}

// Run audits a batch: it groups the quotes more than one outlet carries,
// aligns each group's members with its reference wording and runs the
// checks. It never fails; quotes whose spans lie outside their article
// are clamped.
func Run(b *Batch, opts Options) *Audit {
	opts = opts.withDefaults()
	a := &Audit{Batch: b, Speakers: canonicalSpeakers(b)}
	comps, aligned := groupQuotes(b, a.Speakers, opts)
	a.Aligned = aligned
	grouped := make([][]int32, len(b.Articles))
	for _, g := range newGroups(b, comps, opts) {
		if g.Articles < 2 {
			continue
		}
		for _, r := range g.Quotes {
			if grouped[r.Article] == nil {
				grouped[r.Article] = make([]int32, len(b.Quotes[r.Article]))
				for i := range grouped[r.Article] {
					grouped[r.Article][i] = -1
				}
			}
			grouped[r.Article][r.Quote] = int32(len(a.Groups))
		}
		a.Groups = append(a.Groups, g)
	}
	p := &Pass{Batch: b, Groups: a.Groups, Speakers: a.Speakers, grouped: grouped, opts: opts}
	for _, c := range opts.Checks {
		p.check = c
		c.Run(p)
	}
	a.Findings = p.findings
	sortFindings(a.Findings, opts.Checks)
	return a
}

// sortFindings orders findings by severity (highest first), then by the
// order of their checks, then by score (lowest first), then by their first
// quote, then by message.
func sortFindings(fs []Finding, checks []*Check) {
	index := func(c *Check) int {
		if i := slices.Index(checks, c); i >= 0 {
			return i
		}
		return len(checks)
	}
	slices.SortStableFunc(fs, func(x, y Finding) int {
		if c := cmp.Compare(y.Severity, x.Severity); c != 0 {
			return c
		}
		if c := cmp.Compare(index(x.Check), index(y.Check)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Score, y.Score); c != 0 {
			return c
		}
		if len(x.Quotes) > 0 && len(y.Quotes) > 0 {
			if c := x.Quotes[0].compare(y.Quotes[0]); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.Message, y.Message)
	})
}

// A Pass is what a Check's Run sees: the batch, its groups and speakers,
// and a way to report findings. Checks never print.
type Pass struct {
	Batch    *Batch
	Groups   []Group
	Speakers Speakers

	grouped  [][]int32 // [article][quote] → index of its multi-outlet group, or -1; nil for an article with none
	opts     Options
	check    *Check
	findings []Finding
}

// Report records a finding of the check being run.
func (p *Pass) Report(f Finding) {
	f.Check = p.check
	p.findings = append(p.findings, f)
}

// GroupOf returns the index of the multi-outlet group holding r, or -1.
func (p *Pass) GroupOf(r Ref) int {
	if r.Article < 0 || r.Article >= len(p.grouped) || r.Quote < 0 || r.Quote >= len(p.grouped[r.Article]) {
		return -1
	}
	return int(p.grouped[r.Article][r.Quote])
}

// outlet names the article of r for messages: its outlet, else its source.
func (b *Batch) outlet(r Ref) string {
	a := b.Articles[r.Article]
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.Source
}

// excerpt shortens s to about n bytes at a word boundary, for messages.
func excerpt(s string, n int) string {
	s = collapse(s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut] != ' ' {
		cut--
	}
	if cut == 0 {
		cut = n
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
