package verify

import (
	"fmt"
	"strings"

	"quotecheck/attrib"
	"quotecheck/compare"
)

// A Policy says which results fail the check. It is a flag.Value:
// a comma-separated list of verdicts, each optionally with the least
// severity that fails ("altered:high"), or "none".
type Policy struct {
	least map[Verdict]compare.Severity // verdict → least severity that fails
}

// DefaultPolicy is the policy when none is given: an altered quote fails
// when the change may shift its meaning (high severity); a misattributed
// or unverified one always does.
const DefaultPolicy = "altered:high,misattributed,unverified"

// ParsePolicy reads a policy such as "altered,misattributed" or
// "altered:medium,unverified"; "none" fails nothing.
func ParsePolicy(s string) (Policy, error) {
	var p Policy
	err := p.Set(s)
	return p, err
}

// MustPolicy is ParsePolicy for policies written in the program, which
// panics on an error.
func MustPolicy(s string) Policy {
	p, err := ParsePolicy(s)
	if err != nil {
		panic(err)
	}
	return p
}

// Set replaces p with the policy s describes.
func (p *Policy) Set(s string) error {
	least := map[Verdict]compare.Severity{}
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "none") {
		p.least = least
		return nil
	}
	for _, item := range strings.Split(s, ",") {
		name, sev, hasSev := strings.Cut(strings.TrimSpace(item), ":")
		if name == "" {
			return fmt.Errorf("empty verdict in %q", s)
		}
		v, err := ParseVerdict(name)
		if err != nil {
			return err
		}
		at := compare.Info
		if hasSev {
			if at, err = compare.ParseSeverity(sev); err != nil {
				return fmt.Errorf("verdict %s: %w", v, err)
			}
		}
		least[v] = at
	}
	p.least = least
	return nil
}

// String writes p in the form Set reads, verdicts in order.
func (p *Policy) String() string {
	if p == nil || p.least == nil {
		return DefaultPolicy
	}
	var parts []string
	for _, v := range Verdicts {
		at, ok := p.least[v]
		switch {
		case !ok:
		case at == compare.Info:
			parts = append(parts, v.String())
		default:
			parts = append(parts, v.String()+":"+at.String())
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ",")
}

// Fails reports whether r fails the check under p. A term (scare quotes)
// never fails. The zero Policy is DefaultPolicy.
func (p Policy) Fails(r Result) bool {
	if r.Quote.Kind == attrib.Term {
		return false
	}
	least := p.least
	if least == nil {
		least = MustPolicy(DefaultPolicy).least
	}
	at, ok := least[r.Verdict]
	return ok && r.Severity >= at
}
