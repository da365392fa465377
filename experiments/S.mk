# S -- Stoger & Soltanolkotabi 2021: options of each S experiment, full and quick.
S-phases_full   := --n 40 --r 2 --k 40 --m 400 --kappa 2 --mu 0.1 --alpha 1e-6 --T 3000 --seed 1
S-phases_quick  := --n 40 --r 2 --k 40 --m 400 --kappa 2 --mu 0.1 --alpha 1e-6 --T 1500 --seed 1
S-spectral_full  := --n 40 --r 2 --k 40 --m 400 --kappa 2 --mu 0.1 --alphas 1e-4,1e-8,1e-12 \
                    --data-seeds 3 --init-seeds 3 --seed 1
S-spectral_quick := --n 40 --r 2 --k 40 --m 400 --kappa 2 --mu 0.1 --alphas 1e-4,1e-8,1e-12 \
                    --data-seeds 1 --init-seeds 1 --seed 1
S-phases_figdata := $(D)/S-phases.tsv
