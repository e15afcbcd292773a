package main

import (
	"fmt"
	"io"
	"runtime"

	"quotecheck/attrib"
	"quotecheck/compare"
	"quotecheck/report"
)

func init() {
	register(command{
		name:    "audit",
		summary: "find the quotes several outlets carry and flag what changed between them",
		run:     runAudit,
	})
}

const auditUsage = "quotecheck audit [--format table|json|csv|markdown] [--fail-on high|medium|low|info] [--outlet NAME] [--jobs N] [--quiet] input..."

// runAudit is quotecheck audit: it groups the quotes of a batch of
// articles about one story, compares each group's wordings and speakers,
// and reports the findings. Exit status 1 when a finding is at or above
// --fail-on, 2 on a usage error or an unreadable input (the readable inputs
// are still audited), else 0.
func runAudit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return audit(args, stdin, stdout, stderr, attrib.Find)
}

// audit is runAudit with the quote finder as a parameter, for tests.
func audit(args []string, stdin io.Reader, stdout, stderr io.Writer, find finder) int {
	fs := newFlagSet("audit", auditUsage, stderr)
	format := fs.String("format", "table", "output `format`: "+report.FormatList())
	failOn := compare.High
	fs.Var(&failOn, "fail-on", "exit 1 when a finding has this `severity` or higher: high, medium, low or info")
	outlet := fs.String("outlet", "", "set the outlet of every input to `NAME`")
	jobs := fs.Int("jobs", runtime.NumCPU(), "`number` of articles to parse and search at once")
	quiet := fs.Bool("quiet", false, "no progress line on standard error; unreadable inputs are still reported")
	defaultUsage := fs.Usage
	fs.Usage = func() {
		defaultUsage()
		fmt.Fprintf(stderr, "\nChecks:\n")
		for _, c := range compare.Checks {
			fmt.Fprintf(stderr, "  %-12s %s\n", c.Name, c.Title())
		}
	}
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	render, err := report.AuditRenderer(*format)
	if err != nil {
		fmt.Fprintf(stderr, "quotecheck: %v\n", err)
		return exitUsage
	}
	if *jobs < 1 {
		fmt.Fprintf(stderr, "quotecheck: --jobs %d: want at least 1\n", *jobs)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "quotecheck: audit: no inputs (give files, directories or - for standard input)\n")
		fs.Usage()
		return exitUsage
	}

	var errs []report.InputError
	batch := &compare.Batch{}
	prog := progressFor(stderr, *quiet)
	msgs := stderr
	if prog != nil {
		msgs = prog
	}
	// Quotes are found on --jobs goroutines and handed over in input order.
	gc := tuneAuditGC()
	defer gc.restore()
	l := &loader{stdin: stdin, outlet: *outlet, jobs: *jobs, find: find, progress: prog}
	l.stream(inputs, func(r *loaded) error {
		gc.loaded()
		if ie := r.err; ie != nil {
			fmt.Fprintf(msgs, "quotecheck: %s: %s\n", ie.Source, ie.Error)
			errs = append(errs, *ie)
			return nil
		}
		r.art.DropPage() // the audit reports no positions in pages
		batch.Articles = append(batch.Articles, r.art)
		batch.Quotes = append(batch.Quotes, r.quotes)
		return nil
	})
	if prog != nil {
		prog.done()
	}

	res := report.NewAudit(compare.Run(batch, compare.Options{}), errs)
	if err := render(stdout, res, outputOptions(stdout)); err != nil {
		fmt.Fprintf(stderr, "quotecheck: writing output: %v\n", err)
		return exitUsage
	}
	if len(res.Errors) > 0 {
		return exitUsage
	}
	if w, ok := res.Worst(); ok && w >= failOn {
		return exitFindings
	}
	return exitOK
}
