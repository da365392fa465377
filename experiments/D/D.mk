# D -- Du, Hu & Lee 2018: options of each D experiment, full and quick.  Every parameter is ours
# (the paper gives none): see paper/sections/D.tex.
D-flow_full   := --widths 10,20,20,5 --samples 50 --init 0.1 --etas 1e-1,1e-2,1e-3,1e-4 --horizon 5 \
                 --leak 0.1 --bias-eta 1e-2 --points 200 --seed $(SEED)
D-flow_quick  := --widths 10,20,20,5 --samples 50 --init 0.1 --etas 1e-1,1e-2,1e-3 --horizon 5 \
                 --leak 0.1 --bias-eta 1e-2 --points 100 --seed $(SEED)
D-mf_full     := --d1 20 --d2 15 --k 3 --sigma 3,2,1 --alpha-small 1e-3 --alpha-large 1 --eta-small 0.1 \
                 --eta-large 0.01 --deltas 0.1,0.5 --T 20000 --seeds 3 --seed $(SEED)
D-mf_quick    := --d1 20 --d2 15 --k 3 --sigma 3,2,1 --alpha-small 1e-3 --alpha-large 1 --eta-small 0.1 \
                 --eta-large 0.01 --deltas 0.1,0.5 --T 5000 --seeds 1 --seed $(SEED)
D-rank1_full  := --d1 20 --d2 15 --sigma 3 --alpha 1e-3 --eta 0.1 --T 2000 --stop 1e-14 --seed $(SEED)
D-rank1_quick := $(D-rank1_full)

# Side files each run writes besides NAME.tsv, NAME-macros.tex and NAME.resources.
D-flow_sides := summary.tsv
D-mf_sides   := summary.tsv
