# W -- Weylandt, Nagorski & Allen 2020 (CARP): options of each W experiment, full and quick.
W_DATA := --presidential experiments/data/presidential-speech.csv --authors experiments/data/authors.csv \
          --tcga experiments/data/tcga-breast.csv
W-weights_full  := $(W_DATA)
W-weights_quick := $(W_DATA)
W-path_full  := --csv experiments/data/presidential-speech.csv --t 1.05
W-path_quick := --csv experiments/data/presidential-speech.csv --t 1.1
# the path and its interactive page for the two larger data sets (quick = full: a few seconds, and
# the browser test measures the full-size pages)
W-path-authors_prog  := W-path
W-path-authors_full  := --csv experiments/data/authors.csv --t 1.05
W-path-authors_quick := $(W-path-authors_full)
W-path-tcga_prog  := W-path
W-path-tcga_full  := --csv experiments/data/tcga-breast.csv --t 1.05
W-path-tcga_quick := $(W-path-tcga_full)
W-dendro_figdata := $(D)/W-path.tsv
W-accuracy_full  := --n 30 --blobs 3 --p 2 --sd 0.5 --sep 3 --ts 1.5,1.2,1.1,1.06,1.05,1.02,1.01,1.005,1.001 --seed $(SEED)
W-accuracy_quick := --n 30 --blobs 3 --p 2 --sd 0.5 --sep 3 --ts 1.5,1.2,1.1,1.06,1.05,1.02,1.01 --seed $(SEED)
W-dendrogram_full  := --csv experiments/data/presidential-speech.csv --ts 1.1,1.05,1.02,1.01 --timing-t 1.05 --timing-reps 3
W-dendrogram_quick := --csv experiments/data/presidential-speech.csv --ts 1.1,1.05 --timing-t 1.05 --timing-reps 1
W-speed_full  := --authors experiments/data/authors.csv --tcga experiments/data/tcga-breast.csv \
                 --ts 1.1,1.05,1.01,1.005 --grids 100,1000 --exact-max-steps 5000 --exact-r-max-steps 5000 --solve-reps 200 --viz 1
W-speed_quick := --authors experiments/data/authors.csv --tcga experiments/data/tcga-breast.csv \
                 --ts 1.1 --grids 10,20 --exact-max-steps 100 --exact-r-max-steps 200 --solve-reps 5 --viz 0
# CARP with cells deleted at random (fit on the observed cells vs column means filled in)
W-missing_full  := $(W_DATA) --fractions 0.05,0.1 --reps 3 --kmax 10 --t 1.05 --seed $(SEED)
W-missing_quick := $(W_DATA) --fractions 0.05,0.1 --reps 1 --kmax 10 --t 1.2 --seed $(SEED)
W-accuracy_figdata := $(D)/W-accuracy.tsv
W-animation_figdata := $(D)/W-path.tsv
# CBASS (the package's biclustering method): a planted-bicluster matrix against the exact path
# (claims W9-W11), and cluster heatmaps of two real data sets at the package's default t = 1.01
# (W9; the TCGA run is most of the CBASS build time, about 10 s).
W-cbass-accuracy_full  := --n 12 --p 10 --row-groups 3 --col-groups 2 --sd 0.5 --sep 2 --ts 1.5,1.2,1.1,1.05,1.01 --ref-t 1.01 --seed $(SEED)
W-cbass-accuracy_quick := --n 12 --p 10 --row-groups 3 --col-groups 2 --sd 0.5 --sep 2 --ts 1.5,1.2 --ref-t 1.2 --seed $(SEED)
W-cbass-pres_prog  := W-cbass-heatmap
W-cbass-pres_full  := --csv experiments/data/presidential-speech.csv --t 1.01 --rows 12,4,2
W-cbass-pres_quick := --csv experiments/data/presidential-speech.csv --t 1.05 --rows 12,4,2
W-cbass-tcga_prog  := W-cbass-heatmap
W-cbass-tcga_full  := --csv experiments/data/tcga-breast.csv --t 1.01 --rows 40,10,3
W-cbass-tcga_quick := --csv experiments/data/tcga-breast.csv --t 1.2 --rows 40,10,3
# both heatmaps are drawn by one script (figures/W-cbass-heatmap.gpi) that their .gp files load
$(F)/W-cbass-pres.tex $(F)/W-cbass-pres.pdf $(F)/W-cbass-tcga.tex $(F)/W-cbass-tcga.pdf: figures/W-cbass-heatmap.gpi

# Side files each run writes besides NAME.tsv, NAME-macros.tex and NAME.resources.
W-accuracy_sides   := viz.tsv
W-dendrogram_sides := timing.tsv timing-macros.tex
W-path_sides       := leaves.tsv segments.tsv page.html
W-path-authors_sides := $(W-path_sides)
W-path-tcga_sides    := $(W-path_sides)
W-speed_sides      := timing.tsv timing-macros.tex
W-cbass-pres_sides := edges.tsv panels.tsv blocks.tsv image.tsv timing.tsv timing-macros.tex
W-cbass-tcga_sides := $(W-cbass-pres_sides)
