// Command polnear-eval measures the quote finder (attrib.Find) on the
// PolNeAR corpus of political news and lists its mistakes.
//
// Usage:
//
//	go run ./cmd/polnear-eval [flags]
//
// It prints a table of figures (recall, speaker accuracy, a rough statement
// precision; see package quotecheck/internal/polnear for how each is
// counted) and then, for each class named by -show, the finder's mistakes:
// gold quotes it missed, found quotes whose speaker disagrees with the gold
// source, and found quotes that overlap no gold quote. Each mistake gives
// the article id, the paragraph number and the sentence around the quote.
//
// Flags:
//
//	-data path    the corpus folder or its polnear.jsonl (default: $QUOTECHECK_POLNEAR,
//	              else ../shared/datasets/polnear)
//	-split name   train, dev, test or all (default dev)
//	-show list    comma-separated classes to list: missed, speaker, extra, all
//	              (missed, speaker and extra), gold (every gold quote, to check the gold itself)
//	-n count      list at most this many of each class, spread evenly over them (default 50; 0 for all)
//	-kind list    comma-separated kinds of extra quotes to list: statement, fragment, term, all
//	              (default statement)
//	-id text      only articles whose id contains text
//	-audit        instead, audit the articles as one batch (quotecheck audit's comparer)
//	              and count its wording and attribution findings and how many of the
//	              corpus's cross-outlet quote pairs it groups (see polnear.Pair)
//
// For example:
//
//	go run ./cmd/polnear-eval -show missed -n 30
//	go run ./cmd/polnear-eval -show speaker,extra -id politico
//	go run ./cmd/polnear-eval -audit -split all
//
// The exit code is 0 when it ran, 2 when it could not.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"quotecheck/attrib"
	"quotecheck/internal/polnear"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// defaultDir is where the corpus sits relative to the repository root.
const defaultDir = "../shared/datasets/polnear"

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("polnear-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "the corpus folder or its polnear.jsonl (default: $"+polnear.EnvVar+", else "+defaultDir+")")
	split := fs.String("split", "dev", "train, dev, test or all")
	show := fs.String("show", "", "comma-separated classes to list: missed, speaker, extra, all, gold")
	n := fs.Int("n", 50, "list at most this many of each class, spread evenly (0 for all)")
	kindList := fs.String("kind", "statement", "comma-separated kinds of extra quotes to list: statement, fragment, term, all")
	id := fs.String("id", "", "only articles whose id contains this")
	audit := fs.Bool("audit", false, "audit the articles as one batch and score the grouping against the cross-outlet pairs")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "polnear-eval: unexpected arguments %q\n", fs.Args())
		return 2
	}
	classes, gold, err := parseShow(*show)
	if err != nil {
		fmt.Fprintf(stderr, "polnear-eval: -show: %v\n", err)
		return 2
	}
	kinds, err := parseKinds(*kindList)
	if err != nil {
		fmt.Fprintf(stderr, "polnear-eval: -kind: %v\n", err)
		return 2
	}

	path := *data
	if path == "" {
		path = polnear.Path(defaultDir)
	} else if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = path + string(os.PathSeparator) + polnear.FileName
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "polnear-eval: %v (set -data or $%s to the corpus folder)\n", err, polnear.EnvVar)
		return 2
	}
	docs, err := polnear.Read(f, *split)
	f.Close()
	if err != nil {
		fmt.Fprintf(stderr, "polnear-eval: %s: %v\n", path, err)
		return 2
	}
	var cases []*polnear.Case
	for i := range docs {
		if !strings.Contains(docs[i].ID, *id) {
			continue
		}
		c, err := polnear.Build(&docs[i])
		if err != nil {
			fmt.Fprintf(stderr, "polnear-eval: %s: %v\n", path, err)
			return 2
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		fmt.Fprintf(stderr, "polnear-eval: no articles in split %q matching -id %q\n", *split, *id)
		return 2
	}

	if *audit {
		pairs, err := readPairs(path)
		if err != nil {
			fmt.Fprintf(stderr, "polnear-eval: %v\n", err)
			return 2
		}
		if err := writeAudit(stdout, *split, auditCorpus(cases, pairs)); err != nil {
			fmt.Fprintf(stderr, "polnear-eval: %v\n", err)
			return 2
		}
		return 0
	}

	r := polnear.Score(cases, attrib.Find)
	fmt.Fprintf(stdout, "PolNeAR %s split, %s\n", *split, path)
	if err := polnear.WriteTable(stdout, r); err != nil {
		fmt.Fprintf(stderr, "polnear-eval: %v\n", err)
		return 2
	}
	if err := list(stdout, r, cases, classes, gold, kinds, *n); err != nil {
		fmt.Fprintf(stderr, "polnear-eval: %v\n", err)
		return 2
	}
	return 0
}

// list writes the mistakes of each class asked for, then the gold quotes if
// asked for.
func list(w io.Writer, r *polnear.Result, cases []*polnear.Case, classes []polnear.Class, gold bool, kinds map[attrib.Kind]bool, n int) error {
	if len(classes) > 0 || gold {
		fmt.Fprintf(w, "\n%s\n", polnear.Legend)
	}
	for _, c := range classes {
		var items []polnear.Item
		for _, it := range r.Items {
			if it.Class == c && (c != polnear.Extra || kinds[it.Quote.Kind]) {
				items = append(items, it)
			}
		}
		picked := spread(items, n)
		fmt.Fprintf(w, "\n== %s: %d of %d ==\n", c, len(picked), len(items))
		if err := polnear.WriteItems(w, picked); err != nil {
			return err
		}
	}
	if gold {
		fmt.Fprintf(w, "\n== gold quotes ==\n")
		for _, c := range cases {
			if err := polnear.WriteGold(w, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// spread returns at most n of items (all if n is 0), evenly spaced over
// them so that a short listing still covers every outlet.
func spread(items []polnear.Item, n int) []polnear.Item {
	if n <= 0 || len(items) <= n {
		return items
	}
	out := make([]polnear.Item, n)
	for i := range out {
		out[i] = items[i*len(items)/n]
	}
	return out
}

func parseShow(s string) (classes []polnear.Class, gold bool, err error) {
	seen := map[polnear.Class]bool{}
	add := func(c polnear.Class) {
		if !seen[c] {
			seen[c] = true
			classes = append(classes, c)
		}
	}
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		switch name {
		case "":
		case "gold":
			gold = true
		case "all":
			add(polnear.Missed)
			add(polnear.WrongSpeaker)
			add(polnear.Extra)
		default:
			c, ok := polnear.ParseClass(name)
			if !ok {
				return nil, false, fmt.Errorf("unknown class %q: want missed, speaker, extra, all or gold", name)
			}
			add(c)
		}
	}
	return classes, gold, nil
}

func parseKinds(s string) (map[attrib.Kind]bool, error) {
	all := []attrib.Kind{attrib.Statement, attrib.Fragment, attrib.Term}
	kinds := map[attrib.Kind]bool{}
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		found := name == "all"
		for _, k := range all {
			if name == "all" || name == k.String() {
				kinds[k] = true
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown kind %q: want statement, fragment, term or all", name)
		}
	}
	return kinds, nil
}
