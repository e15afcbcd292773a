package polnear

import (
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"quotecheck/attrib"
)

// WriteTable writes the figures of r as a table: counts, recall (and the
// part of it each Kind of matching quote makes up), speaker accuracy and
// the rough statement precision. Each row gives a count n, what it is
// counted out of, and n as a percentage of that.
func WriteTable(w io.Writer, r *Result) error {
	var rows [][]string
	count := func(name string, n int) {
		rows = append(rows, []string{name, fmt.Sprint(n), "", ""})
	}
	share := func(name string, n, of int) {
		rows = append(rows, []string{name, fmt.Sprint(n), fmt.Sprint(of), fmt.Sprintf("%.1f", 100*ratio(n, of))})
	}
	kinds := []attrib.Kind{attrib.Statement, attrib.Fragment, attrib.Term}

	count("articles", r.Articles)
	count("relations quoting", r.Quoting)
	count("relations with a stray mark", r.Stray)
	count("gold quotes", r.Gold)
	share("  with a gold source", r.GoldWithSource, r.Gold)
	count("quotes found", r.Quotes)
	for _, k := range kinds {
		share("  "+k.String(), r.ByKind[k], r.Quotes)
	}
	count("finder problems", r.Problems)
	share("recall", r.Found, r.Gold)
	for _, k := range kinds {
		share("  matched by a "+k.String(), r.FoundByKind[k], r.Gold)
	}
	share("  missed, overlapped by less than half", r.Partial, r.Gold)
	share("speaker accuracy", r.SpeakerRight, r.SpeakerChecked)
	share("  wrong, gold source a pronoun", r.WrongPronoun, r.SpeakerChecked-r.SpeakerRight)
	share("no gold source, speaker given", r.NoSourceSpeaker, r.NoSource)
	share("statement precision (rough)", r.StatementsOnGold, r.Statements)

	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight}}),
	)
	t.Header("measure", "n", "of", "%")
	if err := t.Bulk(rows); err != nil {
		return err
	}
	return t.Render()
}
