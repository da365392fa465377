# X -- synthesis across papers: the incremental-learning law t ~ ln(1/alpha)/(eta sigma) in the S, J
# and M settings on common axes (experiments/X-synthesis.c, paper/sections/synthesis.tex).  Every
# parameter is ours.  Full: 7 init scales x 5 seeds; quick: 3 scales x 2 seeds, a smaller S problem.
X-synthesis_full  := --alphas 1e-2,1e-3,1e-4,1e-5,1e-6,1e-7,1e-8 --seeds 5 --seed $(SEED)
X-synthesis_quick := --alphas 1e-2,1e-5,1e-8 --seeds 2 --s-n 30 --s-m 300 --seed $(SEED)
