# S -- Stoger & Soltanolkotabi 2021: the runs of the S experiments, full and quick.
# Protocol (ours, pilot-calibrated; the paper gives no figure parameters): n = 40, r = 2, kappa = 2,
# k = n, m = 5nr = 400, mu = 0.1, T = 3000, 3 data x 3 init seeds, master seed 1.
S_PROBLEM := --n 40 --r 2 --m 400 --kappa 2 --seed $(SEED)
S_BASE := $(S_PROBLEM) --k 40 --mu 0.1
S_BASE_LARGE := $(S_PROBLEM) --k 40 --mu 0.02

S-phases_full   := $(S_BASE) --alpha 1e-6 --T 3000
S-phases_quick  := $(S_BASE) --alpha 1e-6 --T 1500

S-spectral_full  := $(S_BASE) --alphas 1e-4,1e-8,1e-12 --data-seeds 3 --init-seeds 3
S-spectral_quick := $(S_BASE) --alphas 1e-4,1e-8,1e-12 --data-seeds 1 --init-seeds 1
# S8: the same alignment at alpha = 1e-6 for widths k = r .. n (9 data x init pairs each).
S-spectral-width_prog  := S-spectral
S-spectral-width_full  := $(S_PROBLEM) --mu 0.1 --k 2,4,8,20,40 --alphas 1e-6 --data-seeds 3 --init-seeds 3
S-spectral-width_quick := $(S_PROBLEM) --mu 0.1 --k 2,4,8,20,40 --alphas 1e-6 --data-seeds 1 --init-seeds 1

# S-alpha: small alpha (mu = 0.1, T = 3000, noise tracked every iteration for alpha <= 1e-4) and
# the large-initialization contrast (mu = 0.02, T = 15000), as two runs so that make -j2 overlaps them.
S-alpha-small_prog  := S-alpha
S-alpha-small_full  := $(S_BASE) --alphas 1e-2,1e-4,1e-6,1e-8 --T 3000 --data-seeds 3 --init-seeds 3
S-alpha-small_quick := $(S_BASE) --alphas 1e-2,1e-4,1e-6,1e-8 --T 3000 --data-seeds 1 --init-seeds 1
S-alpha-large_prog  := S-alpha
S-alpha-large_full  := $(S_BASE_LARGE) --alphas 2,1 --T 15000 --noise-every 0 \
                       --data-seeds 3 --init-seeds 3
S-alpha-large_quick := $(S_BASE_LARGE) --alphas 2,1 --T 8000 --noise-every 0 \
                       --data-seeds 1 --init-seeds 1

# S-oversampling: r = 1 (kappa is then irrelevant), m/(nr) = 5, 14 (n = 40) and 25 (n = 60, so that
# m < n(n+1)/2).  T = 1000: the same time mu*sigma_min^2*T as the r = 2 protocol's T = 3000 needs
# (sigma_min = 1 instead of 1/2), with margin.  The n = 60 run costs ~2 ms per iteration (a 22 MB
# operator per pass), so it uses 3 data x 1 init seeds.
S_OVER := --r 1 --kappa 1 --mu 0.1 --alphas 1e-2,1e-4,1e-6,1e-8 --noise-every 0 --seed $(SEED)
S-oversampling-5_prog   := S-alpha
S-oversampling-5_full   := $(S_OVER) --T 1000 --n 40 --k 40 --m 200 --data-seeds 3 --init-seeds 3
S-oversampling-5_quick  := $(S_OVER) --T 1000 --n 40 --k 40 --m 200 --data-seeds 1 --init-seeds 1
S-oversampling-14_prog  := S-alpha
S-oversampling-14_full  := $(S_OVER) --T 1000 --n 40 --k 40 --m 560 --data-seeds 3 --init-seeds 3
S-oversampling-14_quick := $(S_OVER) --T 1000 --n 40 --k 40 --m 560 --data-seeds 1 --init-seeds 1
S-oversampling-25_prog  := S-alpha
S-oversampling-25_full  := $(S_OVER) --T 1000 --n 60 --k 60 --m 1500 --data-seeds 3 --init-seeds 1
S-oversampling-25_quick := $(S_OVER) --n 60 --k 60 --m 1500 --data-seeds 1 --init-seeds 1 --T 300

S-width_full  := $(S_PROBLEM) --mu 0.1 --widths 2,3,4,8,20,40 --alpha 1e-6 --T 3000 --data-seeds 3 --init-seeds 3
S-width_quick := $(S_PROBLEM) --mu 0.1 --widths 2,3,4,8,20,40 --alpha 1e-6 --T 3000 --data-seeds 1 --init-seeds 1

# Figures that read more than the run of their own name.
S-alpha_figdata        := $(D)/S-alpha-small.tsv $(D)/S-alpha-large.tsv
S-oversampling_figdata := $(D)/S-oversampling-5.tsv $(D)/S-oversampling-14.tsv $(D)/S-oversampling-25.tsv

# Side files each run writes besides NAME.tsv, NAME-macros.tex and NAME.resources.
S-alpha-large_sides     := fit.tsv summary.tsv
S-alpha-small_sides     := fit.tsv summary.tsv
S-oversampling-5_sides  := fit.tsv summary.tsv
S-oversampling-14_sides := fit.tsv summary.tsv
S-oversampling-25_sides := fit.tsv summary.tsv
S-phases_sides          := landmarks.tsv
S-spectral_sides        := summary.tsv
S-spectral-width_sides  := summary.tsv
S-width_sides           := final.tsv
