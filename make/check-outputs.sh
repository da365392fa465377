#!/usr/bin/env bash
# check-outputs.sh DIR RUN "DECLARED..." "ALL_DECLARED..." -- after run RUN: every declared output
# exists, and RUN wrote no file that no run declares (DIR/RUN.* and DIR/RUN-*, minus what other
# runs declare), so that make knows every file it may have to rebuild.
set -u
dir=$1 run=$2 declared=$3 all=$4
status=0
for f in $declared; do
  [ -e "$f" ] || { echo "$run: did not write $f, which experiments/*/*.mk declares" >&2; status=1; }
done
for f in "$dir/$run".* "$dir/$run"-*; do
  [ -e "$f" ] || continue
  case " $all " in *" $f "*) continue ;; esac
  case "$f" in *.tmp[0-9]*) continue ;; esac
  echo "$run: wrote $f, which no run declares: add its suffix to ${run}_sides in experiments/*/*.mk" >&2
  status=1
done
exit $status
