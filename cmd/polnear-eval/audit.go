package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"quotecheck/attrib"
	"quotecheck/compare"
	"quotecheck/internal/polnear"
)

// auditFigures is what auditing articles of the corpus as one batch shows.
type auditFigures struct {
	Articles, Quotes, Groups int
	Findings                 map[string]int // by "check severity": "wording high"

	// Of the cross-outlet pairs whose articles are in the batch: how many
	// are likely one quote and how many of those the audit grouped, the
	// same for pairs likely of different quotes, the pairs the figures
	// leave unclear, and those whose quotes the finder did not find.
	Same, SameGrouped           int
	Different, DifferentGrouped int
	Unclear, Unlocated          int
}

// auditCorpus finds the quotes of every case, audits them as one batch and
// scores the grouping against the pairs.
func auditCorpus(cases []*polnear.Case, pairs []polnear.Pair) auditFigures {
	b := &compare.Batch{}
	index := map[string]int{} // Doc.ID → index in b
	for _, c := range cases {
		qs, _ := attrib.Find(c.Article)
		index[c.Doc.ID] = len(b.Articles)
		b.Articles = append(b.Articles, c.Article)
		b.Quotes = append(b.Quotes, qs)
	}
	au := compare.Run(b, compare.Options{})
	f := auditFigures{Articles: len(b.Articles), Groups: len(au.Groups), Findings: map[string]int{}}
	for _, qs := range b.Quotes {
		f.Quotes += len(qs)
	}
	for _, fd := range au.Findings {
		f.Findings[fd.Check.Name+" "+fd.Severity.String()]++
	}
	groupOf := map[compare.Ref]int{}
	for gi, g := range au.Groups {
		for _, r := range g.Quotes {
			groupOf[r] = gi
		}
	}
	for _, p := range pairs {
		ia, okA := index[p.A.Article]
		ib, okB := index[p.B.Article]
		if !okA || !okB {
			continue // an article outside the split
		}
		ra, rb := locate(b, ia, p.A.Content), locate(b, ib, p.B.Content)
		if len(ra) == 0 || len(rb) == 0 {
			f.Unlocated++
			continue
		}
		grouped := false
		for _, x := range ra {
			for _, y := range rb {
				gx, okX := groupOf[x]
				gy, okY := groupOf[y]
				grouped = grouped || okX && okY && gx == gy
			}
		}
		switch p.Likely() {
		case polnear.Same:
			f.Same++
			if grouped {
				f.SameGrouped++
			}
		case polnear.Different:
			f.Different++
			if grouped {
				f.DifferentGrouped++
			}
		default:
			f.Unclear++
		}
	}
	return f
}

// locate returns the quotes of article i of b whose words and content
// hold one another, both reduced to lower-case letters and digits (see
// plainWords); quotes of fewer than 12 such characters are passed over.
func locate(b *compare.Batch, i int, content string) []compare.Ref {
	c := plainWords(content)
	var out []compare.Ref
	for j := range b.Quotes[i] {
		r := compare.Ref{Article: i, Quote: j}
		if t := plainWords(b.Text(r)); len(t) >= 12 && (strings.Contains(c, t) || strings.Contains(t, c)) {
			out = append(out, r)
		}
	}
	return out
}

// plainWords lower-cases s and turns every run of other characters than
// letters and digits into one space.
func plainWords(s string) string {
	var sb strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
			space = false
		} else if !space {
			sb.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(sb.String())
}

// readPairs reads the pairs file beside the corpus file at path.
func readPairs(path string) ([]polnear.Pair, error) {
	f, err := os.Open(filepath.Join(filepath.Dir(path), polnear.PairsFileName))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return polnear.ReadPairs(f)
}

// writeAudit writes the figures of auditCorpus.
func writeAudit(w io.Writer, split string, f auditFigures) error {
	var keys []string
	for k := range f.Findings {
		if strings.HasPrefix(k, "wording ") || strings.HasPrefix(k, "attribution ") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, f.Findings[k]))
	}
	_, err := fmt.Fprintf(w, "PolNeAR %s split audited as one batch: articles %d, quotes %d, groups %d\n"+
		"findings: %s\n"+
		"cross-outlet pairs: likely one quote %d/%d grouped; likely different quotes %d/%d grouped; %d unclear; %d not found by the finder\n",
		split, f.Articles, f.Quotes, f.Groups, strings.Join(parts, ", "),
		f.SameGrouped, f.Same, f.DifferentGrouped, f.Different, f.Unclear, f.Unlocated)
	return err
}
