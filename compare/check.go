package compare

import (
	"fmt"
	"slices"
	"strings"

	"quotecheck/attrib"
)

// A Check is one kind of finding: a name (the "kind" in the output), a
// doc whose first line is its title, and a Run that reports findings
// through a Pass, as analysis.Analyzer does.
type Check struct {
	Name string
	Doc  string
	Run  func(*Pass)
}

// Title returns the first line of c's Doc.
func (c *Check) Title() string {
	t, _, _ := strings.Cut(c.Doc, "\n")
	return t
}

// The checks.
var (
	Wording = &Check{
		Name: "wording",
		Doc: `the same quote is worded differently in different outlets
Each member of a group is aligned with the group's reference wording. A
substantive difference (words added, dropped or changed) is a finding:
high when it may shift the meaning (negation, numbers, dates, names,
modality), medium otherwise. Cosmetic differences, elisions marked with an
ellipsis, bracketed insertions and partial quotes are only noted.`,
		Run: runWording,
	}
	Attribution = &Check{
		Name: "attribution",
		Doc: `the same quote is attributed to different speakers
Two named people for one quote is high. A named person in one outlet and an
unnamed source or an organisation in another is low. Differently described
unnamed sources ("a U.S. official", "two US officials") are no finding.
Names are compared across articles: "Defense Secretary Lloyd Austin",
"Lloyd Austin" and "Austin" are one person.`,
		Run: runAttribution,
	}
	Context = &Check{
		Name: "context",
		Doc: `a quote is set in a context it shares little with
The quote's key terms (its words and its credit line, the rest of the
sentence holding it) are weighed by how rare they are in the batch and
matched against the text around it (the two prose paragraphs before and
after, the rest of its own paragraph) and, at half weight, against the terms
most of the batch's articles use (the story). A fit score below the
threshold is a finding, medium, with the key terms of both sides, the score,
and where the same speaker appears in other outlets and on what subject.
Only quotes no other outlet of the batch carries are judged: a quote that
several outlets print belongs to the story.`,
		Run: runContext,
	}
	Unconfirmed = &Check{
		Name: "unconfirmed",
		Doc: `a named person's quote that only one outlet carries
A statement is low, a fragment or a term info. Only raised when the batch
has more than one article.`,
		Run: runUnconfirmed,
	}
)

// Checks are all the checks, in the order their findings are listed at
// one severity.
var Checks = []*Check{Wording, Attribution, Context, Unconfirmed}

// CheckNamed returns the check with the given name, or nil.
func CheckNamed(name string) *Check {
	for _, c := range Checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// runWording reports each distinct substantive variant of a group once,
// with every quote worded that way.
func runWording(p *Pass) {
	for gi, g := range p.Groups {
		if verbatim(p.Batch, g) {
			continue
		}
		type variant struct {
			d      *WordDiff
			quotes []Ref
		}
		var variants []*variant
		byKey := map[string]*variant{}
		diffs := g.Align(p.Batch).Diffs
		for i, r := range g.Quotes {
			d := diffs[i]
			if r == g.Ref || d.Class != Substantive {
				continue
			}
			key := d.String()
			v, ok := byKey[key]
			if !ok {
				v = &variant{d: d}
				byKey[key] = v
				variants = append(variants, v)
			}
			v.quotes = append(v.quotes, r)
		}
		for _, v := range variants {
			var outlets []string
			for _, r := range v.quotes {
				if o := p.Batch.outlet(r); !slices.Contains(outlets, o) {
					outlets = append(outlets, o)
				}
			}
			msg := fmt.Sprintf("%s worded differently from %s: %s", strings.Join(outlets, ", "), p.Batch.outlet(g.Ref), describe(v.d))
			if len(v.d.Reasons) > 0 {
				msg += " (" + reasonList(v.d.Reasons) + ")"
			}
			p.Report(Finding{
				Severity: v.d.Severity,
				Group:    gi,
				Quotes:   append([]Ref{g.Ref}, v.quotes...),
				Message:  msg,
				Diff:     v.d.String(),
			})
		}
	}
}

// verbatim reports whether every member of g is written as its reference
// is, so that there is nothing to align.
func verbatim(b *Batch, g Group) bool {
	for _, r := range g.Quotes {
		if b.Text(r) != g.Text {
			return false
		}
	}
	return true
}

// describe says in words what the substantive changes of d are, at most
// three of them.
func describe(d *WordDiff) string {
	var parts []string
	for _, c := range d.Changes {
		if c.Outside || c.Class != Substantive {
			continue
		}
		del, ins := joinText(d.A, c.Del), joinText(d.B, c.Ins)
		switch {
		case ins == "":
			parts = append(parts, fmt.Sprintf("dropped %q", del))
		case del == "":
			parts = append(parts, fmt.Sprintf("added %q", ins))
		default:
			parts = append(parts, fmt.Sprintf("%q for %q", ins, del))
		}
	}
	const most = 3
	if len(parts) > most {
		parts = append(parts[:most], fmt.Sprintf("and %d more", len(parts)-most))
	}
	return strings.Join(parts, "; ")
}

func reasonList(rs []Reason) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.String())
	}
	return strings.Join(s, ", ")
}

// runAttribution compares the speakers of each group's members.
func runAttribution(p *Pass) {
	for gi, g := range p.Groups {
		type who struct {
			sp      Speaker
			quotes  []Ref
			outlets []string
		}
		var people, others []*who
		byKey := map[string]*who{}
		for _, r := range g.Quotes {
			sp := p.Speakers.Of(r)
			if sp.Key == "" || p.Batch.Quote(r).Kind == attrib.Term {
				continue // a scare-quoted label is nobody's words to misattribute
			}
			w, ok := byKey[sp.Key]
			if !ok {
				w = &who{sp: sp}
				byKey[sp.Key] = w
				if sp.Kind == attrib.Person {
					people = append(people, w)
				} else {
					others = append(others, w)
				}
			}
			w.quotes = append(w.quotes, r)
			if o := p.Batch.outlet(r); !slices.Contains(w.outlets, o) {
				w.outlets = append(w.outlets, o)
			}
		}
		desc := func(ws []*who) (string, []Ref) {
			var parts []string
			var refs []Ref
			for _, w := range ws {
				name := w.sp.Name
				if w.sp.Kind != attrib.Person {
					name = fmt.Sprintf("%q", name)
				}
				parts = append(parts, fmt.Sprintf("%s (%s)", name, strings.Join(w.outlets, ", ")))
				refs = append(refs, w.quotes...)
			}
			return strings.Join(parts, ", "), refs
		}
		switch {
		case len(people) >= 2:
			s, refs := desc(people)
			slices.SortFunc(refs, Ref.compare)
			p.Report(Finding{
				Severity: High,
				Group:    gi,
				Quotes:   refs,
				Message:  "one quote, different speakers: " + s,
			})
		case len(people) == 1 && len(others) > 0:
			s1, r1 := desc(people)
			s2, r2 := desc(others)
			refs := append(r1, r2...)
			slices.SortFunc(refs, Ref.compare)
			p.Report(Finding{
				Severity: Low,
				Group:    gi,
				Quotes:   refs,
				Message:  fmt.Sprintf("named as %s, but credited to %s", s1, s2),
			})
		}
	}
}

// runUnconfirmed reports the named people's quotes no other outlet
// carries.
func runUnconfirmed(p *Pass) {
	if len(p.Batch.Articles) < 2 {
		return
	}
	for _, r := range p.Batch.refs() {
		sp := p.Speakers.Of(r)
		if sp.Kind != attrib.Person || p.GroupOf(r) >= 0 {
			continue
		}
		sev := Info
		if p.Batch.Quote(r).Kind == attrib.Statement {
			sev = Low
		}
		p.Report(Finding{
			Severity: sev,
			Group:    -1,
			Quotes:   []Ref{r},
			Message:  fmt.Sprintf("only %s carries this quote from %s", p.Batch.outlet(r), sp.Name),
		})
	}
}
