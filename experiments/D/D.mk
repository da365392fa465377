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
# Convolutional net (D9, D10): 2 input channels of length 16, two conv layers of 4 channels (kernel
# widths 3, 3), a head with 3 outputs, 20 samples; the D-flow horizon idea at eta T = 2.
D-cnn_full    := --channels 2,4,4 --kernels 3,3 --length 16 --head 3 --samples 20 --init 0.2 \
                 --etas 1e-1,1e-2,1e-3,1e-4 --horizon 2 --leak 0.1 --points 200 --seed $(SEED)
D-cnn_quick   := --channels 2,4,4 --kernels 3,3 --length 16 --head 3 --samples 20 --init 0.2 \
                 --etas 1e-1,1e-2,1e-3 --horizon 2 --leak 0.1 --points 100 --seed $(SEED)
# Visible balancing (D11): a 4-layer linear net 6-6-6-6-6 on whitened inputs and a rank-2 teacher
# (singular values 2, 1.5); small init at 1e-4 of the balanced squared norms, contrast at 4,1,1,1/4.
D-balance_full  := --widths 6,6,6,6,6 --samples 20 --sigma 2,1.5 --act identity --init-ratio 1e-4 \
                   --contrast 4,1,1,0.25 --eta 0.1 --eta-contrast 0.02 --T 200000 --seed $(SEED)
D-balance_quick := --widths 6,6,6,6,6 --samples 20 --sigma 2,1.5 --act identity --init-ratio 1e-4 \
                   --contrast 4,1,1,0.25 --eta 0.1 --eta-contrast 0.02 --T 50000 --seed $(SEED)
# The decaying-step theorem (D12): the D-mf problem and small init, eta0 = 0.3 (< 1/sigma_1).
D-decay_full  := --d1 20 --d2 15 --k 3 --sigma 3,2,1 --alpha 1e-3 --eta0 0.3 --deltas 0.1,0.25,0.5 \
                 --T 1000000 --tol 1e-6 --seed $(SEED)
D-decay_quick := --d1 20 --d2 15 --k 3 --sigma 3,2,1 --alpha 1e-3 --eta0 0.3 --deltas 0.1,0.25,0.5 \
                 --T 100000 --tol 1e-6 --seed $(SEED)

# Side files each run writes besides NAME.tsv, NAME-macros.tex and NAME.resources.
D-flow_sides := summary.tsv
D-mf_sides   := summary.tsv
D-cnn_sides  := summary.tsv
D-balance_sides := summary.tsv
D-decay_sides := summary.tsv
