#!/usr/bin/env bash
# browser.sh PAGE TSV PNG -- the interactive path page in a real browser (headless Chromium).
# The page is opened with #selftest=A,B,C: it moves its slider to the stored iterates A and B (value
# + an 'input' event, the slider's own code path) and reaches C by the page's ArrowRight key from
# C - 1, then focuses observation 0 and presses play; it writes what it DISPLAYS (the cluster count
# text, the colour groups of the dendrogram's leaves, the level of the cut line, the label shown)
# into <pre id="selftest">, which --dump-dom returns.  The expected values are computed here from
# the data file, independently of the page: at iterate s, the number of distinct cluster labels,
# which must also equal the file's nclusters column and the count left by cutting the file's
# dendrogram at that level.  A screenshot of the page at level B (observation 0 labelled) goes to
# PNG.
# Last line: "browser: N passed, N failed"; the exit status is non-zero on any failure.
set -u
page=${1:?usage: tests/browser.sh PAGE TSV PNG} tsv=${2:?} png=${3:?}
chromium=${CHROMIUM:-chromium}
passed=0 failed=0
ok()   { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() { echo "browser: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }
leaves=${tsv%.tsv}-leaves.tsv

for f in "$page" "$tsv" "$leaves"; do [ -s "$f" ] || { fail "missing $f"; finish; }; done
command -v "$chromium" >/dev/null || { fail "no $chromium (make test-browser installs it)"; finish; }

# per stored iterate s: s, level, distinct labels, the nclusters column, the dendrogram cut count
expect=$(awk -F'\t' '
  /^#/ { next }
  !hdr { for (k = 1; k <= NF; k++) c[$k] = k; hdr = 1; next }
  $c["record"] == 0 { s = $c["s"] + 0; g[s] = $c["gamma"]; nc[s] = $c["nclusters"]
                      if (!((s, $c["cluster"]) in seen)) { seen[s, $c["cluster"]] = 1; d[s]++ }
                      if (s + 1 > ns) ns = s + 1; if ($c["obs"] + 1 > n) n = $c["obs"] + 1 }
  $c["record"] == 1 { h[++nm] = $c["height"] + 0 }
  END { for (s = 0; s < ns; s++) { m = 0; for (j = 1; j <= nm; j++) if (h[j] <= g[s] + 0) m++
                                   print s, g[s], d[s], nc[s], n - m } }' "$tsv")
[ -n "$expect" ] || { fail "no path points in $tsv"; finish; }
bad=$(awk '$3 != $4 || $3 != $5' <<<"$expect")
[ -z "$bad" ] && ok "data: distinct labels = nclusters = dendrogram cut at every stored level" \
              || fail "data: counts disagree at: $(head -n 3 <<<"$bad" | tr '\n' ';')"

# three levels where the count changes (so a level that did not move shows a wrong count): the
# first, the middle and the last change
levels=$(awk 'NR > 1 && $3 != prev { ch[++m] = $1 } { prev = $3 }
              END { if (m >= 3) print ch[1], ch[int((m + 1) / 2)], ch[m] }' <<<"$expect")
[ -n "$levels" ] || { fail "fewer than three cluster-count changes along the path"; finish; }
read -r la lb lc <<<"$levels"

profile=$(mktemp -d) || exit 2
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-default-apps --disable-extensions --disable-sync --no-first-run --no-default-browser-check
       --mute-audio --hide-scrollbars --user-data-dir="$profile" --virtual-time-budget=5000)
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
log=${png%.png}-chromium.log

t0=$(date +%s.%N)
dom=$(timeout 120 "$chromium" "${flags[@]}" --dump-dom "$url#selftest=$la,$lb,$lc" 2>"$log")
status=$?
t1=$(date +%s.%N)
[ "$status" -eq 0 ] && ok "chromium opened the page ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s with browser start)" \
                    || fail "chromium exited with status $status (see $log)"
st=$(grep '^ST ' <<<"$dom")
grep -q '^ST done$' <<<"$st" && ok "the self-test ran to its end" || fail "the self-test did not finish (a script error?)"

for want in "$la slider" "$lb slider" "$lc keyboard"; do
  read -r s how <<<"$want"
  read -r _ gam k _ _ < <(awk -v s="$s" '$1 == s' <<<"$expect")
  line=$(grep "^ST level [0-9]* via $how " <<<"$st" | awk -v s="$s" '$3 == s' | head -n 1)
  got=$(awk '{ print $7 }' <<<"$line") grp=$(awk '{ print $9 }' <<<"$line") cut=$(awk '{ print $11 }' <<<"$line")
  [ -n "$line" ] || { fail "level $s ($how): the slider is not at $s: $(grep "via $how" <<<"$st" | head -n 1)"; continue; }
  [ "$got" = "$k" ] && ok "level $s via the $how: shows $got clusters, as in the data" \
                    || fail "level $s via the $how: shows '$got' clusters, the data have $k"
  [ "$grp" = "$k" ] && ok "level $s: the dendrogram's leaves form $grp colour groups" \
                    || fail "level $s: the dendrogram's leaves form '$grp' colour groups, not $k"
  awk -v a="$cut" -v b="$gam" 'BEGIN { exit !(a != "" && a + 0 == b + 0) }' \
    && ok "level $s: the cut line is at lambda = $gam" || fail "level $s: the cut line is at '$cut', not $gam"
done

want=$(awk -F'\t' '!/^#/ && $2 == "0" { print $3; exit }' "$leaves")
got=$(sed -n 's/^ST label 0 //p' <<<"$st")
[ -n "$want" ] && [ "$got" = "$want" ] && ok "focus on observation 0 shows its label '$got'" \
  || fail "focus on observation 0 shows '$got', the data say '$want'"
read -r _ _ _ _ _ reached _ pressed _ after < <(grep '^ST play ' <<<"$st")
[ "${reached:-0}" -gt 0 ] && [ "${pressed:-}" = true ] && [ "${after:-}" = false ] \
  && ok "play advanced the slider from 0 to $reached, pause stopped it" \
  || fail "play/pause: $(grep '^ST play ' <<<"$st")"

# self-contained: nothing is fetched (no src/href attributes, no url() in the style)
if grep -qiE '<(script|img|link|iframe)[^>]*(src|href)=|url\(' "$page"; then
  fail "the page refers to other files"
else ok "the page is self-contained ($(wc -c < "$page") bytes)"; fi

rm -f "$png"
timeout 120 "$chromium" "${flags[@]}" --window-size=1400,800 --screenshot="$png" "$url#level=$lb&label=0" \
  >>"$log" 2>&1
[ "$(head -c 4 "$png" 2>/dev/null | od -An -c | tr -d ' ')" = '211PNG' ] && ok "screenshot $png (level $lb)" \
  || fail "no screenshot $png (see $log)"
echo "levels $la $lb $lc; in-page load $(sed -n 's/^ST load-ms //p' <<<"$st") ms (virtual clock)"
finish
