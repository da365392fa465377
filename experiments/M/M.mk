# M -- Ma, Lavaei & Sojoudi 2023 (lifted tensor matrix sensing): options of each M experiment.
# Full scale is the protocol of the claims (trial counts, eps, n); quick shrinks trials and n.
M-success-n_full    := --ns 5,8,10,12 --l 3 --eps 1e-7 --rho 0.01 --T 2000 --trials-lifted 20 \
                       --trials-unlifted 200 --trials-control 20 --seed $(SEED)
M-success-n_quick   := --ns 5,6,7,8 --l 3 --eps 1e-7 --rho 0.01 --T 2000 --trials-lifted 3 \
                       --trials-unlifted 20 --trials-control 3 --seed $(SEED)
M-control_full      := --n 5 --l 3 --eps 1e-7 --rho 0.01 --T 2000 --trials 200 --seed $(SEED)
M-control_quick     := --n 5 --l 3 --eps 1e-7 --rho 0.01 --T 2000 --trials 5 --seed $(SEED)
M-success-eps_full  := --n 10 --l 3 --epss 1e-3,1e-4,1e-5,1e-6,1e-7 --rho 0.01 --T 2000 \
                       --trials-lifted 20 --trials-unlifted 200 --trials-control 20 --seed $(SEED)
M-success-eps_quick := --n 5 --l 3 --epss 1e-3,1e-4,1e-5,1e-6,1e-7 --rho 0.01 --T 2000 \
                       --trials-lifted 3 --trials-unlifted 20 --trials-control 3 --seed $(SEED)
M-algorithms_full   := --n 10 --l 3 --epss 1e-3,1e-4,1e-5,1e-6,1e-7 --eta 0.02 --lr 0.1 --T 2000 \
                       --trials 20 --eps-traj 1e-7 --seed $(SEED)
M-algorithms_quick  := --n 5 --l 3 --epss 1e-3,1e-4,1e-5,1e-6,1e-7 --eta 0.02 --lr 0.1 --T 2000 \
                       --trials 3 --eps-traj 1e-7 --seed $(SEED)
M-rank1_full        := --n 4 --m 40 --l 3 --eta 0.005 --eps 1e-12 --T 500 --epss 1e-6,3e-6,1e-5,3e-5,1e-4 \
                       --t-lin 100 --seed $(SEED)
M-rank1_quick       := $(M-rank1_full)
M-identities_full   := --n 5 --rho 0.01 --points 3 --l-sym 3 --eta 0.02 --T 2000 --epss 1e-7,1e-3,1 --seed $(SEED)
M-identities_quick  := --n 5 --rho 0.01 --points 1 --l-sym 3 --eta 0.02 --T 200 --epss 1e-7,1 --seed $(SEED)
M-saddle_full       := --l 3 --fd-step 1e-4 --eps 1e-3 --T 5000 --trials-unit 200 --trials-small 200 \
                       --trials-lifted 40 --seed $(SEED)
M-saddle_quick      := --l 3 --fd-step 1e-4 --eps 1e-3 --T 5000 --trials-unit 20 --trials-small 20 \
                       --trials-lifted 5 --seed $(SEED)
M-success-n_figdata   := $(D)/M-success-n.tsv $(D)/M-success-eps.tsv
M-algorithms_figdata  := $(D)/M-algorithms.tsv
M-rank1_figdata       := $(D)/M-rank1.tsv
M-saddle_figdata      := $(D)/M-saddle.tsv

# Side files each run writes besides NAME.tsv, NAME-macros.tex and NAME.resources.
M-algorithms_sides := traj.tsv
M-identities_sides := fop.tsv sym.tsv
M-rank1_sides      := linear.tsv
M-saddle_sides     := curv.tsv gd.tsv
