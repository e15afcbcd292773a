#!/usr/bin/env bash
# Times whole quotecheck runs on generated news and prints one Markdown
# table: for each corpus size, wc -w (the floor: reading the bytes once),
# quotecheck extract and quotecheck audit, with articles/s, MB/s of the
# corpus file, peak memory (max RSS) and the ratio of each run's time to
# wc -w's. The audit is then checked against what the generator planted,
# and the growth of its time from each size to the next is printed.
#
# Usage: scripts/bench.sh [ARTICLES...]     (default: 1000 10000 100000)
#
# Environment:
#   BENCH_DIR      where corpora and outputs go (default: a new temporary
#                  directory, removed at the end unless BENCH_KEEP=1)
#   BENCH_JOBS     --jobs for extract and the machine's core count for
#                  audit (default: all cores)
#   BENCH_TIMEOUT  seconds a single run may take before it is stopped and
#                  reported as "timeout" (default 1800)
#   BENCH_REPEAT   rounds of audit (default 3): after the first, each round
#                  audits every size once more, and the growth of audit's
#                  time from one size to the next is that of the medians
#
# Needs Go, and GNU time (/usr/bin/time -v) for peak memory; without it
# the memory column says n/a.
set -euo pipefail

cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
	sizes=(1000 10000 100000)
fi
for n in "${sizes[@]}"; do
	case $n in
	'' | *[!0-9]*)
		echo "usage: scripts/bench.sh [ARTICLES...]" >&2
		exit 2
		;;
	esac
done

dir=${BENCH_DIR:-}
if [ -z "$dir" ]; then
	dir=$(mktemp -d)
	if [ "${BENCH_KEEP:-0}" != 1 ]; then
		trap 'rm -rf "$dir"' EXIT
	fi
fi
mkdir -p "$dir"
jobs=${BENCH_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
limit=${BENCH_TIMEOUT:-1800}
repeat=${BENCH_REPEAT:-3}
case $repeat in
'' | *[!0-9]* | 0)
	echo "scripts/bench.sh: BENCH_REPEAT must be a whole number of rounds, at least 1" >&2
	exit 2
	;;
esac

go build -o "$dir/quotecheck" ./cmd/quotecheck
go build -o "$dir/quotecheck-gen" ./cmd/quotecheck-gen

gnutime=
if /usr/bin/time -v true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
fi

# measure OUT ERR CMD...: runs CMD with stdout to OUT and stderr to ERR,
# and sets secs (wall clock, from date's nanoseconds), rss (max RSS in MB,
# or n/a) and status (the exit status, or "timeout").
measure() {
	local out=$1 err=$2
	shift 2
	local tf="$dir/time.txt" start end rc=0
	rm -f "$tf"
	# Files written before (the corpus, the last report) go to disk now,
	# not in the background during the run being timed.
	sync
	start=$(date +%s%N)
	if [ -n "$gnutime" ]; then
		# time outside timeout, so that a run that is stopped still has
		# its peak memory reported.
		"$gnutime" -v -o "$tf" timeout "$limit" "$@" >"$out" 2>"$err" || rc=$?
	else
		timeout "$limit" "$@" >"$out" 2>"$err" || rc=$?
	fi
	end=$(date +%s%N)
	secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
	rss=n/a
	if [ -n "$gnutime" ] && [ -s "$tf" ]; then
		rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tf")
	fi
	status=$rc
	if [ "$rc" = 124 ]; then
		status=timeout
	fi
}

echo "# quotecheck scale benchmark"
echo
echo "$(uname -srm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores, $(go version | awk '{print $3}'), --jobs $jobs"
echo

# row NAME: adds a table row for the run just measured, of size n.
row() {
	local aps mbs ratio
	if [ "$status" = timeout ]; then
		rows+=("| $n | $mb | $1 | > $limit (stopped) | | | $rss at stop | |")
		return
	fi
	aps=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
	mbs=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')
	ratio=$(awk -v s="$secs" -v w="$wc_secs" 'BEGIN { printf "%.1f", (w > 0 ? s / w : 0) }')
	rows+=("| $n | $mb | $1 | $secs | $aps | $mbs | $rss | $ratio |")
}

rows=()
checks=()
# What each size's audit rounds measured, by index into sizes: seconds
# (space-separated, one a round), the highest max RSS, and whether a run
# was stopped (1), which leaves the size out of the later rounds.
audit_secs=()
audit_rss=()
audit_stopped=()
for i in "${!sizes[@]}"; do
	n=${sizes[$i]}
	feed="$dir/corpus-$n.jsonl"
	bad=$((n / 1000))
	"$dir/quotecheck-gen" -n "$n" -seed 1 -bad "$bad" -o "$feed"
	bytes=$(wc -c <"$feed")
	mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

	cat "$feed" >/dev/null # warm the page cache, so wc is not timing the disk
	measure "$dir/wc.out" "$dir/wc.err" wc -w "$feed"
	wc_secs=$secs
	status=0
	row "wc -w"

	measure /dev/null "$dir/extract-$n.err" "$dir/quotecheck" extract --format json --quiet --jobs "$jobs" "$feed"
	row "extract --format json"

	measure "$dir/audit-$n.json" "$dir/audit-$n.err" "$dir/quotecheck" audit --format json "$feed"
	row "audit --format json"
	audit_secs[i]=$secs
	audit_rss[i]=$rss
	audit_stopped[i]=0
	if [ "$status" = timeout ]; then
		audit_stopped[i]=1
		checks+=("$n articles: audit stopped after $limit s")
	elif [ "$status" != 0 ] && [ "$status" != 1 ] && [ "$status" != 2 ]; then
		checks+=("$n articles: audit failed (exit $status): $(tail -n 3 "$dir/audit-$n.err")")
	else
		found=$("$dir/quotecheck-gen" check -manifest "$dir/corpus-$n.manifest.json" "$dir/audit-$n.json" || true)
		checks+=("$n articles: $(echo "$found" | awk '/^all /{print $2 " planted alterations found"} /^unplanted/{print "; " $0}' | tr -d '\n')")
		echo "$found" >"$dir/check-$n.txt"
	fi
	rm -f "$dir/audit-$n.json"
done

# More rounds of audit alone, each running every size once, so that the
# sizes' times are compared on runs made close together.
for ((round = 2; round <= repeat; round++)); do
	for i in "${!sizes[@]}"; do
		n=${sizes[$i]}
		if [ "${audit_stopped[i]}" = 1 ]; then
			continue
		fi
		# To a file, as in the first round: writing the report is part of the run.
		measure "$dir/audit-$n.json" "$dir/audit-$n.err" "$dir/quotecheck" audit --format json "$dir/corpus-$n.jsonl"
		rm -f "$dir/audit-$n.json"
		if [ "$status" = timeout ]; then
			audit_stopped[i]=1
		fi
		audit_secs[i]="${audit_secs[i]} $secs"
		audit_rss[i]=$(awk -v a="${audit_rss[i]}" -v b="$rss" 'BEGIN { print (b > a ? b : a) }')
	done
done

echo "| articles | MB | run | seconds | articles/s | MB/s | max RSS (MB) | × wc -w |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Correctness (quotecheck-gen check):"
echo
for c in "${checks[@]}"; do
	echo "- $c"
done

# median: the median of the numbers given as arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo
if [ "$repeat" -gt 1 ]; then
	echo "Audit in $repeat rounds, each running every size once (the table above is round 1):"
	echo
	echo "| articles | seconds, round by round | median | highest max RSS (MB) |"
	echo "|---:|---|---:|---:|"
	for i in "${!sizes[@]}"; do
		if [ "${audit_stopped[i]}" = 1 ]; then
			echo "| ${sizes[$i]} | stopped after $limit s | | |"
			continue
		fi
		echo "| ${sizes[$i]} | ${audit_secs[i]} | $(median ${audit_secs[i]}) | ${audit_rss[i]} |"
	done
	echo
fi
echo "How audit's time grows with the batch (median of $repeat round(s)):"
echo
for ((i = 1; i < ${#sizes[@]}; i++)); do
	a=${sizes[$((i - 1))]} b=${sizes[$i]}
	if [ "${audit_stopped[i - 1]}" = 1 ] || [ "${audit_stopped[i]}" = 1 ]; then
		echo "- $a to $b articles: n/a (a run was stopped)"
		continue
	fi
	ta=$(median ${audit_secs[i - 1]})
	tb=$(median ${audit_secs[i]})
	awk -v a="$a" -v b="$b" -v ta="$ta" -v tb="$tb" 'BEGIN { printf "- %d to %d articles (%.1f×): time %.1f×\n", a, b, b / a, (ta > 0 ? tb / ta : 0) }'
done
