// Command quotecheck checks who said what in the news: it finds the quotes in
// articles and the people they are attributed to, compares the same quote
// across outlets, and checks a draft against its sources.
//
// Usage:
//
//	quotecheck <command> [flags] [inputs]
//	quotecheck help [command]
//
// The commands are:
//
//	extract   list every quote in the articles and who it is attributed to
//	audit     find the same quote across outlets and flag what changed
//	check     check the quotes of a draft against its sources
//
// Inputs are files, directories (searched recursively for .txt, .text, .html
// and .htm files and .jsonl feeds, in lexical order; check's sources also
// .vtt and .srt), JSON Lines feeds of articles (gzip-compressed or not) and
// "-" for standard input. extract and audit read them on --jobs cores and
// show a progress line on a terminal unless --quiet is given. Flags may
// come before or after the inputs; "--" ends the flags.
//
// Exit status: 0 when every input was read; 1 when audit or check found
// something; 2 on a usage error or when an input could not be read (the
// other inputs are still reported).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// Exit codes.
const (
	exitOK       = 0 // every input read, nothing found
	exitFindings = 1 // audit or check found something
	exitUsage    = 2 // usage error or an unreadable input
)

// A command is one subcommand of quotecheck.
type command struct {
	name    string // as typed: "extract"
	summary string // one line for the usage message
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands holds the subcommands, filled by register from each command's
// file (extract.go, audit.go, check.go) so that adding a command is one line
// there. Read it only through lookup and usage, which do not depend on the
// order of registration.
var commands = map[string]command{}

// register adds c to the commands; it is called from init functions.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("quotecheck: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// commandNames returns the registered command names, sorted.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// run is the whole program: it dispatches args[0] to a subcommand and
// returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if name == "help" && len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run([]string{"-h"}, stdin, stdout, stderr)
			}
			fmt.Fprintf(stderr, "quotecheck: unknown command %q\n", args[1])
		}
		usage(stderr)
		return exitUsage
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "quotecheck: unknown command %q\n", name)
		usage(stderr)
		return exitUsage
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

// usage writes the top-level usage message to w.
func usage(w io.Writer) {
	fmt.Fprintf(w, "quotecheck checks who said what in the news.\n\n")
	fmt.Fprintf(w, "Usage:\n\n\tquotecheck <command> [flags] [inputs]\n\tquotecheck help <command>\n\n")
	fmt.Fprintf(w, "Commands:\n\n")
	for _, n := range commandNames() {
		fmt.Fprintf(w, "\t%-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "\nInputs are files, directories (searched for .txt, .text, .html, .htm) and - for standard input.\n")
	fmt.Fprintf(w, "Exit status: 0 all inputs read, 1 audit or check found something, 2 usage error or unreadable input.\n")
}

// newFlagSet returns a FlagSet for a subcommand that reports errors to
// stderr and prints the given usage line and the flag defaults on -h.
func newFlagSet(name, usageLine string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses args with fs, allowing flags to come after positional
// arguments ("extract a.txt --format json"), and returns the positional
// arguments in order. Everything after "--" is positional. A lone "-" is
// positional (standard input).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
