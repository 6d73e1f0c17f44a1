#!/usr/bin/env bash
# Load test of Lantu's public pages and the policy calculator, with wrk (Debian: apt-get install wrk).
#
#   bench/load/run.sh [BASE_URL]          # default http://127.0.0.1:8080; loopback only
#
# For each endpoint: a warm-up run (not counted), then a measured run
#   wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency [-s calculate.lua] URL
# and at the end a table of requests/s, p50, p90, p99 latency and each endpoint's throughput as a
# fraction of the trivial endpoint's (GET /actuator/info: an empty JSON object, no database, no
# template; it measures what Tomcat, the filters and the client cost on this machine).
#
# Endpoints: GET /actuator/info, GET / (layout map), /layout, /systems, /policies, /policies/calculator
# (pages asked for as a browser does, Accept: text/html), POST /api/v1/policy/calculate (calculate.lua:
# the Tianhe AI company of PolicyApiTests).
#
# Settings (environment): THREADS (2), CONNECTIONS (64), DURATION (20s), WARMUP (5s, 0 for none), TIMEOUT (10s:
# wrk's default of 2s would drop the slowest requests from the percentiles; one not answered in time is an error),
# ENDPOINTS (space-separated names to run a subset: info map layout systems policies calculator-page
# calculate), OUT (directory for wrk's raw output; default a new temporary directory), SERVER_PID (the server's
# process id when it runs on this machine: adds the server's CPU milliseconds per request, from /proc, a measure
# that another process competing for the cores disturbs far less than requests/s).
#
# Fails (exit 1) when a URL does not answer 200 before the run, when the calculator's answer is not the
# expected one, or when wrk counts any non-2xx/3xx response or socket error (timeouts included) in a measured run. wrk only
# counts statuses >= 400 as errors, so the 200 check before the run is what rules out redirects.
# The server is not started here; see docs/benchmarks.md ("Load test") for how it was run.
set -euo pipefail

BASE_URL="${1:-http://127.0.0.1:8080}"
BASE_URL="${BASE_URL%/}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
TIMEOUT="${TIMEOUT:-10s}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-$(mktemp -d -t lantu-load.XXXXXX)}"
mkdir -p "$OUT"

die() { echo "run.sh: $*" >&2; exit 1; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl is not installed"

# loopback only: a load test is not to be pointed at someone else's server
host="$(printf '%s' "$BASE_URL" | sed -E 's#^https?://##; s#/.*$##; s#^\[([^]]*)\].*$#\1#; s#:[0-9]+$##')"
case "$BASE_URL" in http://*|https://*) ;; *) die "expected a URL such as http://127.0.0.1:8080, got '$BASE_URL'";; esac
case "$host" in
	localhost|::1|127.*) ;;
	*) die "refusing '$host': only loopback addresses (127.0.0.0/8, ::1, localhost) are load-tested" ;;
esac
if [[ "$host" == 127.* ]] && ! [[ "$host" =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; then
	die "refusing '$host': not an IPv4 loopback address"
fi

# name | method | path | wrk extra args (one endpoint a line)
ALL=(
	"info|GET|/actuator/info|"
	"map|GET|/|page"
	"layout|GET|/layout|page"
	"systems|GET|/systems|page"
	"policies|GET|/policies|page"
	"calculator-page|GET|/policies/calculator|page"
	"calculate|POST|/api/v1/policy/calculate|lua"
)
SELECTED="${ENDPOINTS:-info map layout systems policies calculator-page calculate}"

# 1. every URL answers 200 before anything is measured
for entry in "${ALL[@]}"; do
	IFS='|' read -r name method path kind <<<"$entry"
	[[ " $SELECTED " == *" $name "* ]] || continue
	if [[ "$kind" == lua ]]; then
		body="$(sed -n '/^wrk.body = \[\[$/,/^\]\]$/p' "$HERE/calculate.lua" | sed '1d;$d')"
		code="$(curl -s -o "$OUT/$name.check" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
			-H 'Accept: application/json' --data-binary "$body" "$BASE_URL$path")" || die "$BASE_URL$path: no answer"
		[[ "$code" == 200 ]] || die "$method $path answered $code, expected 200: $(head -c 400 "$OUT/$name.check")"
		grep -q '"text":"230万元"' "$OUT/$name.check" \
			|| die "$method $path answered 200 but not the expected total of 230万元: $(head -c 400 "$OUT/$name.check")"
	else
		accept='application/json'; [[ "$kind" == page ]] && accept='text/html'
		code="$(curl -s -o "$OUT/$name.check" -w '%{http_code}' -H "Accept: $accept" "$BASE_URL$path")" \
			|| die "$BASE_URL$path: no answer"
		[[ "$code" == 200 ]] || die "$method $path answered $code, expected 200"
	fi
done

# latency as wrk prints it (850.00us, 12.34ms, 1.20s, 2.00m) in milliseconds
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
		printf "%.2f", n }'
}

run_wrk() { # name kind url duration
	local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$4" --timeout "$TIMEOUT" --latency)
	case "$2" in
		lua) args+=(-s "$HERE/calculate.lua") ;;
		page) args+=(-H 'Accept: text/html') ;;
		*) args+=(-H 'Accept: application/json') ;;
	esac
	wrk "${args[@]}" "$3"
}

# the server's user + system CPU time in clock ticks, when SERVER_PID names it
server_cpu_ticks() {
	[[ -n "${SERVER_PID:-}" && -r "/proc/$SERVER_PID/stat" ]] || return 0
	# fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses
	sed -E 's/^.*\) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }'
}

# 2. warm-up and measured run per endpoint
declare -A RPS P50 P90 P99 ERRS CPU
failed=0
for entry in "${ALL[@]}"; do
	IFS='|' read -r name method path kind <<<"$entry"
	[[ " $SELECTED " == *" $name "* ]] || continue
	if [[ "$WARMUP" != 0 ]]; then
		run_wrk "$name" "$kind" "$BASE_URL$path" "$WARMUP" >"$OUT/$name.warmup.txt"
	fi
	echo "measuring $method $path ($THREADS threads, $CONNECTIONS connections, $DURATION)" >&2
	cpu_before="$(server_cpu_ticks)"
	run_wrk "$name" "$kind" "$BASE_URL$path" "$DURATION" >"$OUT/$name.txt"
	cpu_after="$(server_cpu_ticks)"
	requests="$(awk '/requests in/ {print $1}' "$OUT/$name.txt")"
	CPU[$name]='–'
	if [[ -n "$cpu_before" && -n "$cpu_after" && "${requests:-0}" -gt 0 ]]; then
		CPU[$name]="$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
			'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
	fi
	RPS[$name]="$(awk '/^Requests\/sec:/ {print $2}' "$OUT/$name.txt")"
	P50[$name]="$(to_ms "$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")")"
	P90[$name]="$(to_ms "$(awk '$1 == "90%" {print $2}' "$OUT/$name.txt")")"
	P99[$name]="$(to_ms "$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")")"
	non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$OUT/$name.txt")"
	# "Socket errors: connect 0, read 0, write 0, timeout 12": a timeout is a request not answered within TIMEOUT
	socket="$(awk '/Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i } END { print s + 0 }' "$OUT/$name.txt")"
	ERRS[$name]="$(( ${non2xx:-0} + ${socket:-0} ))"
	if (( ERRS[$name] > 0 )); then
		echo "run.sh: $method $path: ${non2xx:-0} non-2xx/3xx responses, ${socket:-0} socket errors or timeouts (see $OUT/$name.txt)" >&2
		failed=1
	fi
done

# 3. the table (markdown)
printf '\n| endpoint | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | errors | throughput / trivial | server CPU ms/request |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for entry in "${ALL[@]}"; do
	IFS='|' read -r name method path kind <<<"$entry"
	[[ " $SELECTED " == *" $name "* ]] || continue
	ratio='–'
	if [[ -n "${RPS[info]:-}" ]]; then
		ratio="$(awk -v a="${RPS[$name]}" -v b="${RPS[info]}" 'BEGIN { printf "%.3f", a / b }')"
	fi
	printf '| `%s %s` | %.0f | %s | %s | %s | %s | %s | %s |\n' "$method" "$path" "${RPS[$name]}" "${P50[$name]}" \
		"${P90[$name]}" "${P99[$name]}" "${ERRS[$name]}" "$ratio" "${CPU[$name]}"
done
echo
echo "wrk's output: $OUT" >&2
if (( failed )); then
	echo "run.sh: FAILED: some requests were answered with an error (see above)" >&2
	exit 1
fi
