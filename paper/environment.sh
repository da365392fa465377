#!/usr/bin/env bash
# environment.sh -- the machine and tools of this build as LaTeX macros.  make record writes them to
# paper/recorded/environment.tex beside the costs and benchmarks it records, and the paper quotes
# that snapshot (never the live machine: the PDF is the same on every build).
set -u
esc() { sed -e 's/[\\{}]//g' -e 's/[_&%$#]/\\&/g'; }
macro() { printf '\\newcommand{\\%s}{%s}\n' "$1" "$(printf '%s' "$2" | esc)"; }
macro EnvCompiler "$(${CC:-cc} --version | head -n 1)"
macro EnvGSL "$(pkg-config --modversion gsl)"
macro EnvOpenBLAS "$(dpkg-query -W -f='${Version}' libopenblas-dev 2>/dev/null || echo unknown)"
macro EnvGnuplot "$(gnuplot --version)"
macro EnvTeX "$(pdflatex --version | head -n 1)"
macro EnvCPU "$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
macro EnvCores "$(nproc)"
macro EnvMemory "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
