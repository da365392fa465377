#!/usr/bin/env bash
# browser.sh PAGE TSV PNG [PAGE TSV PNG ...] -- interactive path pages in a real browser (headless
# Chromium), one data set per triple.
#
# Each page is opened with #selftest=A,B,C: it moves its slider to the stored iterates A and B
# (value + an 'input' event, the slider's own code path) and reaches C by the page's ArrowRight key
# from C - 1, then chooses observation 0 in its list and presses play; it writes what it DISPLAYS
# (the cluster count text, the colour groups of the dendrogram's leaves, the level of the cut line,
# the label shown) into <pre id="selftest">, which --dump-dom returns.  The expected values are
# computed here from the data file, independently of the page: at iterate s, the number of distinct
# cluster labels, which must also equal the file's nclusters column and the count left by cutting
# the file's dendrogram at that level.  A screenshot of the page at level B (observation 0
# labelled) goes to PNG.
#
# Responsiveness, with criteria fixed before measuring: the page loads in under 1 s (navigation
# start to the first frame drawn and rasterized, the fastest of three opens), a slider step takes
# at most 1/30 s at the 95th percentile (every step up the path and back down, each drawn and
# rasterized before the next, the fastest of three sweeps per step: on a shared machine other
# programs only add time), and the page is at most 5 MB.
# Last line: "browser: N passed, N failed"; the exit status is non-zero on any failure.
set -u
[ $# -ge 3 ] && [ $(($# % 3)) -eq 0 ] || { echo "usage: tests/browser.sh PAGE TSV PNG [PAGE TSV PNG ...]" >&2; exit 2; }
chromium=${CHROMIUM:-chromium}
passed=0 failed=0 perf=()
ok()   { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
command -v "$chromium" >/dev/null || { fail "no $chromium (make test-browser installs it)"; echo "browser: $passed passed, $failed failed"; exit 1; }

profile=$(mktemp -d) || exit 2
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-default-apps --disable-extensions --disable-sync --no-first-run --no-default-browser-check
       --mute-audio --hide-scrollbars --user-data-dir="$profile" --virtual-time-budget=5000)

check_page() {   # check_page PAGE TSV PNG
  local page=$1 tsv=$2 png=$3 name leaves
  name=$(basename "$page" .html)
  leaves=${tsv%.tsv}-leaves.tsv
  for f in "$page" "$tsv" "$leaves"; do [ -s "$f" ] || { fail "$name: missing $f"; return; }; done

  # per stored iterate s: s, level, distinct labels, the nclusters column, the dendrogram cut count
  local expect bad levels la lb lc
  expect=$(awk -F'\t' '
    /^#/ { next }
    !hdr { for (k = 1; k <= NF; k++) c[$k] = k; hdr = 1; next }
    $c["record"] == 0 { s = $c["s"] + 0; g[s] = $c["gamma"]; nc[s] = $c["nclusters"]
                        if (!((s, $c["cluster"]) in seen)) { seen[s, $c["cluster"]] = 1; d[s]++ }
                        if (s + 1 > ns) ns = s + 1; if ($c["obs"] + 1 > n) n = $c["obs"] + 1 }
    $c["record"] == 1 { h[++nm] = $c["height"] + 0 }
    END { for (s = 0; s < ns; s++) { m = 0; for (j = 1; j <= nm; j++) if (h[j] <= g[s] + 0) m++
                                     print s, g[s], d[s], nc[s], n - m } }' "$tsv")
  [ -n "$expect" ] || { fail "$name: no path points in $tsv"; return; }
  bad=$(awk '$3 != $4 || $3 != $5' <<<"$expect")
  [ -z "$bad" ] && ok "$name: data: distinct labels = nclusters = dendrogram cut at every stored level" \
                || fail "$name: data: counts disagree at: $(head -n 3 <<<"$bad" | tr '\n' ';')"

  # three levels where the count changes (so a level that did not move shows a wrong count): the
  # first, the middle and the last change
  levels=$(awk 'NR > 1 && $3 != prev { ch[++m] = $1 } { prev = $3 }
                END { if (m >= 3) print ch[1], ch[int((m + 1) / 2)], ch[m] }' <<<"$expect")
  [ -n "$levels" ] || { fail "$name: fewer than three cluster-count changes along the path"; return; }
  read -r la lb lc <<<"$levels"

  local url log t0 t1 dom status st
  url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
  log=${png%.png}-chromium.log
  t0=$(date +%s.%N)
  dom=$(timeout 300 "$chromium" "${flags[@]}" --dump-dom "$url#selftest=$la,$lb,$lc" 2>"$log")
  status=$?
  t1=$(date +%s.%N)
  [ "$status" -eq 0 ] && ok "$name: chromium ran the self-test ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s with browser start)" \
                      || fail "$name: chromium exited with status $status (see $log)"
  st=$(grep '^ST ' <<<"$dom")
  grep -q '^ST done$' <<<"$st" && ok "$name: the self-test ran to its end" || fail "$name: the self-test did not finish (a script error?)"

  local want s how gam k line got grp cut
  for want in "$la slider" "$lb slider" "$lc keyboard"; do
    read -r s how <<<"$want"
    read -r _ gam k _ _ < <(awk -v s="$s" '$1 == s' <<<"$expect")
    line=$(grep "^ST level [0-9]* via $how " <<<"$st" | awk -v s="$s" '$3 == s' | head -n 1)
    got=$(awk '{ print $7 }' <<<"$line") grp=$(awk '{ print $9 }' <<<"$line") cut=$(awk '{ print $11 }' <<<"$line")
    [ -n "$line" ] || { fail "$name: level $s ($how): the slider is not at $s: $(grep "via $how" <<<"$st" | head -n 1)"; continue; }
    [ "$got" = "$k" ] && ok "$name: level $s via the $how: shows $got clusters, as in the data" \
                      || fail "$name: level $s via the $how: shows '$got' clusters, the data have $k"
    [ "$grp" = "$k" ] && ok "$name: level $s: the dendrogram's leaves form $grp colour groups" \
                      || fail "$name: level $s: the dendrogram's leaves form '$grp' colour groups, not $k"
    awk -v a="$cut" -v b="$gam" 'BEGIN { exit !(a != "" && a + 0 == b + 0) }' \
      && ok "$name: level $s: the cut line is at lambda = $gam" || fail "$name: level $s: the cut line is at '$cut', not $gam"
  done

  want=$(awk -F'\t' '!/^#/ && $2 == "0" { print $3; exit }' "$leaves")
  got=$(sed -n 's/^ST label 0 //p' <<<"$st")
  [ -n "$want" ] && [ "$got" = "$want" ] && ok "$name: choosing observation 0 shows its label '$got'" \
    || fail "$name: choosing observation 0 shows '$got', the data say '$want'"
  local reached pressed after
  read -r _ _ _ _ _ reached _ pressed _ after < <(grep '^ST play ' <<<"$st")
  [ "${reached:-0}" -gt 0 ] && [ "${pressed:-}" = true ] && [ "${after:-}" = false ] \
    && ok "$name: play advanced the slider from 0 to $reached, pause stopped it" \
    || fail "$name: play/pause: $(grep '^ST play ' <<<"$st")"

  # self-contained: nothing is fetched (no src/href attributes, no url() in the style)
  local size
  size=$(wc -c < "$page")
  if grep -qiE '<(script|img|link|iframe)[^>]*(src|href)=|url\(' "$page"; then
    fail "$name: the page refers to other files"
  else ok "$name: the page is self-contained"; fi

  # responsiveness: size, load time (fastest of the self-test's and two more opens), slider steps
  local load l frames p50 p95 max
  load=$(sed -n 's/^ST load-ms //p' <<<"$st")
  for _ in 1 2; do
    l=$(timeout 120 "$chromium" "${flags[@]}" --dump-dom "$url#loadtime" 2>>"$log" | sed -n 's/^ST load-ms //p')
    [ -n "$l" ] && { [ -z "$load" ] || [ "$l" -lt "$load" ]; } && load=$l
  done
  read -r _ _ frames _ p50 _ p95 _ max < <(grep '^ST frames ' <<<"$st")
  [ "$size" -le 5000000 ] && ok "$name: page size $size bytes <= 5 MB" || fail "$name: page size $size bytes > 5 MB"
  [ -n "$load" ] && [ "$load" -lt 1000 ] && ok "$name: loads in $load ms < 1 s" || fail "$name: load time '$load' ms, not < 1000"
  awk -v p="${p95:-x}" 'BEGIN { exit !(p ~ /^[0-9.]+$/ && p + 0 <= 1000 / 30) }' \
    && ok "$name: slider steps: 95% within $p95 ms <= 33.3 ms (>= 30 frames/s)" \
    || fail "$name: slider steps: 95th percentile '$p95' ms > 33.3 ms (< 30 frames/s)"
  perf+=("$(printf '%-16s %9s %8s %7s %10s %10s %8s %8s' "$name" "$size" "${load:-?}" "${frames:-?}" "${p50:-?}" "${p95:-?}" "${max:-?}" \
             "$(awk -v p="${p95:-0}" 'BEGIN { printf "%.0f", (p > 0 ? 1000 / p : 0) }')")")

  rm -f "$png"
  timeout 120 "$chromium" "${flags[@]}" --window-size=1400,800 --screenshot="$png" "$url#level=$lb&label=0" \
    >>"$log" 2>&1
  [ "$(head -c 4 "$png" 2>/dev/null | od -An -c | tr -d ' ')" = '211PNG' ] && ok "$name: screenshot $png (level $lb)" \
    || fail "$name: no screenshot $png (see $log)"
  echo "$name: levels $la $lb $lc"
}

while [ $# -ge 3 ]; do check_page "$1" "$2" "$3"; shift 3; done
echo "responsiveness (machine load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null); times: fastest of 3):"
printf '  %-16s %9s %8s %7s %10s %10s %8s %8s\n' page bytes load-ms steps median-ms p95-ms max-ms fps@p95
for line in "${perf[@]}"; do echo "  $line"; done
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
