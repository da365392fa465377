# cbass.mk -- CBASS's benchmark (tests/bench_cbass.c): `make bench` also times the package's
# CBASS() pipeline on the presidential speeches and TCGA at t = 1.01 against the R package's
# measured 3.1 s / 0.41 GiB and 512 s / 15.0 GiB (goal: >= 50x in both).  Not part of `make`.
BENCHES += cbass
bench: $(BENCH_BIN)/bench_cbass
