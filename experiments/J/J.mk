# J -- Jiang, Chen & Ding 2023: options of each J experiment, full and quick.  Every parameter is
# ours (the paper's figure parameters are not at hand): see paper/sections/J.tex.
J-staircase_full   := --m 100 --n 100 --k 200 --sigma 1,0.8,0.6,0.4,0.2 --tail 0.01 --alpha 1e-6 \
                      --eta 0.05 --T 2400 --every 4 --seed $(SEED)
J-staircase_quick  := --m 40 --n 40 --k 80 --sigma 1,0.8,0.6,0.4,0.2 --tail 0.01 --alpha 1e-6 \
                      --eta 0.05 --T 1300 --every 10 --seed $(SEED)
J-staircase_figdata := $(D)/J-staircase.tsv
J-emergence_full   := --m 50 --n 40 --k 60 --alphas 1e-4,1e-6,1e-8 --etas 0.05,0.5 --seeds 10 --seed $(SEED)
J-emergence_quick  := --m 30 --n 20 --k 30 --alphas 1e-4,1e-6,1e-8 --etas 0.05,0.5 --seeds 2 --seed $(SEED)
J-earlystop_full   := --m 20 --n 5 --k 10 --sigma 1,0.5,0.25,0.125,0.0625 --alphas 1e-3,1e-5,1e-7,1e-9 \
                      --eta 0.5 --seeds 10 --seed $(SEED)
J-earlystop_quick  := --m 20 --n 5 --k 10 --sigma 1,0.5,0.25,0.125,0.0625 --alphas 1e-3,1e-5,1e-7,1e-9 \
                      --eta 0.5 --seeds 3 --seed $(SEED)
J-dimfree_full     := --ms 20,20,50,100 --ns 20,20,30,100 --ks 5,10,50,200 --alpha 1e-6 --eta 0.2 \
                      --seeds 10 --seed $(SEED)
J-dimfree_quick    := --ms 20,20,50 --ns 20,20,30 --ks 5,10,50 --alpha 1e-6 --eta 0.2 --seeds 2 --seed $(SEED)
J-dimfree_figdata  := $(D)/J-dimfree.tsv

# Side files each run writes besides NAME.tsv, NAME-macros.tex and NAME.resources.
J-dimfree_sides   := summary.tsv
J-staircase_sides := marks.tsv
